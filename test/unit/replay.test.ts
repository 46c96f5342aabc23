// Issue 13, republishing many: against the sandbox's republish endpoints and its request log. Every count
// of POSTs below is what the sandbox received, and every "processed" what it recorded.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TelnyxClient } from '../../src/api/client';
import { curlRepublish, curlShowEvent, shellQuote } from '../../src/api/curl';
import { DIRECTIONS, PORT_IN, PORT_OUT, type Direction } from '../../src/api/directions';
import { TelnyxError } from '../../src/api/errors';
import type * as vscode from 'vscode';
import { ledgerStateKey } from '../../src/accounts/accountState';
import { listEventsInRange, MemoryLedger, planReplay, replay, targetsOf, type LedgerBatch, type LedgerRecord, type ReplayTarget } from '../../src/api/replay';
import { MAX_ENTRIES, ReplayLedgers } from '../../src/webhooks/replayLedgers';
import { code, renderReport } from '../../src/presentation/replayReport';
import { startSandbox, type AnyEvent, type Sandbox } from '../sandbox/server';

const run = promisify(execFile);
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('replay: republish many, safely', function () {
  this.timeout(30_000);
  let sb: Sandbox;
  const client = (over: Partial<ConstructorParameters<typeof TelnyxClient>[0]> = {}): TelnyxClient =>
    new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 2_000, retries: 2, ...over });
  const events = (dir: Direction): readonly AnyEvent[] => (dir === PORT_IN ? sb.data.portinEvents : sb.data.portoutEvents);
  /** The n newest events of each direction, alternating, as replay targets. */
  const targets = (n: number): ReplayTarget[] => {
    const per = DIRECTIONS.map((d) => targetsOf(d, events(d).slice(0, Math.ceil(n / 2))));
    return Array.from({ length: n }, (_, i) => per[i % 2]![Math.floor(i / 2)]!);
  };
  const republishPosts = (): string[] => sb.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/republish')).map((r) => r.path.split('/').at(-2)!);
  const processed = (): string[] => sb.republishes.map((r) => r.id);

  before(async () => {
    sb = await startSandbox();
  });
  after(async () => {
    await sb.close();
  });
  beforeEach(() => sb.reset());

  describe('choosing what to send', () => {
    for (const dir of DIRECTIONS) {
      it(`${dir.label}: lists a created_at range, optionally one type and one order, oldest first, as the sandbox filters it`, async () => {
        const all = [...events(dir)].reverse(); // oldest first
        const from = all[Math.floor(all.length * 0.3)]!.created_at;
        const to = all[Math.floor(all.length * 0.7)]!.created_at;
        const inRange = all.filter((e) => e.created_at >= from && e.created_at <= to);
        const got = await listEventsInRange(client(), dir, { from, to }, { pageSize: 50 });
        assert.ok(got.settled);
        assert.deepEqual(got.events.map((e) => e.id), inRange.map((e) => e.id));
        const q = new URLSearchParams(sb.requests.at(-1)!.query);
        assert.equal(q.get('filter[created_at][gte]'), new Date(from).toISOString());
        assert.equal(q.get('filter[created_at][lte]'), new Date(to).toISOString());

        const type = inRange[0]!.event_type;
        const orderOf = (e: AnyEvent): string => ('porting_order_id' in e ? e.porting_order_id : e.portout_id);
        const order = orderOf(inRange[0]!);
        const narrow = await listEventsInRange(client(), dir, { from: new Date(from), to: new Date(to), eventType: type, orderId: order });
        assert.deepEqual(narrow.events.map((e) => e.id), inRange.filter((e) => e.event_type === type && orderOf(e) === order).map((e) => e.id));
        const sent = new URLSearchParams(sb.requests.at(-1)!.query);
        assert.equal(sent.get(dir.eventTypeFilter), type);
        assert.equal(sent.get(dir.eventOrderFilter), order);

        // The preview counts what the sandbox holds, by type and by order.
        const plan = planReplay(targetsOf(dir, got.events));
        assert.equal(plan.total, inRange.length);
        assert.equal(plan.toSend, inRange.length);
        const count = (key: (e: AnyEvent) => string): Map<string, number> => inRange.reduce((m, e) => m.set(key(e), (m.get(key(e)) ?? 0) + 1), new Map<string, number>());
        assert.deepEqual(new Map(plan.byType), count((e) => e.event_type));
        assert.deepEqual(new Map(plan.byOrder), count(orderOf));
        assert.ok(plan.byType.every((x, i, a) => i === 0 || a[i - 1]![1] >= x[1]), 'most first');
      });
    }

    it('refuses a range that is not one before asking anything', async () => {
      const before = sb.requests.length;
      for (const range of [{ from: 'yesterday', to: '2026-01-01T00:00:00Z' }, { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }]) {
        await assert.rejects(listEventsInRange(client(), PORT_IN, range), (e: unknown) => e instanceof TelnyxError && e.kind === 'config');
      }
      assert.equal(sb.requests.length, before);
    });

    it('the preview says what the ledger will skip, and counts an event listed twice once', () => {
      const ts = targets(4);
      const ledger = new MemoryLedger();
      ledger.set(ts[0]!.id, { outcome: 'sent', at: '2026-01-01T00:00:00Z' });
      ledger.set(ts[1]!.id, { outcome: 'unknown', at: '2026-01-01T00:00:00Z' });
      ledger.set(ts[2]!.id, { outcome: 'failed', at: '2026-01-01T00:00:00Z' });
      const plan = planReplay([...ts, ts[3]!], ledger);
      assert.deepEqual([plan.total, plan.alreadySent, plan.unknown, plan.toSend], [4, 1, 1, 2]);
      assert.equal(planReplay([{ ...ts[1]!, resendUnknown: true }], ledger).toSend, 1);
    });
  });

  describe('sending', () => {
    it('N events = N republish POSTs, each id once, all "sent" in the ledger, with progress to N/N', async () => {
      const ts = targets(7);
      const ledger = new MemoryLedger();
      const progress: string[] = [];
      const r = await replay(client(), ts, { ledger, onProgress: (done, total) => progress.push(`${done}/${total}`) });
      assert.deepEqual(republishPosts().sort(), ts.map((t) => t.id).sort());
      assert.deepEqual(processed().sort(), ts.map((t) => t.id).sort());
      assert.deepEqual(r.counts, { sent: 7, failed: 0, unknown: 0, 'skipped-sent': 0, 'skipped-unknown': 0, 'not-started': 0 });
      assert.equal(r.concurrency, 2);
      assert.deepEqual(progress, ['1/7', '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
      assert.ok(ts.every((t) => ledger.get(t.id)?.outcome === 'sent'));
      assert.ok(r.items.filter((i) => i.direction === 'portout').length > 0, 'both directions');

      const again = await replay(client(), ts, { ledger });
      assert.equal(republishPosts().length, 7, 'a rerun sends nothing already sent');
      assert.equal(again.counts['skipped-sent'], 7);
    });

    it('keeps at most `concurrency` requests in flight', async () => {
      sb.configure({ latencyMs: 40 });
      await replay(client(), targets(8), { ledger: new MemoryLedger() });
      assert.equal(sb.peakInFlight, 2);
      sb.clearRequests();
      await replay(client(), targets(12).slice(8), { ledger: new MemoryLedger(), concurrency: 4 });
      assert.equal(sb.peakInFlight, 4);
    });

    it('cancelled half way, then run again with the same ledger: POSTs in all = events, each id once', async () => {
      sb.configure({ latencyMs: 20 });
      const ts = targets(10);
      const ledger = new MemoryLedger();
      const ac = new AbortController();
      const first = await replay(client(), ts, { ledger, signal: ac.signal, onProgress: (done) => done === 4 && ac.abort() });
      assert.ok(first.cancelled);
      const sentFirst = first.counts.sent;
      assert.ok(sentFirst >= 4 && sentFirst <= 5, `in flight when cancelled still finish: ${sentFirst}`);
      assert.equal(first.counts['not-started'], 10 - sentFirst);
      assert.ok(first.items.filter((i) => i.outcome === 'not-started').every((i) => ledger.get(i.id) === undefined), 'not started: not in the ledger');
      assert.equal(republishPosts().length, sentFirst);

      const second = await replay(client(), ts, { ledger });
      assert.equal(second.counts.sent, 10 - sentFirst);
      assert.equal(second.counts['skipped-sent'], sentFirst);
      assert.deepEqual(republishPosts().sort(), ts.map((t) => t.id).sort(), 'each id once across both runs');
      assert.deepEqual(processed().sort(), ts.map((t) => t.id).sort());
    });

    it('a 502 after processing ends "unknown" and is not resent by a rerun; only when asked for by name', async () => {
      const ts = targets(4);
      const victim = ts[1]!;
      const ledger = new MemoryLedger();
      const c = client();
      await c.getEvent(PORT_IN, ts[0]!.id); // settle the events paths so the fault below meets the victim's POST
      await c.getEvent(PORT_OUT, victim.id);
      sb.addFault({ method: 'POST', path: `/${victim.id}/republish` }, { statusAfterProcessing: 502 });
      const r = await replay(c, ts, { ledger });
      assert.equal(ledger.get(victim.id)?.outcome, 'unknown');
      assert.match(ledger.get(victim.id)?.detail ?? '', /may or may not have been processed/);
      assert.deepEqual([r.counts.sent, r.counts.unknown], [3, 1]);
      assert.ok(processed().includes(victim.id), 'the sandbox did process it');

      const rerun = await replay(c, ts, { ledger });
      assert.equal(rerun.counts['skipped-unknown'], 1);
      assert.equal(rerun.items.find((i) => i.id === victim.id)?.outcome, 'skipped-unknown');
      assert.equal(republishPosts().filter((id) => id === victim.id).length, 1, 'not resent without the user');

      const asked = await replay(c, [{ ...victim, resendUnknown: true }], { ledger });
      assert.equal(asked.counts.sent, 1);
      assert.equal(republishPosts().filter((id) => id === victim.id).length, 2);
      assert.equal(ledger.get(victim.id)?.outcome, 'sent');
    });

    it('a 429 then success is one processed republish (Http waits and sends it again; replay adds nothing)', async () => {
      const [t] = targets(1);
      const c = client();
      await c.getEvent(PORT_IN, t!.id);
      sb.addFault({ method: 'POST', path: '/republish' }, { status: 429, retryAfter: 0 });
      const ledger = new MemoryLedger();
      const r = await replay(c, [t!], { ledger });
      assert.equal(r.counts.sent, 1);
      assert.equal(republishPosts().length, 2, 'the refused POST and the one that went through');
      assert.deepEqual(processed(), [t!.id]);
      assert.equal(ledger.get(t!.id)?.outcome, 'sent');
    });

    it('rate limiting that outlasts the retries fails that event and stops the run; a rerun sends the rest', async () => {
      const ts = targets(6);
      const c = client({ retries: 1 });
      await Promise.all(DIRECTIONS.map((d) => c.listEvents(d, { pageNumber: 1, pageSize: 1 })));
      sb.addFault({ method: 'POST', path: '/republish', times: 2 }, { status: 429, retryAfter: 0 });
      const ledger = new MemoryLedger();
      const r = await replay(c, ts, { ledger, concurrency: 1 });
      assert.equal(r.counts.failed, 1);
      assert.equal(r.counts['not-started'], 5);
      assert.match(r.stoppedBy ?? '', /429/);
      assert.equal(ledger.get(ts[0]!.id)?.outcome, 'failed');
      assert.deepEqual(processed(), []);

      const rerun = await replay(c, ts, { ledger });
      assert.equal(rerun.counts.sent, 6, 'failed means not processed: sent again');
      assert.deepEqual(processed().sort(), ts.map((t) => t.id).sort());
    });

    it('an event Telnyx does not know fails alone; the others go', async () => {
      const ts = targets(3);
      const ledger = new MemoryLedger();
      const r = await replay(client(), [ts[0]!, { id: UNKNOWN_ID, direction: 'portin' }, ts[1]!, ts[2]!], { ledger });
      assert.deepEqual([r.counts.sent, r.counts.failed], [3, 1]);
      assert.equal(r.items[1]!.outcome, 'failed');
      assert.match(r.items[1]!.detail ?? '', /404/);
      assert.equal(r.stoppedBy, undefined);
    });

    it('marks each event "unknown" in a write that is kept before its POST leaves, then the outcome; writes never overlap, even to a slow store', async () => {
      const writes: string[][] = [];
      let inWrite = 0;
      const store = new Map<string, LedgerRecord>();
      const slow = {
        get: (id: string) => store.get(id),
        write: async (batch: LedgerBatch) => {
          assert.equal(++inWrite, 1, 'writes never overlap');
          for (const [id, rec] of batch) if (rec?.outcome === 'unknown') assert.equal(republishPosts().filter((p) => p === id).length, 0, 'written before the POST');
          await new Promise((resolve) => setTimeout(resolve, 5));
          for (const [id, rec] of batch) if (rec) store.set(id, rec);
          writes.push(batch.map(([id, rec]) => `${id.slice(0, 4)}:${rec?.outcome}`));
          inWrite--;
        },
      };
      const ts = targets(4);
      await replay(client(), ts, { ledger: slow });
      // One window: all four marked in one write, all four outcomes in the last.
      assert.equal(writes.length, 2, JSON.stringify(writes));
      for (const t of ts) assert.deepEqual(writes.flat().filter((w) => w.startsWith(t.id.slice(0, 4))), [`${t.id.slice(0, 4)}:unknown`, `${t.id.slice(0, 4)}:sent`]);
    });

    it('cancelled inside a window: what was marked but never sent gets back what it had, nothing is left "unknown" unsent', async () => {
      const ts = targets(12);
      const ledger = new MemoryLedger();
      for (const t of ts.slice(6)) ledger.set(t.id, { outcome: 'failed', at: '2026-01-01T00:00:00Z', detail: 'earlier' });
      const ac = new AbortController();
      const r = await replay(client(), ts, { ledger, concurrency: 1, signal: ac.signal, onProgress: (done) => done === 3 && ac.abort() });
      assert.equal(r.counts.sent, 3);
      const posted = new Set(republishPosts());
      for (const t of ts) {
        const rec = ledger.get(t.id);
        if (posted.has(t.id)) assert.equal(rec?.outcome, 'sent');
        else if (ts.indexOf(t) >= 6) assert.deepEqual(rec, { outcome: 'failed', at: '2026-01-01T00:00:00Z', detail: 'earlier' });
        else assert.equal(rec, undefined, `${t.id}: never sent, yet ${JSON.stringify(rec)}`);
      }
    });
  });

  describe('the ledger in global state', () => {
    /** A Memento as VS Code's behaves (the new value readable at once), counting writes and what they serialise. */
    class CountingMemento {
      readonly values = new Map<string, unknown>();
      writes = 0;
      bytes = 0;
      keys(): string[] {
        return [...this.values.keys()];
      }
      get<T>(key: string): T | undefined {
        return this.values.get(key) as T | undefined;
      }
      update(key: string, value: unknown): Promise<void> {
        this.writes++;
        this.bytes += JSON.stringify(value ?? null).length;
        if (value === undefined) this.values.delete(key);
        else this.values.set(key, structuredClone(value));
        return new Promise((resolve) => setImmediate(resolve));
      }
    }

    it('5,000 events take at most 60 writes (not 10,000), and every outcome is kept', async function () {
      // Fails on the code before batching: two writes per event, 10,000 in all, 2.1 GB serialised.
      this.timeout(120_000);
      const big = await startSandbox({ seed: { totalEvents: 5_000 } });
      try {
        const state = new CountingMemento();
        const ledger = new ReplayLedgers(state as unknown as vscode.Memento).of('acct');
        const all = [...targetsOf(PORT_IN, big.data.portinEvents), ...targetsOf(PORT_OUT, big.data.portoutEvents)];
        assert.equal(all.length, 5_000);
        const c = new TelnyxClient({ baseUrl: big.apiBaseUrl, apiKey: big.apiKey, timeoutMs: 10_000, retries: 2 });
        const r = await replay(c, all, { ledger, concurrency: 4 });
        assert.equal(r.counts.sent, 5_000);
        console.log(`      5,000 events: ${state.writes} writes, ${(state.bytes / 1e6).toFixed(1)} MB serialised`);
        assert.ok(state.writes <= 60, `${state.writes} writes`);
        assert.ok(all.every((t) => ledger.get(t.id)?.outcome === 'sent'));
        assert.equal(planReplay(all, ledger).toSend, 0);
      } finally {
        await big.close();
      }
    });

    it(`past ${MAX_ENTRIES} entries the oldest "sent" go; "unknown" and "failed" stay, however old`, async () => {
      const state = new CountingMemento();
      const ledger = new ReplayLedgers(state as unknown as vscode.Memento).of('acct');
      const id = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const at = '2026-01-01T00:00:00Z';
      const batch: [string, LedgerRecord][] = Array.from({ length: MAX_ENTRIES + 100 }, (_, i) => [id(i), { outcome: i < 30 ? 'unknown' : i < 60 ? 'failed' : 'sent', at }]);
      await ledger.write(batch);
      const kept = Object.keys(state.get<Record<string, LedgerRecord>>(ledgerStateKey('acct'))!);
      assert.equal(kept.length, MAX_ENTRIES);
      for (let i = 0; i < 60; i++) assert.ok(ledger.get(id(i)), `${i} kept`);
      assert.equal(ledger.get(id(60)), undefined, 'the oldest sent went first');
      assert.equal(ledger.get(id(MAX_ENTRIES + 99))?.outcome, 'sent');
    });
  });

  describe('report', () => {
    it('lists outcomes, needing a decision first, with API text inert', async () => {
      const ts = targets(3);
      const ledger = new MemoryLedger();
      const hostile = '[click](https://evil.example) <img src=x onerror=alert(1)> **bold** ``tick`` # h\nnext line www.evil.example';
      ledger.set(ts[2]!.id, { outcome: 'unknown', at: '2026-01-01T00:00:00Z', detail: hostile });
      const r = await replay(client(), [...ts, { id: UNKNOWN_ID, direction: 'portout', eventType: '*evil* <b>' }], { ledger });
      const text = renderReport(r, { subtitle: 'Port-in [range](https://x.example) *from* <now>' });
      assert.match(text, /^# Republish report\n/);
      assert.ok(text.indexOf('## Failed') < text.indexOf('## Sent') && text.indexOf('## Skipped, outcome unknown') > text.indexOf('## Sent'));
      assert.match(text, /Sent: 2/);
      assert.ok(text.includes(code(hostile)), 'the detail as one code span');
      // Outside code spans, nothing from the API is left to render: no link, no HTML, no emphasis of theirs.
      const outside = text.replace(/(`+)[^`]*?(?:`(?!\1)[^`]*?)*\1/g, '');
      assert.doesNotMatch(outside, /evil|https?:|<img|<b>|\*\*/);
      assert.ok(text.includes('Port\\-in \\[range\\]\\(https\\:\\/\\/x\\.example\\) \\*from\\* \\<now\\>'));
    });

    it('code spans hold any text on one line', () => {
      assert.equal(code('a`b'), '``a`b``');
      assert.equal(code('`x`'), '`` `x` ``');
      assert.equal(code('a\n\nb'), '`a b`');
      assert.equal(code('  '), '(empty)');
    });
  });

  describe('Copy as cURL', () => {
    it('never holds the key, and runs as is in a shell with the key in $TELNYX_API_KEY', async () => {
      const ev = sb.data.portoutEvents[0]!;
      const c = client();
      const show = curlShowEvent(sb.apiBaseUrl, PORT_OUT, ev.id, c.eventsPathOf(PORT_OUT));
      const again = curlRepublish(`${sb.apiBaseUrl}/`, PORT_OUT, ev.id);
      for (const text of [show, again]) {
        assert.ok(!text.includes(sb.apiKey));
        assert.ok(text.includes('"Authorization: Bearer $TELNYX_API_KEY"'));
      }
      assert.equal(again.split('\n')[0], `curl -sS -i -X POST '${sb.apiBaseUrl}/portouts/events/${ev.id}/republish' \\`);
      const env = { ...process.env, TELNYX_API_KEY: sb.apiKey };
      const shown = await run('sh', ['-c', show], { env });
      assert.equal((JSON.parse(shown.stdout) as { data: { id: string } }).data.id, ev.id);
      const posted = await run('sh', ['-c', again], { env });
      assert.match(posted.stdout, /^HTTP\/1\.1 204/);
      assert.deepEqual(processed(), [ev.id]);
      assert.equal(sb.requests.at(-1)!.authorized, true);
    });

    it('quotes whatever it is given into one shell word', async () => {
      for (const s of [`it's`, `$(touch /tmp/x) \`id\` "q" \\ ; | & *`, '', 'a\nb']) {
        const { stdout } = await run('sh', ['-c', `printf %s ${shellQuote(s)}`]);
        assert.equal(stdout, s);
      }
      const odd = curlShowEvent("http://127.0.0.1:1/v2'; echo pwned; '", PORT_IN, "x'y");
      assert.ok(odd.includes(`'http://127.0.0.1:1/v2'\\''; echo pwned; '\\''/porting/events/x'\\''y'`));
    });
  });
});
