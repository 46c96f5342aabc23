// Routing for the Telnyx-shaped API under /v2: authentication first, then the route table.
// The port-out events prefix comes from runtime config, so one server can play either the spec
// (/portouts/events) or the guide (/portout/events).

import {
  authorizePortout,
  createPortingOrderComment,
  createPortoutComment,
  listPortingOrderComments,
  listPortoutComments,
  listPortoutRejections,
  rejectPortout,
} from './api-comments';
import { listPortingOrders, listPortouts, showPortingOrder, showPortout } from './api-orders';
import {
  listPortinEvents,
  listPortoutEvents,
  republishPortinEvent,
  republishPortoutEvent,
  showPortinEvent,
  showPortoutEvent,
} from './api-events';
import { AUTH_FAILED } from './errors';
import type { ApiRequest, ApiResponse } from './responses';
import { missing } from './responses';
import type { PortoutEventsPath } from './store';

export const API_PREFIX = '/v2';

type Handler = (req: ApiRequest, id: string) => ApiResponse;
type Route = readonly [method: string, pattern: RegExp, handler: Handler];

const SEGMENT = '([^/]+)';

function routesFor(portoutEvents: PortoutEventsPath): Route[] {
  const pe = portoutEvents === 'portouts' ? 'portouts/events' : 'portout/events';
  return [
    ['GET', /^\/porting_orders$/, listPortingOrders],
    ['GET', new RegExp(`^/porting_orders/${SEGMENT}$`), showPortingOrder],
    ['GET', new RegExp(`^/porting_orders/${SEGMENT}/comments$`), listPortingOrderComments],
    ['POST', new RegExp(`^/porting_orders/${SEGMENT}/comments$`), createPortingOrderComment],
    ['GET', /^\/porting\/events$/, listPortinEvents],
    ['GET', new RegExp(`^/porting/events/${SEGMENT}$`), showPortinEvent],
    ['POST', new RegExp(`^/porting/events/${SEGMENT}/republish$`), republishPortinEvent],
    // Before /portouts/{id}: with the spec path, "events" is not an id.
    ['GET', new RegExp(`^/${pe}$`), listPortoutEvents],
    ['GET', new RegExp(`^/${pe}/${SEGMENT}$`), showPortoutEvent],
    ['POST', new RegExp(`^/${pe}/${SEGMENT}/republish$`), republishPortoutEvent],
    ['GET', /^\/portouts$/, listPortouts],
    ['GET', new RegExp(`^/portouts/${SEGMENT}$`), showPortout],
    ['GET', new RegExp(`^/portouts/rejections/${SEGMENT}$`), listPortoutRejections],
    ['GET', new RegExp(`^/portouts/${SEGMENT}/comments$`), listPortoutComments],
    ['POST', new RegExp(`^/portouts/${SEGMENT}/comments$`), createPortoutComment],
    ['PATCH', new RegExp(`^/portouts/${SEGMENT}/authorized$`), authorizePortout],
    ['PATCH', new RegExp(`^/portouts/${SEGMENT}/rejected-pending$`), rejectPortout],
  ];
}

const ROUTES: Record<PortoutEventsPath, Route[]> = { portouts: routesFor('portouts'), portout: routesFor('portout') };

/** Bearer scheme is case-insensitive (RFC 7235); the key must match exactly. */
export function isAuthorized(header: string | undefined, apiKey: string): boolean {
  const m = header === undefined ? null : /^bearer\s+(\S+)\s*$/i.exec(header);
  return m !== null && m[1] === apiKey;
}

/** `req.path` is below /v2. Unknown paths and known paths with another method both get 404. */
export function handleApi(req: ApiRequest, authorized: boolean): ApiResponse {
  if (!authorized) return { status: 401, body: AUTH_FAILED };
  for (const [method, pattern, handler] of ROUTES[req.store.config.portoutEventsPath]) {
    const m = pattern.exec(req.path);
    if (m === null || method !== req.method) continue;
    let id = m[1] ?? '';
    try {
      id = decodeURIComponent(id);
    } catch {
      return missing();
    }
    return handler(req, id);
  }
  return missing();
}
