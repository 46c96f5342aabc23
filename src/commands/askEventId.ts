// Asks for an event id in the palette and looks it up in both directions.

import * as vscode from 'vscode';
import type { Direction } from '../api/directions';
import type { PortingEvent } from '../api/types';
import { isUuid } from '../api/validate';
import type { Services } from '../services';

export function eventIdProblem(value: string): string | undefined {
  return isUuid(value) ? undefined : 'An event id is a UUID like eef3340b-8903-4466-b445-89b697315a3a.';
}

/** The event the user names, or undefined if they cancel. Throws TelnyxError when the lookup fails. */
export async function askEvent(
  s: Services,
  title: string,
  given?: string,
): Promise<{ direction: Direction; event: PortingEvent } | undefined> {
  let id = given;
  if (id !== undefined && eventIdProblem(id)) {
    void vscode.window.showErrorMessage(`"${id.slice(0, 60)}" is not an event id. ${eventIdProblem(id)}`);
    return undefined;
  }
  id ??= await vscode.window.showInputBox({
    title,
    prompt: 'Port-in or port-out event id',
    placeHolder: 'eef3340b-8903-4466-b445-89b697315a3a',
    ignoreFocusOut: true,
    validateInput: (v) => eventIdProblem(v),
  });
  if (!id) return undefined;
  const client = await s.session.get();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Looking up event ${id.trim()}…` },
    () => client.findEvent(id.trim()),
  );
}
