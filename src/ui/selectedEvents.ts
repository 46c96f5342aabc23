// The events a context-menu command acts on: the selection when the clicked row is part of it (VS Code passes
// both with canSelectMany), else the clicked row alone. Rows without an id can't be asked about, so they drop out.

import { EventNode } from '../tree/eventNode';

export function selectedEvents(clicked: unknown, selected: unknown): (EventNode & { event: { id: string } })[] {
  const rows = Array.isArray(selected) && selected.includes(clicked) ? (selected as unknown[]) : [clicked];
  return rows.filter((n): n is EventNode & { event: { id: string } } => n instanceof EventNode && typeof n.event.id === 'string' && n.event.id !== '');
}
