import * as assert from 'node:assert/strict';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { statusLook } from '../../src/presentation/directionLooks';
import { eventView } from '../../src/presentation/eventView';
import { setDisplayTimeZone } from '../../src/presentation/locale';
import { escapeMarkdown } from '../../src/presentation/markdown';
import { orderView } from '../../src/presentation/orderView';
import { relativeTime } from '../../src/presentation/relativeTime';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('labels', () => {
  before(() => setDisplayTimeZone('UTC'));

  it('words relative times', () => {
    assert.equal(relativeTime('2026-11-25T11:59:50Z', NOW), 'just now');
    assert.equal(relativeTime('2026-11-25T11:30:00Z', NOW), '30 min ago');
    assert.equal(relativeTime('2026-11-25T09:00:00Z', NOW), '3 h ago');
    assert.equal(relativeTime('2026-11-20T12:00:00Z', NOW), '5 d ago');
    assert.equal(relativeTime('2026-11-27T12:00:00Z', NOW), 'in 2 d');
    assert.equal(relativeTime(null, NOW), 'unknown time');
    assert.equal(relativeTime('not a date', NOW), 'unknown time');
  });

  it('labels every event type of the spec (API.md §6, §7) in words', () => {
    // Written out from the spec, not read from the product's table, so a type missing there fails here.
    const spec: [typeof PORT_IN, string, string][] = [
      [PORT_IN, 'porting_order.deleted', 'Order deleted'],
      [PORT_IN, 'porting_order.loa_updated', 'LOA updated'],
      [PORT_IN, 'porting_order.messaging_changed', 'Messaging changed'],
      [PORT_IN, 'porting_order.status_changed', 'Status changed'],
      [PORT_IN, 'porting_order.sharing_token_expired', 'Sharing token expired'],
      [PORT_IN, 'porting_order.new_comment', 'New comment'],
      [PORT_IN, 'porting_order.split', 'Order split'],
      [PORT_OUT, 'portout.status_changed', 'Status changed'],
      [PORT_OUT, 'portout.new_comment', 'New comment'],
      [PORT_OUT, 'portout.foc_date_changed', 'FOC date changed'],
    ];
    for (const [dir, type, words] of spec) {
      const v = eventView(dir, { event_type: type, payload: null }, NOW);
      assert.equal(v.label, words, type);
      assert.equal(v.known, true, type);
    }
  });

  it('adds the new status to status-changed events, for both payload shapes', () => {
    const pin = eventView(PORT_IN, { event_type: 'porting_order.status_changed', payload: { status: { value: 'exception' } } }, NOW);
    assert.equal(pin.label, 'Status changed → exception');
    assert.equal(pin.color, 'exception');
    const pout = eventView(PORT_OUT, { event_type: 'portout.status_changed', payload: { status: 'rejected' } }, NOW);
    assert.equal(pout.label, 'Status changed → rejected');
    const foc = eventView(PORT_OUT, { event_type: 'portout.foc_date_changed', payload: { foc_date: '2026-12-01T10:00:00Z' } }, NOW);
    assert.equal(foc.label, 'FOC date changed → Tue, Dec 1, 2026, 10:00 AM UTC');
    assert.equal(foc.icon, 'calendar');
  });

  it('says on the row how long an order has waited on the account, and a FOC date within 48 hours', () => {
    const pending = orderView(PORT_OUT, { status: 'pending', support_key: 'PO_1', created_at: '2026-11-24T16:00:00Z', foc_date: '2026-11-27T00:00:00Z' }, NOW);
    assert.equal(pending.label, 'PO_1', 'no numbers: the reference names the row');
    assert.equal(pending.description, 'Pending for 20 h · FOC in 36 h');
    assert.match(pending.tooltip, /\*\*Needs attention:\*\* pending for 20 h — .*24–48 hours.*policy, not API data/);
    const authorized = orderView(PORT_OUT, { status: 'authorized', updated_at: '2026-11-25T09:00:00Z', foc_date: '2026-12-20T00:00:00Z' }, NOW);
    assert.equal(authorized.description, 'Authorized · 3 h ago', 'nothing urgent: as before');
  });

  it('turns unknown event types into words instead of failing', () => {
    const v = eventView(PORT_IN, { event_type: 'porting_order.number_reassigned' }, NOW);
    assert.equal(v.label, 'Number reassigned');
    assert.equal(v.known, false);
    assert.equal(v.icon, 'symbol-event');
    assert.equal(eventView(PORT_IN, {}, NOW).label, 'Unknown');
  });

  it('says when the payload is not generated yet', () => {
    const v = eventView(PORT_IN, { event_type: 'porting_order.new_comment', payload_status: 'created', created_at: '2026-11-25T10:00:00Z' }, NOW);
    assert.equal(v.description, '2 h ago · payload not generated yet');
    const done = eventView(PORT_IN, { event_type: 'porting_order.new_comment', payload_status: 'completed', created_at: '2026-11-25T10:00:00Z' }, NOW);
    assert.equal(done.description, '2 h ago');
  });

  it('shows the start of a comment next to "New comment"', () => {
    const body = 'Carrier asked for a new LOA signed by the account holder; please upload it by Friday so we can resubmit.';
    const v = eventView(PORT_OUT, { event_type: 'portout.new_comment', payload_status: 'completed', created_at: '2026-11-25T11:00:00Z', payload: { comment: body } }, NOW);
    assert.equal(v.label, 'New comment');
    assert.equal(v.description, `1 h ago · ${body.slice(0, 60)}…`);
    const pin = eventView(PORT_IN, { event_type: 'porting_order.new_comment', payload_status: 'completed', created_at: '2026-11-25T11:00:00Z', payload: { comment: { body: 'Short\nnote' } } }, NOW);
    assert.equal(pin.description, '1 h ago · Short note');
  });

  it('names port-in orders by numbers and reference, with status and time', () => {
    const v = orderView(PORT_IN, {
      id: 'a1b2c3d4-0000-4000-8000-000000000000',
      status: { value: 'exception', details: [{ code: 'FOC_REJECTED', description: 'FOC was rejected' }] },
      customer_reference: 'acme-001',
      porting_phone_numbers_count: 3,
      phone_numbers: [{ phone_number: '+13125550100' }, { phone_number: '+13125550101' }],
      updated_at: '2026-11-25T09:00:00Z',
    }, NOW);
    // Status and clock first, the reference last (issue 19: the old label "+13125550100 (+2) · acme-001" pushed
    // the description out of sight at the sidebar's default width).
    assert.equal(v.label, '+1 312 555 0100 (+2)');
    assert.equal(v.description, 'Exception for 3 h · acme-001');
    assert.equal(v.name, '+1 312 555 0100 (+2) · acme-001');
    assert.match(v.tooltip, /^\*\*\\\+1 312 555 0100 \\\(\\\+2\\\) · acme-001\*\*/);
    assert.match(v.tooltip, /\*\*Numbers \(3\):\*\* \\\+1 312 555 0100, \\\+1 312 555 0101 {2}\n/);
    assert.match(v.tooltip, /\*\*Updated:\*\* Wed, Nov 25, 2026, 9:00 AM UTC/);
    assert.doesNotMatch(v.tooltip, /2026-11-25T/);
    assert.equal(v.status.icon, 'warning');
    assert.equal(v.statusValue, 'exception');
    assert.match(v.tooltip, /FOC\\_REJECTED: FOC was rejected/);
  });

  it('names port-outs by numbers and support key; tooltip carries the rejection reason', () => {
    const v = orderView(PORT_OUT, { status: 'rejected', phone_numbers: ['+35312345678'], support_key: 'PO_764725', reason: 'PIN mismatch' }, NOW);
    assert.equal(v.label, '+353 123 45678');
    assert.equal(v.description, 'Rejected · unknown time · PO_764725');
    assert.match(v.tooltip, /Rejection reason:\*\* PIN mismatch/);
    assert.equal(v.status.color, 'rejected');
  });

  it('survives orders with every field null', () => {
    const nulls = { id: null, status: null, phone_numbers: null, customer_reference: null, created_at: null, updated_at: null };
    const v = orderView(PORT_IN, nulls, NOW);
    assert.equal(v.label, 'Port-in order no id');
    assert.equal(v.description, 'Unknown status · unknown time');
    assert.equal(orderView(PORT_OUT, { ...nulls, status: 'weird-new-status' }, NOW).description, 'weird-new-status · unknown time');
  });

  it('keeps API text inert in Markdown: no links, command URIs or HTML', () => {
    const hostile = '[click](command:workbench.action.quit) <img src=x onerror=alert(1)>';
    const escaped = escapeMarkdown(hostile);
    assert.ok(!escaped.includes('](command:'), escaped);
    assert.ok(!/(^|[^\\])<img/.test(escaped), escaped);
    const v = eventView(PORT_IN, { event_type: 'porting_order.new_comment', payload: { comment: { body: hostile } } }, NOW);
    assert.ok(!v.tooltip.includes('](command:'));
    assert.ok(v.tooltip.includes('\\[click\\]'));
  });

  it('maps unknown statuses to a question mark, keeping their name', () => {
    assert.deepEqual(statusLook(PORT_IN, 'teleported'), { label: 'teleported', icon: 'question', color: 'inactive' });
    assert.equal(statusLook(PORT_IN, undefined).label, 'Unknown status');
  });
});

describe('slim events kept by the tree', () => {
  it('read the same as the full event for every seeded event, at a fraction of the size', async () => {
    const { buildSeed } = await import('../sandbox/seed');
    const { slimEvent } = await import('../../src/tree/slimEvent');
    const seed = buildSeed();
    let full = 0;
    let slim = 0;
    for (const [dir, events] of [[PORT_IN, seed.portinEvents], [PORT_OUT, seed.portoutEvents]] as const) {
      for (const e of events as unknown as Parameters<typeof slimEvent>[0][]) {
        const s = slimEvent(e);
        const a = eventView(dir, e, NOW);
        const b = eventView(dir, s, NOW);
        assert.deepEqual(b, a, `${e.event_type} ${e.id}`);
        assert.equal(s.id, e.id);
        full += JSON.stringify(e).length;
        slim += JSON.stringify(s).length;
      }
    }
    assert.ok(slim < full * 0.8, `slim ${slim} vs full ${full} bytes`);
  });
});
