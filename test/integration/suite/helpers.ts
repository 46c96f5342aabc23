// Shared by the integration tests: the extension's live objects, the sandbox's control endpoints,
// stubs for prompts (modal dialogs are refused in the smoke-test workbench, so tests answer them), and readings of the tree.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXT_ID = 'telnyx-porting-tools.telnyx-porting';
export const API_URL = process.env.TELNYX_SANDBOX_URL ?? '';
export const CONTROL = process.env.TELNYX_SANDBOX_CONTROL ?? '';
export const KEY = process.env.TELNYX_SANDBOX_KEY ?? '';
/** What every request to the sandbox's control endpoints carries: its key, and for a POST the JSON it only takes. */
export const controlHeaders = (method = 'GET'): Record<string, string> => ({
  authorization: `Bearer ${KEY}`,
  ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
});

/** Loosely typed view of what activate() returns; the suite is bundled apart from the extension, so no shared classes. */
export interface Node {
  id: string;
  parent?: Node;
  busy?: string;
  event?: { id: string; event_type: string; payload_status: string; [k: string]: unknown };
  order?: { id: string; [k: string]: unknown };
  error?: { kind: string; message: string };
}
export interface Api {
  activationMs: number;
  services: {
    keys: { get(): Promise<string | undefined>; hasKeyContext: boolean | undefined; set(k: string): Promise<void>; clear(): Promise<void> };
    tree: {
      getChildren(n?: Node): Promise<Node[]>;
      getTreeItem(n: Node): vscode.TreeItem;
      resolveTreeItem(i: vscode.TreeItem, n: Node): vscode.TreeItem;
      refreshAll(): void;
      roots: Node[];
      onDidChangeTreeData: vscode.Event<Node | undefined | void>;
    };
    log: vscode.LogOutputChannel;
  };
}

export function ext(): vscode.Extension<Api> {
  const e = vscode.extensions.getExtension<Api>(EXT_ID);
  assert.ok(e, `${EXT_ID} not found`);
  return e;
}

export async function api(): Promise<Api> {
  return ext().activate();
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  /** The hold it was parked under, if a `hold` fault caught it. */
  held?: string;
}

