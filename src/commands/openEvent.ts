// Open Event Payload: from an event node, or from the palette with an event id.

import * as vscode from 'vscode';
import type { PortingEvent } from '../api/types';
import { eventUri } from '../documents/eventUri';
import type { Services } from '../services';
import { EventNode } from '../tree/eventNode';
import { reportError } from '../ui/notify';
import { askEvent } from '../ui/askEvent';

export function registerOpenEvent(s: Services): vscode.Disposable {
  const open = async (arg?: EventNode | string): Promise<vscode.TextEditor | undefined> => {
    try {
      let uri: vscode.Uri | undefined;
      let known: PortingEvent | undefined;
      let id: string | null | undefined;
      if (arg instanceof EventNode) {
        uri = arg.uri;
        id = arg.event.id;
      } else {
        const found = await askEvent(s, vscode.l10n.t('Open Telnyx Porting Event'), typeof arg === 'string' ? arg : undefined);
        if (!found || !found.event.id) return undefined;
        uri = eventUri(found.direction.id, found.event.id, found.event.event_type);
        id = found.event.id;
        // A lookup by id already fetched the whole event.
        if (found.complete) known = found.event;
      }
      if (!uri) return undefined;
      const editor = await vscode.window.showTextDocument(await s.docs.open(uri, known), { preview: true });
      // Opened: no longer new.
      if (id) s.tree.markSeen(id);
      return editor;
    } catch (e) {
      await reportError(e, s.log, () => open(arg));
      return undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.openEvent', open);
}
