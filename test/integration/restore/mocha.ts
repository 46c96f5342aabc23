// Runs one test file in the extension host the way suite/index.ts runs the suite, printing the same
// "N passed, N failed" line test/integration/run.mjs reads; a failed or empty run rejects.
import Mocha from 'mocha';

export function runFile(file: string): Promise<void> {
  // Each test builds on the one before (the tab, then its activation, then its content): stop at the first failure.
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: 'spec', color: false, bail: true });
  mocha.addFile(file);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      console.log(`${passes} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} restore test(s) failed`));
      else if (passes === 0) reject(new Error('no restore tests ran'));
      else resolve();
    });
  });
}