/** A request parked by a `hold` fault (see test/sandbox/README.md). */
export interface HeldRequest {
  name: string;
  method: string;
  path: string;
  query: string;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${CONTROL}/__sandbox/${path}`, {
    method,
    headers: controlHeaders(method),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `sandbox control ${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface SeedEvent {
  id: string;
  event_type: string;
  payload_status: string;
  created_at: string;
  porting_order_id?: string;
  portout_id?: string;
  available_notification_methods: string[];
  payload: unknown;
}
export interface Seed {
  portinOrders: { id: string; created_at: string; status: { value: string }; customer_reference: string | null; phone_numbers: { phone_number: string }[] }[];
  portoutOrders: { id: string; created_at: string; status: string; support_key: string; phone_numbers: string[] }[];
  portinEvents: SeedEvent[];
  portoutEvents: SeedEvent[];
}

export const sandbox = {
  requests: () => control<LoggedRequest[]>('GET', 'requests'),
  clearRequests: () => control<void>('DELETE', 'requests'),
  republishes: () => control<{ direction: string; id: string }[]>('GET', 'republishes'),
  reset: () => control<void>('POST', 'reset'),
  seed: () => control<Seed>('GET', 'seed'),
  fault: (match: { method?: string; path?: string; exact?: boolean; times?: number }, fault: Record<string, unknown>) =>
    control<void>('POST', 'faults', { match, fault }),
  /** Runtime config: listOrder, latencyMs, removeEveryListRequest… (see test/sandbox/README.md). */
  config: (patch: Record<string, unknown>) => control<unknown>('POST', 'config', patch),
  insertEvents: (body: { direction: 'portin' | 'portout'; orderId?: string; count: number; pending?: boolean; eventType?: string; status?: string }) =>
    control<SeedEvent[]>('POST', 'events', body),
  complete: (body: { direction: 'portin' | 'portout'; ids: string[] }) => control<unknown>('POST', 'complete', body),
  /**
   * Once `count` requests are parked under the hold `name` (a `{hold: name}` fault), gives them: then they are
   * in flight for sure, however slow the machine. Fails, saying what is parked instead, when none comes.
   */
  held: (name: string, count = 1) => control<HeldRequest[]>('POST', 'held', { wait: name, count }),
  /** Lets the requests parked under `name` go on; gives how many. */
  release: async (name: string) => (await control<{ released: number }>('POST', 'held', { release: name })).released,
};

/** The requests in the sandbox's log that `mine` says the test itself caused; the rest may be background work. */
export async function ownRequests(mine: (r: LoggedRequest) => boolean): Promise<{ own: LoggedRequest[]; seen: string }> {
  const all = await sandbox.requests();
  return { own: all.filter(mine), seen: all.map((r) => `${r.method} ${r.path}${r.query ? `?${decodeURIComponent(r.query)}` : ''} ${r.status}`).join('; ') || 'none' };
}

/** The list orders the sandbox can play for lists the API documents no sort for. */
export const LIST_ORDERS = ['desc', 'asc', 'shuffled'] as const;

type Window = typeof vscode.window;
/** The names of vscode.window's functions, the ones a test can answer for the user. */
export type WindowFunction = { [K in keyof Window]: Window[K] extends (...args: never[]) => unknown ? K : never }[keyof Window];
/** A stand-in for a vscode.window function: it gets the arguments the extension passed, and answers for the user. */
export type Fake = (...args: never[]) => unknown;

/** Replaces a vscode.window function until the returned restore() is called: for a stub that must span several steps. */
export function stub<K extends WindowFunction>(name: K, fake: Fake): { calls: unknown[][]; restore(): void } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const original = win[name];
  const calls: unknown[][] = [];
  win[name] = (...args: never[]) => {
    calls.push(args);
    return fake(...args);
  };
  return { calls, restore: () => void (win[name] = original) };
}

/**
 * Runs `run` with the named vscode.window functions replaced by fakes, restoring them however it ends. Gives what
 * `run` returned, and per name the argument lists its fake was called with:
 * `const { result, calls } = await withStubs({ showWarningMessage: async () => 'Republish' }, () => …);`
 * `calls.showWarningMessage[0]` is then the first warning's arguments.
 */
export async function withStubs<N extends WindowFunction, T>(fakes: Record<N, Fake>, run: () => PromiseLike<T>): Promise<{ result: T; calls: Record<N, unknown[][]> }> {
  const stubs = (Object.entries(fakes) as [N, Fake][]).map(([name, fake]) => [name, stub(name, fake)] as const);
  try {
    const result = await run();
    return { result, calls: Object.fromEntries(stubs.map(([name, s]) => [name, s.calls])) as Record<N, unknown[][]> };
  } finally {
    for (const [, s] of stubs) s.restore();
  }
}

export async function configure(values: Record<string, unknown>): Promise<void> {
  const c = vscode.workspace.getConfiguration('telnyxPorting');
  for (const [k, v] of Object.entries(values)) await c.update(k, v, vscode.ConfigurationTarget.Global);
}

/** One Enter in a fake input box: what was typed, whether the command went busy over it, and what it then said. */
export interface Entered {
  value: string;
  busy: boolean;
  message: string | undefined;
  warning: boolean;
}

/** A fake of vscode.window.createInputBox, and what its boxes went through. */
export interface FakeInputBoxes {
  /** The stub: `withStubs({ createInputBox: boxes.create }, …)`. */
  create: Fake;
  /** Every box the command made, as it set them (title, prompt, password…). */
  boxes: vscode.InputBox[];
  /** Every Enter, in order. */
  entered: Entered[];
}

/**
 * Input boxes the user types into, one answer per Enter: after each, the fake waits until the command has
 * handled it (no longer busy) and types the next into the same box, as a user correcting a refused value would.
 * `undefined`, or running out of answers, is Escape. Answers are used across boxes in the order they are made.
 */
export function answerInputBoxes(answers: readonly (string | undefined)[]): FakeInputBoxes {
  const queue = [...answers];
  const boxes: vscode.InputBox[] = [];
  const entered: Entered[] = [];
  const create = (): vscode.InputBox => {
    const accept = new vscode.EventEmitter<void>();
    const change = new vscode.EventEmitter<string>();
    const hidden = new vscode.EventEmitter<void>();
    const button = new vscode.EventEmitter<vscode.QuickInputButton>();
    let visible = false;
    let busy = false;
    let current: Entered | undefined;
    const typeNext = (): void => {
      if (!visible) return;
      const value = queue.shift();
      if (value === undefined) return void box.hide();
      // Enter again on an unchanged value changes nothing, as in the real box.
      if (box.value !== value) {
        box.value = value;
        change.fire(value);
      }
      current = { value, busy: false, message: undefined, warning: false };
      entered.push(current);
      accept.fire();
      // A command that checks the value goes busy before its first await; one that does not has answered already.
      if (!busy) afterEnter();
    };
    // What the box says once the command has handled the Enter (or closed the box over it).
    const record = (): void => {
      const m = box.validationMessage;
      if (current) {
        current.message = typeof m === 'string' ? m : m?.message;
        current.warning = typeof m === 'object' && m.severity === vscode.InputBoxValidationSeverity.Warning;
      }
      current = undefined;
    };
    const afterEnter = (): void =>
      void setTimeout(() => {
        record();
        typeNext();
      }, 0);
    const box = {
      title: undefined as string | undefined,
      prompt: undefined as string | undefined,
      placeholder: undefined as string | undefined,
      value: '',
      valueSelection: undefined,
      password: false,
      ignoreFocusOut: false,
      enabled: true,
      step: undefined,
      totalSteps: undefined,
      buttons: [] as vscode.QuickInputButton[],
      validationMessage: undefined as string | vscode.InputBoxValidationMessage | undefined,
      get busy(): boolean {
        return busy;
      },
      set busy(b: boolean) {
        busy = b;
        if (b && current) current.busy = true;
        if (!b && current && visible) afterEnter();
      },
      onDidAccept: accept.event,
      onDidChangeValue: change.event,
      onDidHide: hidden.event,
      onDidTriggerButton: button.event,
      show(): void {
        if (visible) return;
        visible = true;
        setTimeout(typeNext, 0);
      },
      hide(): void {
        if (!visible) return;
        record();
        visible = false;
        hidden.fire();
      },
      dispose(): void {
        box.hide();
        for (const e of [accept, change, hidden, button]) e.dispose();
      },
    };
    boxes.push(box as unknown as vscode.InputBox);
    return box as unknown as vscode.InputBox;
  };
  return { create, boxes, entered };
}

/** Sets the sandbox key through the real command, typing it into its input box. */
export async function setKey(key = KEY): Promise<boolean | undefined> {
  const { result } = await withStubs({ createInputBox: answerInputBoxes([key]).create }, () => vscode.commands.executeCommand<boolean>('telnyxPorting.setApiKey'));
  return result;
}

/** The extension pointed at a freshly reset sandbox, with the key set through the real command. */
export async function freshSession(settings: Record<string, unknown>): Promise<Api> {
  const a = await api();
  await configure({ apiBaseUrl: API_URL, ...settings });
  await sandbox.reset();
  assert.equal(await setKey(), true, 'the sandbox key was accepted');
  a.services.tree.refreshAll();
  return a;
}

export function item(a: Api, n: Node): vscode.TreeItem {
  return a.services.tree.getTreeItem(n);
}

/** The tooltip as VS Code gets it on hover (resolveTreeItem). */
export function tooltipOf(a: Api, n: Node): vscode.MarkdownString {
  const tip = a.services.tree.resolveTreeItem(item(a, n), n).tooltip;
  assert.ok(tip instanceof vscode.MarkdownString, 'the tooltip is Markdown');
  return tip;
}

export function contextOf(a: Api, n: Node): string {
  return item(a, n).contextValue ?? '';
}

/** The nodes under `n` (the roots without it), as the view asks for them. */
export function childrenOf(a: Api, n?: Node): Promise<Node[]> {
  return a.services.tree.getChildren(n);
}

/** The order rows among `nodes` (context 'order:…', so not rows without an id), of one direction if given. */
export function ordersOf(a: Api, nodes: Node[], direction?: 'portin' | 'portout'): Node[] {
  const prefix = direction ? `order:${direction}:` : 'order:';
  return nodes.filter((n) => contextOf(a, n).startsWith(prefix));
}

/** The event rows among `nodes` (context 'event:…'). */
export function eventsOf(a: Api, nodes: Node[]): Node[] {
  return nodes.filter((n) => contextOf(a, n).startsWith('event:'));
}

/** Clicks Load more under `n` until there is none, at most `maxClicks` times; gives the children then. */
export async function loadToEnd(a: Api, n: Node, maxClicks: number): Promise<Node[]> {
  let children = await childrenOf(a, n);
  for (let i = 0; i < maxClicks && contextOf(a, children.at(-1)!) === 'loadMore'; i++) {
    await vscode.commands.executeCommand('telnyxPorting.loadMore', children.at(-1));
    children = await childrenOf(a, n);
  }
  return children;
}

/** Newest first, ties broken by id descending as the sandbox's seed does, so ids compare exactly. */
export function newestFirst<T extends { created_at: string; id: string }>(xs: T[]): T[] {
  return [...xs].sort((x, y) => Date.parse(y.created_at) - Date.parse(x.created_at) || (x.id < y.id ? 1 : x.id > y.id ? -1 : 0));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `done` holds, for work the extension finishes on its own after a command returned (a file
 * written, a document re-read). The bound is only how long to wait before failing with `what`; the test never
 * depends on anything being quick or slow.
 */
export async function until(done: () => boolean | Promise<boolean>, what: string, boundMs = 20_000): Promise<void> {
  const end = Date.now() + boundMs;
  while (!(await done())) {
    assert.ok(Date.now() < end, `still not so after ${boundMs} ms: ${what}`);
    await sleep(50);
  }
}

/** Runs `during` once `count` requests are parked under the hold `name`, then releases them however `during` ends. */
export async function whileHeld<T>(name: string, during: (held: HeldRequest[]) => Promise<T>, count = 1): Promise<T> {
  const held = await sandbox.held(name, count);
  try {
    return await during(held);
  } finally {
    await sandbox.release(name);
  }
}

/** A row's label starts with `e164` as people read it: the same digits, grouped by spaces. */
export function readable(label: string, e164: string): boolean {
  const shown = label.split(' (+')[0]!;
  return shown !== e164 && shown.startsWith('+') && shown.replace(/ /g, '') === e164;
}
