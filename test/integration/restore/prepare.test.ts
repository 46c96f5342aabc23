// Runs in the window test/integration/run.mjs then reloads: afterwards the saved workbench state holds
// one payload tab and a closed side bar, so in the reloaded window only the tab can activate the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { childrenOf, loadToEnd, freshSession, sandbox, withStubs } from '../suite/helpers';
import { DRAFT_TEXT, draftOrderId } from './draftOrder';

describe('before the reload', () => {
  it('leaves a comment draft unsent (declined at the preview)', async () => {
    const a = await freshSession({});
    const id = await draftOrderId();
    const row = (await loadToEnd(a, (await childrenOf(a))[0]!, 50)).find((n) => n.order?.id === id);
    assert.ok(row, `order ${id} is listed`);
    const c = await vscode.commands.executeCommand<{ thread: vscode.CommentThread }>('telnyxPorting.openComments', row);
    const { result } = await withStubs({ showInformationMessage: async () => undefined }, () =>
      vscode.commands.executeCommand<string>('telnyxPorting.postComment', { thread: c.thread, text: DRAFT_TEXT }),
    );
    assert.equal(result, 'declined');
  });

  it('leaves one payload tab open and the Telnyx view closed', async () => {
    const a = await freshSession({});
    const event = (await sandbox.seed()).portinEvents.find((e) => e.payload_status === 'completed');
    assert.ok(event, 'the sandbox seeds a completed port-in event');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('telnyxPorting.openEvent', event.id);
    assert.equal(JSON.parse(editor.document.getText()).id, event.id);
    // Opened as a preview; a kept tab is what a user leaves behind after reading it.
    await vscode.commands.executeCommand('workbench.action.keepEditor');
    // Explorer first, so a side bar shown again at start-up would not show ours.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const view = (a.services as unknown as { treeView: vscode.TreeView<unknown> }).treeView;
    assert.equal(view.visible, false, 'the Telnyx view is still visible');
    // run.mjs reloads once the workbench has saved this tab (it checks the saved state itself).
    console.log(`    left open: ${editor.document.uri.toString()}`);
  });
});
