// The extension's settings, all under `telnyxPorting.*`, read in one place.

import * as vscode from 'vscode';
import { DEFAULTS, LIMITS } from './api/defaults';

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
  const num = (name: keyof typeof LIMITS): number => {
    const [lo, hi] = LIMITS[name];
    const v = c.get<number>(name, DEFAULTS[name]);
    return Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : DEFAULTS[name]));
  };
  return {
    apiBaseUrl: c.get<string>('apiBaseUrl', DEFAULTS.apiBaseUrl),
    pageSize: num('pageSize'),
    timeoutMs: num('requestTimeoutSeconds') * 1000,
    retries: num('maxRetries'),
    showRecentEvents: c.get<boolean>('showRecentEvents', DEFAULTS.showRecentEvents),
    concurrency: num('concurrency'),
  };
}

export function onSettingsChange(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}
