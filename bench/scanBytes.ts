// Measure 6: the bytes one full scan of port-in orders brings in, as Filter by Status (port-in) and Find Order
// read them before (every order with its first 50 numbers) and now (include_phone_numbers=false). On a real
// network bytes are time: a 250-order page with numbers is ~1.3 MB.

import { TelnyxClient } from '../src/api/client';
import type { RequestLogEntry } from '../src/api/http';
import { direction } from '../src/api/directions';
import { withoutNumbers } from '../src/api/search';
import type { SandboxProcess } from './sandboxHost';

export interface ScanBytesRun {
  /** Response body bytes as received (the sandbox sends no compression), all requests of the scan. */
  bytes: number;
  requests: number;
  records: number;
}

export interface ScanBytesResult {
  pageSize: number;
  withNumbers: ScanBytesRun;
  withoutNumbers: ScanBytesRun;
  /** Both scans returned the sandbox's port-in orders, no more, no fewer. */
  sameOrders: boolean;
}

/** Counts the body bytes of every answer, as the extension's own request log reports them. */
function byteCounter(): { onRequest: (e: RequestLogEntry) => void; taken: () => { bytes: number; requests: number } } {
  let bytes = 0;
  let requests = 0;
  return {
    onRequest: (e) => {
      requests++;
      bytes += e.bytes ?? 0;
    },
    taken: () => {
      const t = { bytes, requests };
      bytes = 0;
      requests = 0;
      return t;
    },
  };
}

/** Runs at latency 0 (bytes do not depend on it), then sets `latencyMs` back. */
export async function measureScanBytes(sb: SandboxProcess, pageSize: number, concurrency: number, latencyMs: number): Promise<ScanBytesResult> {
  const dir = direction('portin');
  const counter = byteCounter();
  const client = new TelnyxClient({ baseUrl: sb.apiBaseUrl, apiKey: sb.apiKey, onRequest: counter.onRequest });
  const truth = new Set(await sb.call({ type: 'portinOrderIds' }));
  const same = (ids: (string | null | undefined)[]): boolean => ids.length === truth.size && ids.every((id) => !!id && truth.has(id));
  await sb.setLatency(0);
  try {
    const scan = async (filters: Record<string, string> | undefined): Promise<{ run: ScanBytesRun; ok: boolean }> => {
      counter.taken();
      const r = await client.allOrders(dir, { pageSize, concurrency }, filters);
      return { run: { ...counter.taken(), records: r.items.length }, ok: same(r.items.map((o) => o.id)) };
    };
    const before = await scan(undefined);
    const after = await scan(withoutNumbers(dir));
    return { pageSize, withNumbers: before.run, withoutNumbers: after.run, sameOrders: before.ok && after.ok };
  } finally {
    await sb.setLatency(latencyMs);
  }
}
