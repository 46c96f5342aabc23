// Open Event Payload: from an event node, or from the palette with an event id.

import * as vscode from 'vscode';
import { eventUri } from '../documents/eventUri';
import type { Services } from '../services';
import { EventNode } from '../tree/eventNode';
import { reportError } from '../ui/notify';
import { askEvent } from './askEventId';

export function registerOpenEvent(s: Services): vscode.Disposable {
  const open = async (arg?: EventNode | string): Promise<vscode.TextEditor | undefined> => {
    let uri: vscode.Uri | undefined;
    try {
      if (arg instanceof EventNode) {
        uri = arg.uri;
      } else {
        const found = await askEvent(s, 'Open Telnyx Porting Event', typeof arg === 'string' ? arg : undefined);
        if (!found || !found.event.id) return undefined;
        uri = eventUri(found.direction.id, found.event.id, found.event.event_type);
        // A lookup already fetched the whole event: the document uses it instead of fetching it again.
        if (found.complete) s.docs.remember(uri, found.event);
      }
      if (!uri) return undefined;
      const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri?.toString());
      const doc = await vscode.workspace.openTextDocument(uri);
      // An open document would otherwise show what was fetched when it was first opened.
      if (alreadyOpen) s.docs.refresh(uri);
      return await vscode.window.showTextDocument(doc, { preview: true });
    } catch (e) {
      await reportError((uri && s.docs.takeFailure(uri)) ?? e, s.log, () => open(arg));
      return undefined;
    }
  };
  return vscode.commands.registerCommand('telnyxPorting.openEvent', open);
}
