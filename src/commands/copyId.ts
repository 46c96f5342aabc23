// Copy Id: the order or event id, for support tickets and curl.

import * as vscode from 'vscode';
import { EventNode } from '../tree/eventNode';
import { OrderNode } from '../tree/orderNode';
import type { TreeNode } from '../tree/node';

export function registerCopyId(): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.copyId', async (node?: TreeNode) => {
    const id = node instanceof EventNode ? node.event.id : node instanceof OrderNode ? node.order.id : undefined;
    if (!id) return;
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', id), 3000);
  });
}
