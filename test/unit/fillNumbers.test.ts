import * as assert from 'node:assert/strict';
import { TelnyxClient } from '../../src/api/client';
import { PORT_IN, PORT_OUT } from '../../src/api/directions';
import { withNumbers } from '../../src/api/fillNumbers';
import { withoutNumbers } from '../../src/api/search';
import { startSandbox, type Sandbox } from '../sandbox/server';

describe('orders a scan read without numbers get them back (issue 19)', () => {
  let sb: Sandbox;
  let client: TelnyxClient;
  before(async () => {
    sb = await startSandbox();
    client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, timeoutMs: 5_000 });
  });
  after(async () => sb.close());

  it('reads each kept order again with its numbers, in place; an order that cannot be read keeps its count', async () => {
    const page = (await client.listOrders(PORT_IN, { pageNumber: 1, pageSize: 5, filters: withoutNumbers(PORT_IN) })).items;
    assert.ok(page.every((o) => PORT_IN.numbersOf(o).length === 0), 'the scan has no numbers');
    const missing = { ...page[0]!, id: '00000000-0000-4000-8000-000000000000' };
    sb.clearRequests();
    const filled = await withNumbers(client, PORT_IN, [...page, missing], { concurrency: 2 });
    assert.deepEqual(filled.map((o) => o.id), [...page, missing].map((o) => o.id), 'same orders, same places');
    for (const [i, o] of page.entries()) {
      const want = sb.data.portinOrders.find((x) => x.id === o.id)!.phone_numbers[0]?.phone_number;
      assert.equal(PORT_IN.numbersOf(filled[i]!)[0], want, o.id!);
    }
    assert.equal(filled.at(-1), missing);
    assert.equal(sb.requests.length, page.length + 1, 'one show request per order');
  });

  it('asks nothing where the list has the numbers already (port-out has no way to leave them out)', async () => {
    const page = (await client.listOrders(PORT_OUT, { pageNumber: 1, pageSize: 5 })).items;
    sb.clearRequests();
    assert.deepEqual(await withNumbers(client, PORT_OUT, page, { concurrency: 2 }), page);
    assert.equal(sb.requests.length, 0);
  });
});
