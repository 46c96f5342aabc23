import * as assert from 'node:assert/strict';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { looksLikePhoneNumber, orderMatches, searchQuery, statusQuery } from '../../src/api/search';

describe('order search and status filters', () => {
  it('uses the API status filter for port-outs only', () => {
    assert.deepEqual(statusQuery(PORT_OUT, ['rejected']), { 'filter[status]': 'rejected' });
    assert.deepEqual(statusQuery(PORT_OUT, ['rejected', 'pending']), { 'filter[status_in]': 'rejected,pending' });
    assert.equal(statusQuery(PORT_IN, ['exception']), undefined, 'the spec has no filter[status] on /porting_orders');
  });

  it('uses the API number and support-key filters where they exist', () => {
    assert.equal(looksLikePhoneNumber('+1 (312) 555-0100'), true);
    assert.equal(looksLikePhoneNumber('sr_123abc'), false);
    assert.deepEqual(searchQuery(PORT_IN, '+1 312 555 0100'), { 'filter[phone_numbers][phone_number][contains]': '13125550100' });
    assert.deepEqual(searchQuery(PORT_OUT, '+1 312 555 0100'), { 'filter[phone_number]': '+13125550100' });
    assert.deepEqual(searchQuery(PORT_OUT, 'PO_764725'), { 'filter[support_key]': 'PO_764725' });
    assert.equal(searchQuery(PORT_IN, 'sr_123abc'), undefined);
    assert.equal(searchQuery(PORT_IN, 'acme'), undefined);
  });

  it('matches orders by reference, key and number, case-insensitively', () => {
    const order = { id: 'x', customer_reference: 'ACME-001', support_key: 'sr_9f8e', phone_numbers: [{ phone_number: '+13125550100' }] };
    assert.equal(orderMatches(PORT_IN, order, 'acme'), true);
    assert.equal(orderMatches(PORT_IN, order, 'SR_9F'), true);
    assert.equal(orderMatches(PORT_IN, order, '555 0100'), true);
    assert.equal(orderMatches(PORT_IN, order, 'globex'), false);
    assert.equal(orderMatches(PORT_OUT, { support_key: 'PO_1', pon: 'PON-77', phone_numbers: null }, 'pon-77'), true);
    assert.equal(orderMatches(PORT_OUT, { customer_reference: null } as never, 'x'), false, 'null fields never match');
  });
});
