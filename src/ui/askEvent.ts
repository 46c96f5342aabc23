// Asks which event a palette command is for: one already loaded in the tree (newest first), or any
// event by id, looked up in both directions.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import { eventOrderId } from '../api/directions';
import { orderIdName } from '../presentation/orderName';
import { eventView } from '../presentation/eventView';
import { relativeTime } from '../presentation/relativeTime';
import { recordTimeText } from '../api/records';
import type { PortingEvent } from '../api/types';
import { isUuid } from '../api/validate';
import type { Services } from '../services';
import { showError } from './messages';

export interface FoundEvent {
  direction: Direction;
  event: PortingEvent;
  /** True when just fetched whole from the API; events picked from the tree are slimmed (see slimEvent). */
  complete?: boolean;
}

/** The picker's "type an id" choice, told from the loaded events by identity, not by its words. */
const ENTER_ID = Symbol('enter an event id');
/** Enough to find today's events without a list of thousands. */
const MAX_PICKS = 200;

export function eventIdProblem(value: string): string | undefined {
  return isUuid(value) ? undefined : vscode.l10n.t('An event id is a UUID like {0}.', 'eef3340b-8903-4466-b445-89b697315a3a');
}

/** The event the user names, or undefined if they cancel. Throws TelnyxError when the lookup fails. */
export async function askEvent(s: Services, title: string, given?: string): Promise<FoundEvent | undefined> {
  if (given !== undefined && eventIdProblem(given)) {
    void showError(vscode.l10n.t('"{0}" is not an event id. {1}', given.slice(0, 60), eventIdProblem(given) ?? ''));
    return undefined;
  }
  let id = given;
  if (id === undefined) {
    const picked = await pickLoaded(s, title);
    if (picked === undefined) return undefined;
    if (picked !== ENTER_ID) return picked;
    id = await vscode.window.showInputBox({
      title,
      prompt: vscode.l10n.t('Port-in or port-out event id'),
      placeHolder: 'eef3340b-8903-4466-b445-89b697315a3a',
      ignoreFocusOut: true,
      validateInput: (v) => eventIdProblem(v.trim()),
    });
    if (!id) return undefined;
  }
  const client = await s.session.get();
  const wanted = id.trim();
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up event {0}…', wanted) },
    () => client.findEvent(wanted),
  );
  return { ...found, complete: true };
}

/** A loaded event, ENTER_ID, or undefined on cancel; straight to ENTER_ID when nothing is loaded. */
async function pickLoaded(s: Services, title: string): Promise<FoundEvent | typeof ENTER_ID | undefined> {
  const loaded: FoundEvent[] = s.tree.loadedEvents().slice(0, MAX_PICKS);
  if (loaded.length === 0) return ENTER_ID;
  type Item = vscode.QuickPickItem & { found?: FoundEvent };
  const items: Item[] = [
    { label: vscode.l10n.t('$(edit) Enter an event id…'), alwaysShow: true },
    ...loaded.map((found): Item => {
      const order = eventOrderId(found.direction, found.event);
      return {
        label: eventView(found.direction, found.event).label,
        description: [found.direction.label, relativeTime(recordTimeText(found.event)), ...(order ? [orderIdName(found.direction, order)] : [])].join(' · '),
        detail: found.event.id ?? undefined,
        found,
      };
    }),
  ];
  const choice = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('An event loaded in the tree, or enter any event id'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  return choice.found ?? ENTER_ID;
}
