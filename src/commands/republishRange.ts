// Republish Events in Time Range… (a direction's context menu, or the palette): the events created between two
// times, optionally of one type and one order, read from Telnyx with the API's filters; then ui/runReplay.ts shows
// what will go and sends it. Running the same range again sends only what is not yet confirmed.

import * as vscode from 'vscode';
import { DIRECTIONS, type Direction } from '../api/directions';
import { listEventsInRange, targetsOf } from '../api/replay';
import { isUuid } from '../api/validate';
import { readSettings } from '../config';
import type { Order } from '../api/types';
import { looksOf } from '../presentation/directionLooks';
import { eventTypeWords } from '../presentation/eventTypeWords';
import { dateTimeText } from '../presentation/locale';
import { orderIdName, orderName } from '../presentation/orderName';
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
    try {
      const client = await s.session.get();
      const known = query.orderId ? (s.tree.findOrderNode(query.direction, query.orderId)?.order ?? (await client.getOrder(query.direction, query.orderId).catch(() => undefined))) : undefined;
      const what = describe(query, known);
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

/** The ranges people ask for most, up to now; "Custom range…" asks for both ends. */
const PRESETS: readonly { label: () => string; ms: number }[] = [
  { label: () => vscode.l10n.t('Last hour'), ms: 3_600_000 },
  { label: () => vscode.l10n.t('Last 24 hours'), ms: 24 * 3_600_000 },
  { label: () => vscode.l10n.t('Last 7 days'), ms: 7 * 24 * 3_600_000 },
];

async function askRange(given: Direction | undefined): Promise<RangeQuery | undefined> {
  // Steps are counted from the first one shown: a direction given by the row's menu is not a step. The total grows
  // by the two ends of a custom range once it is chosen.
  let step = 0;
  let total = (given ? 0 : 1) + 3;
  const next = (): string => vscode.l10n.t('{0}/{1}', ++step, total);
  const direction =
    given ??
    (await vscode.window.showQuickPick(
      DIRECTIONS.map((d) => ({ label: d.label, d })),
      { title: vscode.l10n.t('Republish Events in Time Range ({0})', next()), placeHolder: vscode.l10n.t('Which events?') },
    ))?.d;
  if (!direction) return undefined;
  const title = (): string => vscode.l10n.t('Republish {0} Events in Time Range ({1})', direction.label, next());
  const now = Date.now();
  const custom = { label: vscode.l10n.t('Custom range…'), ms: undefined as number | undefined };
  const preset = await vscode.window.showQuickPick([...PRESETS.map((p) => ({ label: p.label(), ms: p.ms as number | undefined })), custom], {
    title: title(),
    placeHolder: vscode.l10n.t('Events created when?'),
  });
  if (!preset) return undefined;
  let from = new Date(now - (preset.ms ?? 0)).toISOString();
  let to = new Date(now).toISOString();
  if (preset.ms === undefined) {
    total += 2;
    const time = (prompt: string, value: string) =>
      vscode.window.showInputBox({
        title: title(),
        prompt,
        value,
        ignoreFocusOut: true,
        // The examples are input to type, not words: the same in every language.
        validateInput: (v) => (Number.isNaN(Date.parse(v)) ? vscode.l10n.t('A date and time, e.g. {0} (UTC) or {1} (local time).', '2026-11-25T08:00:00Z', '2026-11-25 08:00') : undefined),
      });
    const start = await time(vscode.l10n.t('From (created at or after)'), new Date(now - 24 * 3600_000).toISOString());
    if (start === undefined) return undefined;
    const end = await time(vscode.l10n.t('To (created at or before)'), new Date(now).toISOString());
    if (end === undefined) return undefined;
    if (Date.parse(start) > Date.parse(end)) {
      void showError(vscode.l10n.t('The range starts after it ends.'));
      return undefined;
    }
    from = new Date(Date.parse(start)).toISOString();
    to = new Date(Date.parse(end)).toISOString();
  }
  const type = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Any type'), type: undefined as string | undefined },
      ...Object.keys(looksOf(direction).eventTypes).map((type) => ({ label: eventTypeWords(direction, type), description: type, type })),
    ],
    { title: title(), placeHolder: vscode.l10n.t('Only events of one type?') },
  );
  if (!type) return undefined;
  const order = await vscode.window.showInputBox({
    title: title(),
    prompt: vscode.l10n.t('Only the events of one order: its id (leave empty for every order)'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || isUuid(v) ? undefined : vscode.l10n.t('An order id is a UUID, e.g. {0}.', '7d8e9f00-1111-4222-8333-444455556666')),
  });
  if (order === undefined) return undefined;
  return {
    direction,
    from,
    to,
    ...(type.type ? { eventType: type.type } : {}),
    ...(order.trim() ? { orderId: order.trim() } : {}),
  };
}

/** The range in words, for the confirmation, the report and the log: times as people read them, types in words. */
function describe(q: RangeQuery, order: Order | undefined): string {
  const parts = [vscode.l10n.t('{0} events created {1} to {2}', q.direction.label, dateTimeText(q.from), dateTimeText(q.to))];
  if (q.eventType) parts.push(vscode.l10n.t('of type {0}', eventTypeWords(q.direction, q.eventType)));
  if (q.orderId) parts.push(vscode.l10n.t('of {0}', order ? orderName(q.direction, order) : orderIdName(q.direction, q.orderId)));
  return parts.join(', ');
}
