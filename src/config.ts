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
  watchEnabled: boolean;
  watchIntervalSeconds: number;
  /** Kinds of event that notify (see src/presentation/needsAction.ts). */
  watchNotify: readonly string[];
  /** Notify only for events of watched orders. */
  watchWatchedOnly: boolean;
  /** Republishes in flight at once when many are sent. */
  replayConcurrency: number;
  /** Sign deliveries to a local handler with the development key. */
  signDeliveries: boolean;
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
    watchEnabled: c.get<boolean>('watch.enabled', DEFAULTS['watch.enabled']),
    watchIntervalSeconds: num('watch.intervalSeconds'),
    watchNotify: c.get<readonly string[]>('watch.notify', DEFAULTS['watch.notify']),
    watchWatchedOnly: c.get<boolean>('watch.watchedOnly', DEFAULTS['watch.watchedOnly']),
    replayConcurrency: num('replay.concurrency'),
    signDeliveries: c.get<boolean>('localHandler.sign', DEFAULTS['localHandler.sign']),
  };
}

/** Calls `listener` when one of the extension's settings changes, or only one of `only` (names under the section). */
export function onSettingsChange(listener: () => void, only?: readonly (keyof typeof DEFAULTS)[]): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (only ? only.some((name) => e.affectsConfiguration(`${SECTION}.${name}`)) : e.affectsConfiguration(SECTION)) listener();
  });
}
