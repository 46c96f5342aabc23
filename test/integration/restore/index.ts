// extensionTestsPath of the reloaded window: checks what the restored payload tab did.
import { join } from 'node:path';
import { runFile } from './mocha';

export const run = (): Promise<void> => runFile(join(__dirname, 'restored-tab.test.js'));
