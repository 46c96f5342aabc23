// Watching in VS Code: when to tick (the interval, the window's focus, the key), which window ticks (the lease
// in global state), and what a tick's news becomes here: rows on top of the tree, the view's badge, a payload
// document read again, orders read again after a status or FOC event, and notifications.
//
// Watching begins when the window opens, a key is set, the account changes or watching is turned on: that moment
// goes to the watcher, whose first tick of an account without a stored cursor reports what came after it (an event
// between the key being set and the first tick is news) and takes only what is older as history. A window whose
// watch settings are not the user's (a workspace sets them, or they warn of less) never takes the lease.

import * as vscode from 'vscode';
import { direction as directionOf, type Direction } from '../api/directions';
import type { Order } from '../api/types';
import { checkBaseUrl } from '../api/validate';
import { readSettings, readSettingsChecked, watchSettingsCheck } from '../config';
import { eventUri } from '../documents/eventUri';
import { needsAction, type ActionKind } from '../presentation/needsAction';
import type { Services } from '../services';
import { clientEventSource } from '../watch/eventSource';
import { EventWatcher, type WatchedEvent } from '../watch/eventWatcher';
import { Leader, leaseMsFor, leaseRefusal } from '../watch/leader';
import { nextDelay } from '../watch/schedule';
import { planNotifications, watchTick, type WatchTickOutcome } from '../watch/watch';
import { accountKeyOf } from '../accounts/accountState';
import { showInfo } from '../ui/messages';

/** Kinds after which the order's row is out of date: its status or FOC date changed. */
const ORDER_CHANGES: ReadonlySet<ActionKind> = new Set([
  'portin.exception',
  'portin.foc',
  'portin.ported',
  'portin.cancelled',
  'portin.status',
  'portout.pending',
  'portout.rejected',
  'portout.foc',
  'portout.status',
]);

export interface WatchEnvironment {
  /** Whether this window has focus; VS Code's window state unless a test says otherwise. */
  focused(): boolean;
  /** Who holds the lease: this window's session unless a test plays a second window. */
  ownerId?: string;
  /** The clock the moment watching began is read from (epoch ms): Date.now unless a test plays one. */
  now?(): number;
}

