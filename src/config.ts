// The extension's settings, all under `telnyxPorting.*`, read in one place. Every value is checked here against
// its setting's type: one that is not (a hand edit, a repository's settings file) is the default, and is said in
// `problems`, never a throw in whatever uses it later (a `watch.notify` of 5 used to fail every watch tick).
//
// The settings that decide what the user is warned of, how many writes go out, and whether the requests of watching
// get through are the user's: package.json scopes them `application`, and they are read from the user's settings
// (or the default) whatever a workspace or folder holds, also in a host that would honour it (USER_ONLY).

import * as vscode from 'vscode';
import { DEFAULTS, LIMITS } from './api/defaults';
import { ACTION_KINDS, type ActionKind } from './presentation/needsAction';
import { WATCH_SETTING_NAMES, type WatchSettings } from './watch/leader';

export const SECTION = 'telnyxPorting';

type Name = keyof typeof DEFAULTS;

/** Settings read from the user's settings only (package.json's `application` scope; manifest.test holds the two together). */
export const USER_ONLY: ReadonlySet<Name> = new Set<Name>([
  'apiBaseUrl',
  'requestTimeoutSeconds',
  'maxRetries',
  'watch.enabled',
  'watch.intervalSeconds',
  'watch.notify',
  'watch.watchedOnly',
  'replay.concurrency',
]);

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
  watchNotify: readonly ActionKind[];
  /** Notify only for events of watched orders. */
  watchWatchedOnly: boolean;
  /** Republishes in flight at once when many are sent. */
  replayConcurrency: number;
  /** Sign deliveries to a local handler with the development key. */
  signDeliveries: boolean;
}

const KINDS: ReadonlySet<string> = new Set(ACTION_KINDS);

/**
 * `raw` as a value of the setting's type, or undefined when it is not one: a number must be finite (it is then
 * made whole and kept within the setting's bounds), a boolean a boolean, a string a string, and `watch.notify`
 * (the one list) an array of known kinds.
 */
function checked(name: Name, raw: unknown): unknown {
  if (name in LIMITS) {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
    const [lo, hi] = LIMITS[name as keyof typeof LIMITS];
    return Math.min(hi, Math.max(lo, Math.round(raw)));
  }
  const fallback: unknown = DEFAULTS[name];
  if (Array.isArray(fallback)) return Array.isArray(raw) && raw.every((k) => typeof k === 'string' && KINDS.has(k)) ? [...new Set(raw as string[])] : undefined;
  return typeof raw === typeof fallback ? raw : undefined;
}

type Scope = 'user' | 'effective';

/** Reads checked values: the user's (user settings, else the default) or what VS Code gives this window. */
function reader(c: vscode.WorkspaceConfiguration, problems: string[]) {
  return (name: Name, scope: Scope = USER_ONLY.has(name) ? 'user' : 'effective'): unknown => {
    const raw = scope === 'user' ? (c.inspect(name)?.globalValue ?? c.inspect(name)?.defaultValue) : c.get(name);
    if (raw === undefined) return DEFAULTS[name];
    const value = checked(name, raw);
    if (value !== undefined) return value;
    // The type only: a value in the wrong setting could be anything.
    problems.push(`telnyxPorting.${name} is ${Array.isArray(raw) ? 'an array of something else' : `a ${typeof raw}`}, not what it takes: its default is used`);
    return DEFAULTS[name];
  };
}

/** Every setting, checked, and what was wrong with those that fell back to their default (log lines, English). */
export function readSettingsChecked(): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const read = reader(vscode.workspace.getConfiguration(SECTION), problems);
  const settings: Settings = {
    apiBaseUrl: read('apiBaseUrl') as string,
    pageSize: read('pageSize') as number,
    timeoutMs: (read('requestTimeoutSeconds') as number) * 1000,
    retries: read('maxRetries') as number,
    showRecentEvents: read('showRecentEvents') as boolean,
    concurrency: read('concurrency') as number,
    watchEnabled: read('watch.enabled') as boolean,
    watchIntervalSeconds: read('watch.intervalSeconds') as number,
    watchNotify: read('watch.notify') as readonly ActionKind[],
    watchWatchedOnly: read('watch.watchedOnly') as boolean,
    replayConcurrency: read('replay.concurrency') as number,
    signDeliveries: read('localHandler.sign') as boolean,
  };
  return { settings, problems };
}

export function readSettings(): Settings {
  return readSettingsChecked().settings;
}

/**
 * What the watch lease is decided on (see leaseRefusal in src/watch/leader.ts): the watch settings as the user set
 * them, as VS Code gives them to this window, and those a workspace or folder sets to anything else (as
 * `config.inspect` shows them, whether or not VS Code honours them here).
 */
export function watchSettingsCheck(): { user: WatchSettings; effective: WatchSettings; fromWorkspace: string[] } {
  const c = vscode.workspace.getConfiguration(SECTION);
  const read = reader(c, []);
  const of = (scope: Scope): WatchSettings => ({
    enabled: read(WATCH_SETTING_NAMES.enabled, scope) as boolean,
    intervalSeconds: read(WATCH_SETTING_NAMES.intervalSeconds, scope) as number,
    notify: read(WATCH_SETTING_NAMES.notify, scope) as readonly string[],
    watchedOnly: read(WATCH_SETTING_NAMES.watchedOnly, scope) as boolean,
    timeoutMs: (read(WATCH_SETTING_NAMES.timeoutMs, scope) as number) * 1000,
    retries: read(WATCH_SETTING_NAMES.retries, scope) as number,
  });
  const fromWorkspace = Object.values(WATCH_SETTING_NAMES).filter((name) => {
    const i = c.inspect(name);
    const user = JSON.stringify(read(name, 'user'));
    return [i?.workspaceValue, i?.workspaceFolderValue, i?.workspaceLanguageValue, i?.workspaceFolderLanguageValue].some(
      (v) => v !== undefined && JSON.stringify(checked(name, v) ?? v) !== user,
    );
  });
  return { user: of('user'), effective: of('effective'), fromWorkspace };
}

/** Calls `listener` when one of the extension's settings changes, or only one of `only` (names under the section). */
export function onSettingsChange(listener: () => void, only?: readonly (keyof typeof DEFAULTS)[]): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (only ? only.some((name) => e.affectsConfiguration(`${SECTION}.${name}`)) : e.affectsConfiguration(SECTION)) listener();
  });
}
