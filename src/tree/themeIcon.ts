// ThemeIcons by codicon and colour id, made once each: a few dozen distinct icons serve thousands of rows.

import * as vscode from 'vscode';

const cache = new Map<string, vscode.ThemeIcon>();

export function themeIcon(id: string, color?: string): vscode.ThemeIcon {
  const key = `${id}|${color ?? ''}`;
  let icon = cache.get(key);
  if (!icon) {
    icon = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
    cache.set(key, icon);
  }
  return icon;
}
