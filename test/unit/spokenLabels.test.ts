import * as assert from 'node:assert/strict';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import type { ErrorKind } from '../../src/api/errors';
import { errorView } from '../../src/presentation/errorView';
import { setDisplayTimeZone } from '../../src/presentation/locale';
import { eventView } from '../../src/presentation/eventView';
import { orderView } from '../../src/presentation/orderView';
import { relativeTime, span, spokenRelativeTime, spokenSpan } from '../../src/presentation/relativeTime';
import {
  spokenAttention,
  spokenError,
  spokenEvent,
  spokenLoadMore,
  spokenOrder,
  spokenRecentEvents,
  spokenRoot,
  spokenWarning,
  spokenWatched,
} from '../../src/presentation/spokenLabels';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('spoken labels', () => {
  before(() => setDisplayTimeZone('UTC'));

  it('says the tree’s abbreviated times in words', () => {
    const at = (ms: number): string => new Date(NOW - ms).toISOString();
    const H = 3_600_000;
    const cases: [number, string, string][] = [
      [3 * H, '3 h ago', '3 hours ago'],
      [H, '1 h ago', '1 hour ago'],
      [-2 * 24 * H, 'in 2 d', 'in 2 days'],
      [30 * 60_000, '30 min ago', '30 minutes ago'],
      [60 * 24 * H, '2 mo ago', '2 months ago'],
      [400 * 24 * H, '1 y ago', '1 year ago'],
      [10_000, 'just now', 'just now'],
    ];
    for (const [ago, row, spoken] of cases) {
      assert.equal(relativeTime(at(ago), NOW), row);
      assert.equal(spokenRelativeTime(at(ago), NOW), spoken);
    }
    assert.equal(spokenRelativeTime(null, NOW), 'unknown time');
    assert.deepEqual([span(9 * 24 * H), spokenSpan(9 * 24 * H)], ['9 d', '9 days']);
    assert.deepEqual([span(36 * H), spokenSpan(36 * H)], ['36 h', '36 hours']);
    assert.deepEqual([span(60_000), spokenSpan(60_000)], ['1 min', '1 minute']);
  });

  it('roots: direction, how many orders, and the filter', () => {
    assert.equal(spokenRoot(PORT_IN, 24, 'Exception'), 'Port-in, 24 orders, filtered by Exception');
    assert.equal(spokenRoot(PORT_OUT, 1, undefined), 'Port-out, 1 order');
    assert.equal(spokenRoot(PORT_IN, 0, 'Ported'), 'Port-in, no orders, filtered by Ported');
    assert.equal(spokenRoot(PORT_IN, undefined, undefined), 'Port-in', 'before the first page: no count to say');
  });

  it('groups: Recent events, Needs attention, Watched', () => {
    assert.equal(spokenRecentEvents(PORT_OUT), 'Recent events: all Port-out events, newest first');
    assert.equal(spokenAttention(3), 'Needs attention, 3 orders');
    assert.equal(spokenAttention(undefined), 'Needs attention');
    assert.equal(spokenWatched(2), 'Watched, 2 orders');
    assert.equal(spokenWatched(1), 'Watched, 1 order');
  });

  it('orders: numbers and reference, status and time in words, watched and what a search matched', () => {
    const pin = orderView(PORT_IN, {
      id: 'a1b2c3d4-0000-4000-8000-000000000000',
      status: { value: 'exception' },
      customer_reference: 'acme-001',
      porting_phone_numbers_count: 3,
      phone_numbers: [{ phone_number: '+13125550100' }],
      updated_at: '2026-11-25T09:00:00Z',
    }, NOW);
    // Said in the row's order (issue 19): numbers, what is urgent, the reference last.
    assert.equal(pin.label, '+1 312 555 0100 (+2)');
    assert.equal(pin.description, 'Exception for 3 h · acme-001');
    assert.equal(spokenOrder(pin, { watched: false }), '+1 312 555 0100 and 2 more numbers, Exception for 3 hours, acme-001');
    assert.equal(spokenOrder(pin, { watched: true, matched: ['customer reference'] }), '+1 312 555 0100 and 2 more numbers, Exception for 3 hours, acme-001, watched, matched customer reference');

    const pending = orderView(PORT_OUT, { status: 'pending', support_key: 'PO_1', phone_numbers: ['+35312345678'], created_at: '2026-11-24T16:00:00Z', foc_date: '2026-11-27T00:00:00Z' }, NOW);
    assert.equal(spokenOrder(pending, { watched: false }), '+353 123 45678, Pending for 20 hours, FOC in 36 hours, PO_1');

    const authorized = orderView(PORT_OUT, { status: 'authorized', phone_numbers: ['+35312345678', '+35312345679'], updated_at: '2026-11-22T12:00:00Z' }, NOW);
    assert.equal(spokenOrder(authorized, { watched: false }), '+353 123 45678 and 1 more number, Authorized, 3 days ago');

    const countOnly = orderView(PORT_IN, { id: 'x', status: { value: 'submitted' }, porting_phone_numbers_count: 4, updated_at: '2026-11-25T11:59:00Z' }, NOW);
    assert.equal(spokenOrder(countOnly, { watched: false }), '4 numbers, Submitted, 1 minute ago');

    const nameless = orderView(PORT_IN, { id: null, status: null, created_at: null }, NOW);
    assert.equal(spokenOrder(nameless, { watched: false }), 'Port-in order no id, Unknown status, unknown time');
  });

  it('events: what changed in words, time, new, payload state, comment and order', () => {
    const status = eventView(PORT_IN, { id: 'e1', event_type: 'porting_order.status_changed', payload_status: 'completed', created_at: '2026-11-25T09:00:00Z', payload: { status: { value: 'exception' } } }, NOW);
    assert.equal(spokenEvent(status, { isNew: false }), 'Status changed to exception, 3 hours ago, payload ready');
    assert.equal(spokenEvent(status, { isNew: true, order: 'Port-in order a1b2c3d4' }), 'Status changed to exception, new, 3 hours ago, payload ready, Port-in order a1b2c3d4');
    assert.equal(spokenEvent(status, { isNew: false, busy: 'Republishing…' }), 'Status changed to exception, Republishing…, 3 hours ago, payload ready');

    const pending = eventView(PORT_IN, { id: 'e2', event_type: 'porting_order.new_comment', payload_status: 'created', created_at: '2026-11-25T11:00:00Z', payload: null }, NOW);
    assert.equal(spokenEvent(pending, { isNew: false }), 'New comment, 1 hour ago, payload not generated yet');

    const comment = eventView(PORT_OUT, { id: 'e3', event_type: 'portout.new_comment', payload_status: 'completed', created_at: '2026-11-25T11:59:50Z', payload: { comment: 'Please\nupload the LOA' } }, NOW);
    assert.equal(spokenEvent(comment, { isNew: false }), 'New comment, just now, payload ready, “Please upload the LOA”');

    const foc = eventView(PORT_OUT, { id: 'e4', event_type: 'portout.foc_date_changed', payload_status: 'completed', created_at: '2026-11-20T12:00:00Z', payload: { foc_date: '2026-12-01T10:00:00Z' } }, NOW);
    assert.equal(spokenEvent(foc, { isNew: false }), 'FOC date changed to Tue, Dec 1, 2026, 10:00 AM UTC, 5 days ago, payload ready');

    const unknown = eventView(PORT_IN, { event_type: 'porting_order.number_reassigned', created_at: 'not a date' }, NOW);
    assert.equal(spokenEvent(unknown, { isNew: false }), 'Number reassigned, unknown time, payload ready');
  });

  it('Load more: how many are shown of how many, and when it is loading', () => {
    assert.equal(spokenLoadMore(4, 24, false), 'Load more, 4 of 24 shown');
    assert.equal(spokenLoadMore(10, undefined, false), 'Load more, 10 shown');
    assert.equal(spokenLoadMore(10, 24, true), 'Loading more, 10 of 24 shown');
  });

  it('error rows say what clicking does, by kind of failure, on the row, its tooltip and aloud', () => {
    const auth = errorView('auth', 'Port-in orders: Telnyx refused the API key (401). Check or update the key');
    assert.equal(auth.label, 'API key refused: Update API Key…');
    assert.equal(auth.action, 'Update API Key…');
    assert.equal(auth.description, 'Port-in orders: Telnyx refused the API key (401). Check or update the key');
    assert.equal(auth.tooltip, 'Port-in orders: Telnyx refused the API key (401). Check or update the key\n\nClick to update the API key.');
    assert.equal(spokenError(auth), 'Error: API key refused, Port-in orders: Telnyx refused the API key (401). Check or update the key. Activate to update the API key.');

    const config = errorView('config', 'The API base URL is not a URL.');
    assert.equal(config.label, 'Check settings: Open Settings');
    assert.equal(spokenError(config), 'Error: Check settings, The API base URL is not a URL. Activate to open the settings.');

    // Every other kind loads again (src/commands/retry.ts), whether or not trying again is likely to help.
    const others: ErrorKind[] = ['not-found', 'invalid', 'rate-limited', 'server', 'network', 'timeout', 'malformed', 'unknown-outcome', 'cancelled'];
    for (const kind of others) {
      const v = errorView(kind, 'Port-in orders: Telnyx had a server error (500)');
      assert.equal(v.label, 'Could not load: Retry', kind);
      assert.equal(v.action, 'Retry', kind);
      assert.match(v.tooltip, /\n\nClick to load it again\.$/, kind);
      assert.equal(spokenError(v), 'Error: Could not load, Port-in orders: Telnyx had a server error (500). Activate to load it again.', kind);
    }
  });

  it('warning rows', () => {
    assert.equal(spokenWarning('Unreadable record', 'Entry 3 is not an object'), 'Warning: Unreadable record, Entry 3 is not an object');
  });
});
