// vscode.Uri for order documents, on top of the plain path functions.

import * as vscode from 'vscode';
import type { DirectionId } from '../api/directions';
import { EVENT_SCHEME } from './eventPath';
import { orderPath } from './orderPath';

export function orderUri(direction: DirectionId, id: string, title: string): vscode.Uri {
  return vscode.Uri.from({ scheme: EVENT_SCHEME, path: orderPath(direction, id, title) });
}
