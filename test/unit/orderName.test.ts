import * as assert from 'node:assert/strict';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { eventTypeWords } from '../../src/presentation/eventTypeWords';
import { eventView } from '../../src/presentation/eventView';
import { setDisplayTimeZone } from '../../src/presentation/locale';
import { nameOf, orderIdName, orderName, payloadNames } from '../../src/presentation/orderName';
import { orderView } from '../../src/presentation/orderView';
import { readableNumber } from '../../src/presentation/phoneNumber';

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('one name for an order (issue 19)', () => {
  before(() => setDisplayTimeZone('UTC'));

  it('groups numbers for reading per calling code, and leaves what is not E.164 as given', () => {
    assert.equal(readableNumber('+13125550100'), '+1 312 555 0100');
    assert.equal(readableNumber('+4416105035132'), '+44 161 050 35132');
    assert.equal(readableNumber('+442079460000'), '+44 207 946 0000');
    assert.equal(readableNumber('+35312345678'), '+353 123 45678', 'a three-digit calling code');
    assert.equal(readableNumber('+74951234567'), '+7 495 123 4567');
    for (const given of ['3125550100', '+1 312 555 0100', 'ACME', '+12', '']) assert.equal(readableNumber(given), given);
  });

  it('names an order by its first number and count, then its reference, in both directions', () => {
    const pin = { id: 'af41f639-0000-4000-8000-000000000000', support_key: 'sr_1', porting_phone_numbers_count: 17, phone_numbers: [{ phone_number: '+13125550100' }] };
    assert.equal(orderName(PORT_IN, pin), '+1 312 555 0100 (+16) · sr_1');
    assert.equal(orderName(PORT_OUT, { id: 'p', support_key: 'PO_ABC', phone_numbers: ['+13125550100'] }), '+1 312 555 0100 · PO_ABC');
    assert.equal(orderName(PORT_IN, { id: 'af41f639-0000', customer_reference: 'ACME' }), 'ACME');
    assert.equal(orderName(PORT_IN, { id: 'af41f639-0000-4000' }), 'Port-in order af41f639');
    assert.equal(orderName(PORT_OUT, {}), 'Port-out order no id');
    assert.equal(orderIdName(PORT_OUT, 'af41f639-0000'), 'Port-out order af41f639');
    assert.equal(nameOf(PORT_IN, payloadNames(['+13125550100', '+13125550101'], 'ACME'), 'x'), '+1 312 555 0100 (+1) · ACME');
    // The row says the same name, split so the status and clock come before the reference.
    const v = orderView(PORT_IN, { ...pin, status: { value: 'submitted' }, updated_at: '2026-11-25T09:00:00Z' }, NOW);
    assert.equal(`${v.label} · ${v.description.split(' · ').at(-1)}`, v.name);
  });

  it('names the order in an event tooltip: by name when it is loaded, else by its id', () => {
    const order = { id: 'af41f639-0000-4000-8000-000000000000', support_key: 'sr_1', phone_numbers: [{ phone_number: '+13125550100' }] };
    const event = { id: 'e1', event_type: 'porting_order.status_changed', porting_order_id: order.id, payload: { status: { value: 'ported' } }, created_at: '2026-11-25T09:00:00.123Z' };
    assert.match(eventView(PORT_IN, event, NOW, order).tooltip, /\*\*Order:\*\* \\\+1 312 555 0100 · sr\\_1/);
    const alone = eventView(PORT_IN, event, NOW).tooltip;
    assert.match(alone, /\*\*Order:\*\* Port-in order af41f639/);
    assert.match(alone, /\*\*Type:\*\* Status changed \\\(porting\\_order.status\\_changed\\\)/);
    assert.match(alone, /\*\*Created:\*\* Wed, Nov 25, 2026, 9:00 AM UTC/, 'no raw ISO with milliseconds');
  });

  it('words event types, known or not, through one function', () => {
    assert.equal(eventTypeWords(PORT_OUT, 'portout.foc_date_changed'), 'FOC date changed');
    assert.equal(eventTypeWords(PORT_IN, 'porting_order.number_reassigned'), 'Number reassigned');
    assert.equal(eventTypeWords(PORT_IN, null), 'Unknown');
  });
});
