// Shared ThemeIcons and strings: a few dozen distinct icons, labels and context values, and thousands of nodes.

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

const strings = new Map<string, string>();

/** One copy of a string that many nodes repeat (labels like "New comment", context values). */
export function intern(text: string): string {
  const known = strings.get(text);
  if (known !== undefined) return known;
  // Bounded, so labels that are unique per event (a FOC date) cannot grow it without end.
  if (strings.size < 1000) strings.set(text, text);
  return text;
}
