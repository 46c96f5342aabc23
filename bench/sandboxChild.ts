// The sandbox, run as a child of the bench (see protocol.ts for why). It answers the bench's questions
// over IPC: set the latency, read the request log, give the ground truth ids to check results with, and
// insert new events (the watch section).

import { startSandbox, type Sandbox } from '../test/sandbox/server';
import type { ChildStart, EventCounts, Envelope, InsertedEvent, Ready, Reply, Request } from './protocol';

function send(message: Ready | Reply): void {
  process.send?.(message);
}

function counts(events: readonly { event_type: string }[]): EventCounts {
  const byType: Record<string, number> = {};
  for (const e of events) byType[e.event_type] = (byType[e.event_type] ?? 0) + 1;
  return { total: events.length, byType };
}

function answer(sb: Sandbox, r: Request): unknown {
  switch (r.type) {
    case 'latency':
      sb.setLatency(r.ms);
      return null;
    case 'mark':
      return sb.requests.length;
    case 'cpu': {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
    case 'requests':
      return sb.requests.slice(r.from).map((q) => ({ path: q.path, query: q.query, status: q.status }));
    case 'portinOrderIds':
      return sb.data.portinOrders.map((o) => o.id);
    case 'eventIds': {
      const events: readonly { id: string; event_type: string }[] = r.direction === 'portin' ? sb.data.portinEvents : sb.data.portoutEvents;
      return events.filter((e) => r.eventType === undefined || e.event_type === r.eventType).map((e) => e.id);
    }
    case 'insertEvents':
      return sb
        .insertEvents({ direction: r.direction, count: r.count, ...(r.orderId === undefined ? {} : { orderId: r.orderId }) })
        .map((e) => ({ id: e.id, createdAt: e.created_at }) satisfies InsertedEvent);
    case 'close':
      return null;
  }
}

async function main(): Promise<void> {
  const start = JSON.parse(process.argv[2] ?? '{}') as ChildStart;
  const t0 = performance.now();
  const sb = await startSandbox({ host: '127.0.0.1', port: 0, latencyMs: start.latencyMs, seed: start.seed });
  const seedMs = performance.now() - t0;
  let closing = false;
  const stop = async (): Promise<void> => {
    if (closing) return;
    closing = true;
    await sb.close().catch(() => undefined);
    process.exit(0);
  };
  // An orphaned sandbox would hold the port and gigabytes of seed data: leave with the parent.
  process.on('disconnect', () => void stop());
  process.on('message', (m: Envelope) => {
    try {
      const value = answer(sb, m.request);
      send({ seq: m.seq, value });
      if (m.request.type === 'close') void stop();
    } catch (e) {
      send({ seq: m.seq, error: (e as Error).message });
    }
  });
  const d = sb.data;
  send({
    type: 'ready',
    apiBaseUrl: sb.apiBaseUrl,
    apiKey: sb.apiKey,
    seedMs,
    counts: { portinOrders: d.portinOrders.length, portoutOrders: d.portoutOrders.length, portin: counts(d.portinEvents), portout: counts(d.portoutEvents) },
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
