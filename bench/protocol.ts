// Messages between the bench and the sandbox child process. The sandbox runs in its own process so
// its JSON encoding and its 50 ms sleeps do not share an event loop (or a heap) with what is measured.

export type DirectionName = 'portin' | 'portout';

export interface ChildStart {
  latencyMs: number;
  seed: { portinOrders: number; portoutOrders: number; totalEvents: number };
}

export interface EventCounts {
  total: number;
  byType: Record<string, number>;
}

export interface Ready {
  type: 'ready';
  apiBaseUrl: string;
  apiKey: string;
  seedMs: number;
  counts: { portinOrders: number; portoutOrders: number; portin: EventCounts; portout: EventCounts };
}

export interface LoggedRequest {
  path: string;
  /** Query string as it arrived (still percent-encoded). */
  query: string;
  status: number;
}

/** An event the sandbox inserted (newer than every event it had), as the bench needs it. */
export interface InsertedEvent {
  id: string;
  createdAt: string;
}

export type Request =
  | { type: 'latency'; ms: number }
  | { type: 'mark' }
  /** CPU ms the sandbox process has used so far: tells server cost from client cost. */
  | { type: 'cpu' }
  | { type: 'requests'; from: number }
  | { type: 'portinOrderIds' }
  | { type: 'eventIds'; direction: DirectionName; eventType?: string }
  /**
   * Adds `count` events (at most 10,000) newer than all others, 1 s apart, to random orders or to `orderId`;
   * answers them oldest first. What the watch section detects.
   */
  | { type: 'insertEvents'; direction: DirectionName; count: number; orderId?: string }
  | { type: 'close' };

export type Answer<R extends Request> = R extends { type: 'mark' | 'cpu' }
  ? number
  : R extends { type: 'requests' }
    ? LoggedRequest[]
    : R extends { type: 'portinOrderIds' | 'eventIds' }
      ? string[]
      : R extends { type: 'insertEvents' }
        ? InsertedEvent[]
        : null;

export interface Envelope {
  seq: number;
  request: Request;
}

export interface Reply {
  seq: number;
  value?: unknown;
  error?: string;
}
