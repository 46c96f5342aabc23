// Republish Events in Time Range… (a direction's context menu, or the palette): the events created between two
// times, optionally of one type and one order, read from Telnyx with the API's filters; then ui/runReplay.ts shows
// what will go and sends it. Running the same range again sends only what is not yet confirmed.

import * as vscode from 'vscode';
import { DIRECTIONS, type Direction } from '../api/directions';
import { listEventsInRange, targetsOf } from '../api/replay';
import { isUuid } from '../api/validate';
import { readSettings } from '../config';
import { looksOf } from '../presentation/directionLooks';
import type { ToolServices } from '../tools/toolServices';
import { DirectionRootNode } from '../tree/rootNode';
import { reportError } from '../ui/notify';
import { withPagesProgress } from '../ui/progress';
import { runReplay, type ReplayOutcome } from '../ui/runReplay';
import { showError, showWarning } from '../ui/messages';

/** What the range asks for: a direction, created_at bounds (ISO), and optionally one type and one order. */
export interface RangeQuery {
  direction: Direction;
  from: string;
  to: string;
  eventType?: string;
  orderId?: string;
}

/** The handler of telnyxPorting.republishRange (registered lazily: src/tools/lazyTools.ts). */
export function republishRange(s: ToolServices) {
  return async (arg?: DirectionRootNode): Promise<ReplayOutcome | undefined> => {
    const query = await askRange(arg instanceof DirectionRootNode ? arg.direction : undefined);
    if (!query) return undefined;
    const what = describe(query);
    try {
      const client = await s.session.get();
      const { events, settled } = await withPagesProgress(vscode.l10n.t('Reading {0} events to republish', query.direction.label), (onProgress, signal) =>
        listEventsInRange(client, query.direction, query, { concurrency: readSettings().concurrency, signal, onProgress }),
      );
      if (!settled) void showWarning(vscode.l10n.t('The events kept changing while they were read: some in {0} may be missing. Run it again to pick them up.', what));
      return await runReplay(s, targetsOf(query.direction, events), what);
    } catch (e) {
      await reportError(e, s.log);
      return undefined;
    }
  };
}

async function askRange(given: Direction | undefined): Promise<RangeQuery | undefined> {
  const direction =
    given ??
    (await vscode.window.showQuickPick(
      DIRECTIONS.map((d) => ({ label: d.label, d })),
      { title: vscode.l10n.t('Republish Events in Time Range (1/5)'), placeHolder: vscode.l10n.t('Which events?') },
    ))?.d;
  if (!direction) return undefined;
  const now = new Date();
  const title = (step: number): string => vscode.l10n.t('Republish {0} Events in Time Range ({1}/5)', direction.label, step);
  const time = (step: number, prompt: string, value: string) =>
    vscode.window.showInputBox({
      title: title(step),
      prompt,
      value,
      ignoreFocusOut: true,
      // The examples are input to type, not words: the same in every language.
      validateInput: (v) => (Number.isNaN(Date.parse(v)) ? vscode.l10n.t('A date and time, e.g. {0} (UTC) or {1} (local time).', '2026-11-25T08:00:00Z', '2026-11-25 08:00') : undefined),
    });
  const from = await time(2, vscode.l10n.t('From (created at or after)'), new Date(now.getTime() - 24 * 3600_000).toISOString());
  if (from === undefined) return undefined;
  const to = await time(3, vscode.l10n.t('To (created at or before)'), now.toISOString());
  if (to === undefined) return undefined;
  if (Date.parse(from) > Date.parse(to)) {
    void showError(vscode.l10n.t('The range starts after it ends.'));
    return undefined;
  }
  const type = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Any type'), type: undefined as string | undefined },
      ...Object.entries(looksOf(direction).eventTypes).map(([type, words]) => ({ label: words, description: type, type })),
    ],
    { title: title(4), placeHolder: vscode.l10n.t('Only events of one type?') },
  );
  if (!type) return undefined;
  const order = await vscode.window.showInputBox({
    title: title(5),
    prompt: vscode.l10n.t('Only the events of one order: its id (leave empty for every order)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isUuid(v) ? undefined : vscode.l10n.t('An order id is a UUID, e.g. {0}.', '7d8e9f00-1111-4222-8333-444455556666')),
  });
  if (order === undefined) return undefined;
  return {
    direction,
    from: new Date(Date.parse(from)).toISOString(),
    to: new Date(Date.parse(to)).toISOString(),
    ...(type.type ? { eventType: type.type } : {}),
    ...(order.trim() ? { orderId: order.trim() } : {}),
  };
}

function describe(q: RangeQuery): string {
  const parts = [vscode.l10n.t('{0} events created {1} to {2}', q.direction.label, q.from, q.to)];
  if (q.eventType) parts.push(vscode.l10n.t('of type {0}', q.eventType));
  if (q.orderId) parts.push(vscode.l10n.t('of order {0}', q.orderId));
  return parts.join(', ');
}
