// package.json states each setting's default and bounds for the Settings UI; the code states them once in
// src/api/defaults.ts. This fails when the two drift apart. (mocha runs from the checkout's root.)

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULTS, LIMITS } from '../../src/api/defaults';

describe('setting defaults', () => {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> } };
  };
  const props = manifest.contributes.configuration.properties;

  it('package.json declares exactly the settings the code has defaults for, with the same defaults', () => {
    assert.deepEqual(Object.keys(props).sort(), Object.keys(DEFAULTS).map((k) => `telnyxPorting.${k}`).sort());
    for (const [k, v] of Object.entries(DEFAULTS)) assert.deepEqual(props[`telnyxPorting.${k}`]!.default, v, k);
  });

  it('and the same bounds', () => {
    for (const [k, [lo, hi]] of Object.entries(LIMITS)) {
      assert.equal(props[`telnyxPorting.${k}`]!.minimum, lo, `${k} minimum`);
      assert.equal(props[`telnyxPorting.${k}`]!.maximum, hi, `${k} maximum`);
    }
  });
});
