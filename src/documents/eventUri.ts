// vscode.Uri for event documents, on top of the plain path functions.

import * as vscode from 'vscode';
import type { DirectionId } from '../api/directions';
import { EVENT_SCHEME, eventPath } from './eventPath';

export function eventUri(direction: DirectionId, id: string, eventType?: string | null): vscode.Uri {
  return vscode.Uri.from({ scheme: EVENT_SCHEME, path: eventPath(direction, id, eventType) });
}
