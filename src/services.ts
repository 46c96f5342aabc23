// The pieces commands work with, built once in extension.ts.

import type * as vscode from 'vscode';
import type { AccountStore } from './accounts/accountStore';
import type { Conversations } from './comments/conversations';
import type { DemoAccount } from './demo/demoAccount';
import type { ReportDocuments } from './documents/reportDocuments';
import type { PortingFileSystem } from './documents/portingFileSystem';
import type { KeyStore } from './secrets/keyStore';
import type { Session } from './session';
import type { TreeNode } from './tree/node';
import type { PortingTreeProvider } from './tree/provider';
import type { WatchLoop } from './watching/watchLoop';
import type { WatchedOrders } from './watching/watchedOrders';

export const VIEW_ID = 'telnyxPorting.orders';

export interface Services {
  /** The named accounts and which one is in use. */
  accounts: AccountStore;
  /** The sandbox shipped in the extension, as the Demo account. */
  demo: DemoAccount;
  keys: KeyStore;
  session: Session;
  tree: PortingTreeProvider;
  /** The view itself: whether it is visible (the restored-tab test checks it was not what activated us). */
  treeView: vscode.TreeView<TreeNode>;
  docs: PortingFileSystem;
  log: vscode.LogOutputChannel;
  watch: WatchLoop;
  watched: WatchedOrders;
  /** Order comment threads and their unsent drafts. */
  comments: Conversations;
  /** Read-only documents the extension writes (handler answers, republish reports). */
  reports: ReportDocuments;
  /** Where the webhook tools keep their development signing key. */
  secrets: vscode.SecretStorage;
  /** Per user: the webhook tools' republish ledgers. */
  globalState: vscode.Memento;
  /** Per workspace: the local handler's URL. */
  workspaceState: vscode.Memento;
  /** Opens a link in the user's browser (vscode.env.openExternal). */
  openExternal(uri: vscode.Uri): Thenable<boolean>;
}