export class WatchLoop implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: AbortController | undefined;
  private failures = 0;
  private engine: { account: string; watcher: EventWatcher; leader: Leader } | undefined;
  /** When watching began in this window (epoch ms): the first tick of an account without a cursor reports what came since. */
  private since: number;
  private enabled: boolean;
  /** Log lines already written, so a setting's problem or a refused lease is logged once, not every tick. */
  private readonly logged = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last tick's outcome, for the log and tests. */
  last: WatchTickOutcome | undefined;
  /** Why the last tick did not run or failed, for the log and tests. */
  lastProblem: string | undefined;
  /** The wait the schedule chose last (undefined: no tick scheduled), for the log and tests. */
  scheduledMs: number | undefined;

  constructor(
    private readonly s: Omit<Services, 'watch'>,
    private readonly globalState: vscode.Memento,
    readonly env: WatchEnvironment = { focused: () => vscode.window.state.focused },
  ) {
    this.since = this.clock();
    this.enabled = readSettings().watchEnabled;
    this.subscriptions.push(
      vscode.window.onDidChangeWindowState(() => void this.schedule()),
      s.keys.onDidChange(() => this.restart()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Another server is another account: start over. Other settings (interval, kinds) apply from the next tick.
        if (e.affectsConfiguration('telnyxPorting.apiBaseUrl')) this.restart();
        else if (e.affectsConfiguration('telnyxPorting')) {
          const enabled = readSettings().watchEnabled;
          const turnedOn = enabled && !this.enabled;
          this.enabled = enabled;
          // Watching begins again: what happened while it was off, before a cursor was stored, is not news.
          if (turnedOn) this.restart();
          else void this.schedule();
        }
      }),
    );
  }

  /** Starts the schedule; called once the extension is up (no request at activation: the first tick waits an interval). */
  start(): void {
    void this.schedule();
  }

  /** Computes the next wait again (focus, settings or the key changed); resolves once it is set. */
  async reschedule(): Promise<number | undefined> {
    await this.schedule();
    return this.scheduledMs;
  }

  /** One tick now, whatever the schedule (Check for New Events; tests). Undefined without a key or while watching is off. */
  async tickNow(): Promise<WatchTickOutcome | undefined> {
    return this.tick();
  }

  private clock(): number {
    return this.env.now?.() ?? Date.now();
  }

  /** Watching begins again now: another key or account, or watching turned on. */
  private restart(): void {
    this.running?.abort();
    void this.engine?.leader.release();
    this.engine = undefined;
    this.since = this.clock();
    this.failures = 0;
    void this.schedule();
  }

  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const settings = readSettings();
    const key = await this.s.keys.get();
    const delay = nextDelay({ intervalSeconds: settings.watchIntervalSeconds, focused: this.env.focused(), keySet: !!key, enabled: settings.watchEnabled, failures: this.failures });
    this.scheduledMs = delay;
    clearTimeout(this.timer);
    if (delay !== undefined) this.timer = setTimeout(() => void this.tick().finally(() => void this.schedule()), delay);
    // Watching is off here: the lease goes now, not when it expires, so another window watches at its next tick.
    else if (!settings.watchEnabled) await this.engine?.leader.release();
  }

  private async tick(): Promise<WatchTickOutcome | undefined> {
    const { settings, problems } = readSettingsChecked();
    for (const p of problems) this.logOnce(`Settings: ${p}`);
    const key = await this.s.keys.get();
    this.lastProblem = !key ? 'no API key' : !settings.watchEnabled ? 'watching is off' : this.running ? 'a tick is running' : undefined;
    if (this.lastProblem || !key) return undefined;
    const abort = new AbortController();
    this.running = abort;
    try {
      const engine = await this.engineFor(key);
      const delay = nextDelay({ intervalSeconds: settings.watchIntervalSeconds, focused: this.env.focused(), keySet: true }) ?? 60_000;
      const check = watchSettingsCheck();
      const refused = leaseRefusal(check.effective, check.user, check.fromWorkspace);
      if (refused) {
        this.lastProblem = `this window does not watch: ${refused}`;
        this.logOnce(`Watching: ${this.lastProblem}; a window with the user's own watch settings watches the account.`);
      }
      const out = await watchTick({
        watcher: engine.watcher,
        leader: engine.leader,
        focused: this.env.focused(),
        leaseMs: leaseMsFor(delay),
        signal: abort.signal,
        kinds: settings.watchNotify,
        ...(refused ? { refused } : {}),
        mayNotify: settings.watchWatchedOnly
          ? (w) => {
              const orderId = w.event[w.direction.eventOrderField];
              return !!orderId && this.s.watched.has(w.direction.id, orderId);
            }
          : undefined,
      });
      this.last = out;
      if (out.result) {
        this.failures = out.result.errors.length > 0 ? this.failures + 1 : 0;
        for (const e of out.result.errors) this.s.log.warn(`Watching: ${e.message}`);
        await this.show(out, settings.watchNotify);
      }
      return out;
    } catch (e) {
      this.failures++;
      this.lastProblem = (e as Error)?.message ?? String(e);
      if (!abort.signal.aborted) this.s.log.warn(`Watching: ${this.lastProblem}`);
      return undefined;
    } finally {
      if (this.running === abort) this.running = undefined;
    }
  }

  /**
   * The watcher and lease of the account in use. Its state in global state is keyed by the base URL and a hash of
   * the key, so two windows on one account share it and the key itself is stored nowhere.
   */
  private async engineFor(key: string): Promise<NonNullable<WatchLoop['engine']>> {
    const baseUrl = checkBaseUrl(this.s.session.baseUrl());
    const account = accountKeyOf(baseUrl, key);
    if (this.engine?.account === account) return this.engine;
    // Another account without a restart (none is known to come this way): watching it begins now.
    if (this.engine) this.since = this.clock();
    const client = await this.s.session.get();
    this.engine = {
      account,
      watcher: new EventWatcher({ source: clientEventSource(client), store: this.globalState, accountKey: account, watchingSince: this.since }),
      leader: new Leader({ store: this.globalState, accountKey: account, ownerId: this.env.ownerId ?? vscode.env.sessionId }),
    };
    return this.engine;
  }

  private logOnce(line: string): void {
    if (this.logged.has(line)) return;
    this.logged.add(line);
    this.s.log.warn(line);
  }

  private async show(out: WatchTickOutcome, kinds: readonly ActionKind[]): Promise<void> {
    const result = out.result!;
    for (const [dir, events] of byDirection(result.fresh)) this.s.tree.addFresh(dir, events);
    for (const [dir, events] of byDirection(result.completed)) {
      this.s.tree.updateEvents(dir, events);
      const generated = new Set(events.flatMap((e) => (e.id ? [eventUri(dir.id, e.id, e.event_type).toString()] : [])));
      this.s.docs.refreshOpenTabs((uri) => generated.has(uri.toString()));
    }
    await this.readOrdersAgain(result.fresh);
    const named = await this.ordersToName(out.notify);
    const plan = planNotifications(out.notify, result.fresh, {
      kinds,
      orderOf: (w) => {
        const id = w.event[w.direction.eventOrderField];
        if (!id) return undefined;
        return this.s.tree.findOrderNode(w.direction, id)?.order ?? named.get(`${w.direction.id}/${id}`)?.order;
      },
    });
    if (!plan) return;
    if (plan.kind === 'burst') {
      void showInfo(plan.line, vscode.l10n.t('Show Recent Events')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('telnyxPorting.orders.focus');
      });
      return;
    }
    for (const { item, line } of plan.items) void this.notifyOne(item, line);
  }

  /** One notification with its actions; the line is plain text already (see needsAction.plainText). */
  private async notifyOne(item: WatchedEvent, line: string): Promise<void> {
    const openEvent = vscode.l10n.t('Open Event');
    const revealOrder = vscode.l10n.t('Reveal Order');
    const reply = vscode.l10n.t('Reply');
    const orderId = item.event[item.direction.eventOrderField];
    // A comment is answered in its thread: the first action opens it with the reply box, not the event's JSON.
    const isComment = item.event.event_type?.endsWith('.new_comment') === true && !!orderId;
    const choice = isComment ? await showInfo(line, reply, revealOrder) : await showInfo(line, openEvent, revealOrder);
    const id = item.event.id;
    if (choice === reply && orderId) await vscode.commands.executeCommand('telnyxPorting.openComments', { directionId: item.direction.id, orderId });
    if (choice === openEvent && id) await vscode.commands.executeCommand('telnyxPorting.openEvent', id);
    if (choice === revealOrder) {
      const node = orderId ? this.s.tree.findOrderNode(item.direction, orderId) : undefined;
      if (node) await this.s.treeView.reveal(node, { select: true, focus: true, expand: true });
      else if (orderId) await vscode.commands.executeCommand('telnyxPorting.findOrder', orderId);
    }
  }

  /**
   * The orders of the events about to notify one by one that the tree does not hold, read once each, so the
   * notification names them as everywhere else (numbers, then reference) rather than by what the payload carries.
   * A burst names no order, so reads nothing; an order that cannot be read is named as before.
   */
  private ordersToName(notify: readonly WatchedEvent[]): Promise<Map<string, { dir: Direction; order: Order }>> {
    if (notify.length > 3) return Promise.resolve(new Map());
    return this.readOrders(notify.filter((w) => !this.orderNodeOf(w)));
  }

  /** A status or FOC event means the order's row is out of date: read it again where it is shown. */
  private async readOrdersAgain(fresh: readonly WatchedEvent[]): Promise<void> {
    const read = await this.readOrders(fresh.filter((w) => ORDER_CHANGES.has(needsAction(w.direction, w.event)) && this.orderNodeOf(w)));
    for (const { dir, order } of read.values()) this.s.tree.updateOrder(dir, order);
  }

  private orderNodeOf(w: WatchedEvent): unknown {
    const id = w.event[w.direction.eventOrderField];
    return id ? this.s.tree.findOrderNode(w.direction, id) : undefined;
  }

  /** The events' orders, each read once, keyed "direction/id"; one that cannot be read is logged and left out. */
  private async readOrders(items: readonly WatchedEvent[]): Promise<Map<string, { dir: Direction; order: Order }>> {
    const wanted = new Map<string, [Direction, string]>();
    for (const w of items) {
      const id = w.event[w.direction.eventOrderField];
      if (id) wanted.set(`${w.direction.id}/${id}`, [w.direction, id]);
    }
    const read = new Map<string, { dir: Direction; order: Order }>();
    if (wanted.size === 0) return read;
    const client = await this.s.session.get();
    await Promise.all(
      [...wanted].map(async ([key, [dir, id]]) => {
        try {
          read.set(key, { dir, order: await client.getOrder(dir, id) });
        } catch (e) {
          this.s.log.warn(`Watching: ${(e as Error)?.message ?? String(e)}`);
        }
      }),
    );
    return read;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.running?.abort();
    this.engine?.leader.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function byDirection(items: readonly WatchedEvent[]): Map<Direction, WatchedEvent['event'][]> {
  const out = new Map<Direction, WatchedEvent['event'][]>();
  for (const w of items) {
    const dir = directionOf(w.direction.id);
    out.set(dir, [...(out.get(dir) ?? []), w.event]);
  }
  return out;
}
