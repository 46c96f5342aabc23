// The order both sides of the reload agree on for the comment-draft check: the port-in order with the most
// seeded comments (the sandbox is the same process before and after the reload).

import { sandbox } from '../suite/helpers';

export const DRAFT_TEXT = 'Written before the reload,\nnot sent yet.';

export async function draftOrderId(): Promise<string> {
  const seed = (await sandbox.seed()) as unknown as { portinComments: { porting_order_id: string }[] };
  const counts = new Map<string, number>();
  for (const c of seed.portinComments) counts.set(c.porting_order_id, (counts.get(c.porting_order_id) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
}
