// Forced full garbage collections while a suite runs. A deadline or a Cancel that reaches the socket only
// through something V8 may collect works until the first collection; the HTTP tests run under this so such
// a link fails them. `npm run test:unit` runs mocha with --expose-gc.

import * as assert from 'node:assert/strict';

export function gcNow(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  assert.ok(gc, 'run with node --expose-gc (npm run test:unit does: mocha --node-option expose-gc)');
  gc();
}

/**
 * Call inside a describe: its tests run with a full GC `gapMs` after the last one ended. A gap rather than
 * an interval: on a loaded machine one collection can take longer than 100 ms, and back-to-back collections
 * would leave the tests no time to run at all.
 */
export function underForcedGc(gapMs = 100): void {
  let timer: NodeJS.Timeout | undefined;
  let on = false;
  const tick = (): void => {
    gcNow();
    if (on) timer = setTimeout(tick, gapMs).unref();
  };
  before(() => {
    on = true;
    tick();
  });
  after(() => {
    on = false;
    clearTimeout(timer);
  });
}
