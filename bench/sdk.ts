// The official SDK's auto-pagination, pointed at the sandbox: the baseline the extension must beat.
// Only ids are kept, so the SDK is not slowed by holding records the way the extension must.

import { Telnyx } from 'telnyx';
import type { DirectionName } from './protocol';

export function sdkClient(baseURL: string, apiKey: string): Telnyx {
  // Same retry count as the extension's default; the SDK's own timeout (60 s) is never reached here.
  return new Telnyx({ apiKey, baseURL, maxRetries: 2 });
}

export async function sdkPortinOrderIds(sdk: Telnyx, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  // The extension asks for newest first explicitly; the SDK is asked the same so both read the same pages.
  for await (const order of sdk.portingOrders.list({ 'page[size]': pageSize, sort: { value: '-created_at' } })) {
    ids.push(order.id ?? '');
  }
  return ids;
}

type PortinType = NonNullable<NonNullable<Parameters<Telnyx['porting']['events']['list']>[0]>['filter']>['type'];
type PortoutType = NonNullable<NonNullable<Parameters<Telnyx['portouts']['events']['list']>[0]>['filter']>['event_type'];

export async function sdkEventIds(sdk: Telnyx, direction: DirectionName, pageSize: number, eventType?: string): Promise<string[]> {
  const ids: string[] = [];
  if (direction === 'portin') {
    const filter = eventType ? { type: eventType as PortinType } : undefined;
    for await (const e of sdk.porting.events.list({ 'page[size]': pageSize, filter })) ids.push(e.id ?? '');
  } else {
    const filter = eventType ? { event_type: eventType as PortoutType } : undefined;
    for await (const e of sdk.portouts.events.list({ 'page[size]': pageSize, filter })) ids.push(e.id ?? '');
  }
  return ids;
}
