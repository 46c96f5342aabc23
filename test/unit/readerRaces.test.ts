// The reader against a list that changes between and during its requests, in orders no server promises:
// records removed and added while pages are on the wire, and concurrent pages answered in any order. The list
// is a model in memory so that every interleaving can be played, seeded, hundreds of times; the sandbox-backed
// tests in reader.test.ts cover the same reader over real HTTP.

import * as assert from 'node:assert/strict';
import { NewestFirstReader, windowAround, type ReaderSource } from '../../src/api/newestFirstReader';
import type { Page } from '../../src/api/types';
import { Prng } from '../sandbox/prng';

interface Rec {
  id: string;
  created_at: string;
}


/**
 * A list sorted newest first (or oldest first) that, before answering each request, may lose a random record
 * or gain a newest one, and answers after a random pause, so concurrent requests see different states.
 */
function changingList(seed: number, size: number, order: 'desc' | 'asc', change: { remove: number; insert: number }) {
  const randGen = new Prng(seed);
  const rand = (): number => randGen.next();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const make = (): Rec => ({ id: `r${(clock += 1000)}`, created_at: new Date(clock).toISOString() });
  let records: Rec[] = Array.from({ length: size }, make).reverse(); // newest first
  const original = new Set(records.map((r) => r.id));
  const removed = new Set<string>();
  const sorted = (): Rec[] => (order === 'desc' ? records : [...records].reverse());
  const page = async (n: number, pageSize: number): Promise<Page<Rec>> => {
    // A few turns of the event loop, so concurrent requests are answered in any order.
    for (let k = Math.floor(rand() * 4); k > 0; k--) await new Promise((r) => setImmediate(r));
    if (rand() < change.remove && records.length > 0) {
      const victim = records[Math.floor(rand() * records.length)]!;
      removed.add(victim.id);
      records = records.filter((r) => r !== victim);
    }
    if (rand() < change.insert) records = [make(), ...records];
    const all = sorted();
    const items = all.slice((n - 1) * pageSize, n * pageSize);
    return { items, pageNumber: n, pageSize, totalPages: Math.ceil(all.length / pageSize), totalResults: all.length };
  };
  const source: ReaderSource<Rec> = {
    page: (n, s) => page(n, s),
    all: async () => ({ items: [...records], settled: true }),
  };
  /** Records there from the start to the end: each must be shown. */
  const throughout = (): string[] => [...original].filter((id) => !removed.has(id));
  return { source, throughout };
}

async function readToEnd(source: ReaderSource<Rec>, pageSize: number): Promise<Rec[]> {
  const reader = new NewestFirstReader(source, pageSize);
  const signal = new AbortController().signal;
  for (let steps = 0; steps === 0 || reader.hasMore; steps++) {
    assert.ok(steps < 1000, 'the reader ends');
    await reader.loadNext(signal);
  }
  return reader.items;
}

describe('NewestFirstReader while the list changes under concurrent requests', function () {
  this.timeout(60_000);
  for (const order of ['desc', 'asc'] as const) {
    for (const [what, change] of [
      ['records removed', { remove: 0.5, insert: 0 }],
      ['records removed and added', { remove: 0.4, insert: 0.4 }],
    ] as const) {
      it(`loses nothing when ${what} (listed ${order}), 300 seeded runs`, async () => {
        let lost = 0;
        let twice = 0;
        const failed: number[] = [];
        for (let seed = 1; seed <= 300; seed++) {
          const list = changingList(seed, 47, order, change);
          const shown = (await readToEnd(list.source, 5)).map((r) => r.id);
          const missing = list.throughout().filter((id) => !shown.includes(id)).length;
          lost += missing;
          twice += shown.length - new Set(shown).size;
          if (missing) failed.push(seed);
        }
        assert.equal(twice, 0, 'shown twice');
        assert.equal(lost, 0, `records lost in seeds ${failed.slice(0, 10).join(', ')}`);
      });
    }
  }
});

describe('windowAround', () => {
  it('finds a page with the margin asked for on both sides of any boundary', () => {
    for (const margin of [1, 3, 13, 125]) {
      for (let boundary = 1; boundary < 5000; boundary += 7) {
        const { number, size } = windowAround(boundary, margin);
        const start = (number - 1) * size;
        assert.ok(size >= 2 && size <= 250, `size ${size}`);
        const reach = Math.min(boundary - start, start + size - boundary);
        assert.ok(reach >= 1, `boundary ${boundary}: page ${number} of ${size} does not straddle it`);
        // Only `boundary` records stand before it; small margins are always reachable past that.
        if (margin <= 13) assert.ok(reach >= Math.min(margin, boundary), `boundary ${boundary}, margin ${margin}: reach ${reach}`);
      }
    }
  });
});
