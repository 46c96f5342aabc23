// The pieces commands work with, built once in extension.ts.

import type * as vscode from 'vscode';
import type { Conversations } from './comments/conversations';
import type { PortingFileSystem } from './documents/portingFileSystem';
import type { KeyStore } from './secrets/keyStore';
import type { Session } from './session';
import type { TreeNode } from './tree/node';
import type { PortingTreeProvider } from './tree/provider';
import type { WatchLoop } from './watching/watchLoop';
import type { WatchedOrders } from './watching/watchedOrders';

export const VIEW_ID = 'telnyxPorting.orders';

export interface Services {
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
}
