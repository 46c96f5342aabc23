// ThemeIcons by codicon and status colour, made once each: a few dozen distinct icons serve thousands of rows.
// Colours go through the contributed `telnyxPorting.status.*` ids, not `charts.*` directly, so themes and
// users can restyle statuses on their own.

import * as vscode from 'vscode';
import { statusColorId, type StatusColor } from '../presentation/statusColors';

const cache = new Map<string, vscode.ThemeIcon>();

export function themeIcon(id: string, color?: StatusColor): vscode.ThemeIcon {
  const key = `${id}|${color ?? ''}`;
  let icon = cache.get(key);
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(statusColorId(color)) : undefined);
    cache.set(key, icon);
  }
  return icon;
}
