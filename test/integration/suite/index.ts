// Mocha entry point the VS Code extension host calls (extensionTestsPath). A rejected promise makes
// the host report failure, so both failed tests and an empty run reject.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // TEST_GREP runs part of the suite (npm run test:faults); the run still fails if nothing matched.
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: 'spec', color: false, grep: process.env.TEST_GREP || undefined });
  // esbuild emits one .js per suite file next to this one.
  for (const f of readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      if (pending > 0) console.log(`${pending} pending`);
      // The CI and test/integration/run.mjs read this exact line.
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else if (passes === 0) reject(new Error('no integration tests ran'));
      else resolve();
    });
  });
}
