// A scan reads orders without their embedded numbers where the API allows (a third of the bytes: see
// Direction.withoutNumbers). The orders it keeps are then read again one by one, with their numbers, so their
// rows are named by their first number like every other row instead of "17 numbers".

import type { TelnyxClient } from './client';
import { TelnyxError } from './errors';
import type { Direction } from './directions';
import type { Order } from './types';

/** More kept orders than this keep their count only: reading each again would cost more than the scan saved. */
export const MAX_REREAD = 250;

export interface FillOptions {
  concurrency: number;
  signal?: AbortSignal;
}

function lacksNumbers(dir: Direction, order: Order): boolean {
  return !!order.id && dir.numbersOf(order).length === 0 && (dir.numberCountOf(order) ?? 1) > 0;
}

/**
 * The orders, those read without their numbers replaced by their record read with them (in the same place). An
 * order that cannot be read again keeps what the scan had: its row says its count. Cancelling throws.
 */
export async function withNumbers(client: TelnyxClient, dir: Direction, orders: readonly Order[], opts: FillOptions): Promise<Order[]> {
  const out = [...orders];
  if (!dir.withoutNumbers) return out;
  const wanted = out.flatMap((o, i) => (lacksNumbers(dir, o) ? [i] : []));
  if (wanted.length === 0 || wanted.length > MAX_REREAD) return out;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < wanted.length) {
      const i = wanted[next++]!;
      try {
        const full = await client.getOrder(dir, out[i]!.id!, opts.signal);
        if (full.id === out[i]!.id) out[i] = full;
      } catch (e) {
        if (opts.signal?.aborted || (e instanceof TelnyxError && e.kind === 'cancelled')) throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, wanted.length)) }, worker));
  return out;
}
