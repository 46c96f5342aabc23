// What the rows at the end of a paged list (Load more, error, warning) need of the list they end.

import type { TreeNode } from './node';

/** A node whose children come a page at a time. */
export interface Pageable extends TreeNode {
  loadMore(): Promise<void>;
  readonly loading: boolean;
}
