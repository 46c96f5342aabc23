// Republish Events in Time Range… (a direction's context menu, or the palette): the events created between two
// times, optionally of one type and one order, read from Telnyx with the API's filters; then ui/runReplay.ts shows
// what will go and sends it. Running the same range again sends only what is not yet confirmed.

import * as vscode from 'vscode';
import { DIRECTIONS, type Direction } from '../api/directions';
import { listEventsInRange, targetsOf } from '../api/replay';
import { isUuid } from '../api/validate';
import { readSettings } from '../config';
import { looksOf } from '../presentation/directionLooks';
import type { Services } from '../services';
import { DirectionRootNode } from '../tree/rootNode';
import { reportError } from '../ui/notify';
import { withPagesProgress } from '../ui/progress';
import { runReplay, type ReplayOutcome } from '../ui/runReplay';

/** What the range asks for: a direction, created_at bounds (ISO), and optionally one type and one order. */
export interface RangeQuery {
  direction: Direction;
  from: string;
  to: string;
  eventType?: string;
  orderId?: string;
}

export function registerRepublishRange(s: Services): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.republishRange', async (arg?: DirectionRootNode): Promise<ReplayOutcome | undefined> => {
    const query = await askRange(arg instanceof DirectionRootNode ? arg.direction : undefined);
    if (!query) return undefined;
    const what = describe(query);
    try {
      const client = await s.session.get();
      const { events, settled } = await withPagesProgress(`Reading ${query.direction.label} events to republish`, (onProgress, signal) =>
        listEventsInRange(client, query.direction, query, { concurrency: readSettings().concurrency, signal, onProgress }),
      );
      if (!settled) void vscode.window.showWarningMessage(`The events kept changing while they were read: some in ${what} may be missing. Run it again to pick them up.`);
      return await runReplay(s, targetsOf(query.direction, events), what);
    } catch (e) {
      await reportError(e, s.log);
      return undefined;
    }
  });
}

async function askRange(given: Direction | undefined): Promise<RangeQuery | undefined> {
  const direction =
    given ??
    (await vscode.window.showQuickPick(
      DIRECTIONS.map((d) => ({ label: d.label, d })),
      { title: 'Republish Events in Time Range (1/5)', placeHolder: 'Which events?' },
    ))?.d;
  if (!direction) return undefined;
  const now = new Date();
  const time = (step: number, prompt: string, value: string) =>
    vscode.window.showInputBox({
      title: `Republish ${direction.label} Events in Time Range (${step}/5)`,
      prompt,
      value,
      ignoreFocusOut: true,
      validateInput: (v) => (Number.isNaN(Date.parse(v)) ? 'A date and time, e.g. 2026-11-25T08:00:00Z (UTC) or 2026-11-25 08:00 (local time).' : undefined),
    });
  const from = await time(2, 'From (created at or after)', new Date(now.getTime() - 24 * 3600_000).toISOString());
  if (from === undefined) return undefined;
  const to = await time(3, 'To (created at or before)', now.toISOString());
  if (to === undefined) return undefined;
  if (Date.parse(from) > Date.parse(to)) {
    void vscode.window.showErrorMessage('The range starts after it ends.');
    return undefined;
  }
  const type = await vscode.window.showQuickPick(
    [{ label: 'Any type', type: undefined as string | undefined }, ...Object.entries(looksOf(direction).eventTypes).map(([type, words]) => ({ label: words, description: type, type }))],
    { title: `Republish ${direction.label} Events in Time Range (4/5)`, placeHolder: 'Only events of one type?' },
  );
  if (!type) return undefined;
  const order = await vscode.window.showInputBox({
    title: `Republish ${direction.label} Events in Time Range (5/5)`,
    prompt: 'Only the events of one order: its id (leave empty for every order)',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isUuid(v) ? undefined : 'An order id is a UUID, e.g. 7d8e9f00-1111-4222-8333-444455556666.'),
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
  const parts = [`${q.direction.label} events created ${q.from} to ${q.to}`];
  if (q.eventType) parts.push(`of type ${q.eventType}`);
  if (q.orderId) parts.push(`of order ${q.orderId}`);
  return parts.join(', ');
}
