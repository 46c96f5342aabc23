// Events enter the tree slimmed (see slimEvent): the tree shows words, documents fetch the full payload.

import { slimEvent } from '../api/labels';
import type { Page, PortingEvent } from '../api/types';

export function slimPage(page: Page<PortingEvent>): Page<PortingEvent> {
  return { ...page, items: page.items.map(slimEvent) };
}
