// The extension's settings, all under `telnyxPorting.*`, read in one place.

import * as vscode from 'vscode';

export const SECTION = 'telnyxPorting';

export interface Settings {
  apiBaseUrl: string;
  pageSize: number;
  timeoutMs: number;
  retries: number;
  showRecentEvents: boolean;
  /** Pages fetched at once by operations that need every page. */
  concurrency: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo));
  return {
    apiBaseUrl: c.get<string>('apiBaseUrl', 'https://api.telnyx.com/v2'),
    pageSize: clamp(c.get<number>('pageSize', 25), 1, 250),
    timeoutMs: clamp(c.get<number>('requestTimeoutSeconds', 30), 1, 300) * 1000,
    retries: clamp(c.get<number>('maxRetries', 2), 0, 5),
    showRecentEvents: c.get<boolean>('showRecentEvents', true),
    concurrency: clamp(c.get<number>('concurrency', 4), 1, 16),
  };
}

export function onSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
