// Load More: the next page of the list a "Load more…" row ends.

import * as vscode from 'vscode';
import { LoadMoreNode } from '../tree/loadMoreNode';

export function registerLoadMore(): vscode.Disposable {
  return vscode.commands.registerCommand('telnyxPorting.loadMore', (node?: LoadMoreNode) => {
    if (node instanceof LoadMoreNode) return node.parent.loadMore();
    return undefined;
  });
}
