// extensionTestsPath of the window that is reloaded: leaves a payload tab open and the Telnyx view closed.
import { join } from 'node:path';
import { runFile } from './mocha';

export const run = (): Promise<void> => runFile(join(__dirname, 'prepare.test.js'));
