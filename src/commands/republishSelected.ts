// Republish Selected Events… (event context menu with several rows selected): see ui/runReplay.ts.

import * as vscode from 'vscode';
import { targetsOf } from '../api/replay';
import type { ToolServices } from '../tools/toolServices';
import { runReplay, type ReplayOutcome } from '../ui/runReplay';
import { selectedEvents } from '../ui/selectedEvents';

/** The handler of telnyxPorting.republishSelected (registered lazily: src/tools/lazyTools.ts). */
export function republishSelected(s: ToolServices) {
  return async (clicked?: unknown, selected?: unknown): Promise<ReplayOutcome | undefined> => {
    const rows = selectedEvents(clicked, selected);
    if (rows.length === 0) return undefined;
    const targets = rows.flatMap((r) => targetsOf(r.direction, [r.event]));
    return runReplay(s, targets, rows.length === 1 ? vscode.l10n.t('1 selected event') : vscode.l10n.t('{0} selected events', rows.length));
  };
}
