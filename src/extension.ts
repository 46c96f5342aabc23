// Wires the pieces together. Activation does no network and no heavy work: the tree loads when shown.

import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerClearApiKey } from './commands/clearApiKey';
import { registerCheckNow } from './commands/checkNow';
import { registerClearFilter } from './commands/clearFilter';
import { registerCopyId } from './commands/copyId';
import { registerFilterByStatus } from './commands/filterByStatus';
import { registerFindOrder } from './commands/findOrder';
import { registerLoadMore } from './commands/loadMore';
import { registerMarkAllSeen } from './commands/markAllSeen';
import { registerOpenEvent } from './commands/openEvent';
import { registerOpenEventById } from './commands/openEventById';
import { registerOpenOrder } from './commands/openOrder';
import { registerAuthorizePortout } from './commands/authorizePortout';
import { registerRejectPortout } from './commands/rejectPortout';
import { registerRefresh } from './commands/refresh';
import { registerRefreshNode } from './commands/refreshNode';
import { registerRetry } from './commands/retry';
import { registerRefreshDocument } from './commands/refreshDocument';
import { registerRepublishEvent } from './commands/republishEvent';
import { registerSetApiKey } from './commands/setApiKey';
import { registerShowLog } from './commands/showLog';
import { registerOpenComments } from './commands/openComments';
import { registerPostComment } from './commands/postComment';
import { registerPostDraft } from './commands/postDraft';
import { registerDiscardDraft } from './commands/discardDraft';
import { registerRefreshComments } from './commands/refreshComments';
import { REPORT_SCHEME, ReportDocuments } from './documents/reportDocuments';
import { CommentDrafts } from './comments/commentDrafts';
import { registerLazyTools } from './tools/lazyTools';
import { Conversations } from './comments/conversations';
import { readSettings, onSettingsChange } from './config';
import { PortingFileSystem, readonlyMessage } from './documents/portingFileSystem';
import { EVENT_SCHEME } from './documents/eventPath';
import { guardReadonly } from './documents/readonlyGuard';
import { KeyStore } from './secrets/keyStore';
import { AccountStore } from './accounts/accountStore';
import { registerAddAccount } from './commands/addAccount';
import { registerStartDemoSandbox } from './commands/startDemoSandbox';
import { registerStopDemoSandbox } from './commands/stopDemoSandbox';
import { DemoAccount } from './demo/demoAccount';
import { registerSwitchAccount } from './commands/switchAccount';
import { VIEW_ID, type Services } from './services';
import { Session } from './session';
import type { TreeNode } from './tree/node';
import { setDisplayLocale } from './presentation/locale';
import { PortingTreeProvider } from './tree/provider';
import { WatchLoop } from './watching/watchLoop';
import { WatchedOrders } from './watching/watchedOrders';
import { registerUnwatchOrder } from './commands/unwatchOrder';
import { registerWatchOrder } from './commands/watchOrder';

/** What activate() returns: the live objects, so the integration suite can look inside. */
export interface ExtensionApi {
  services: Services;
  context: vscode.ExtensionContext;
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  localize();
  // Log lines stay English, in every language: they go into bug reports and support tickets, where one language
  // is read by everyone. What the user is told is translated (vscode.l10n and @vscode/l10n) and may show up here
  // as a logged error message.
  const log = vscode.window.createOutputChannel('Telnyx Porting', { log: true });
  const accounts = new AccountStore(context.globalState);
  const keys = new KeyStore(context.secrets, accounts, context.globalState);
  const watchedOrders = new WatchedOrders(context.globalState);
  const session = new Session(keys, log, () => {
    const account = accounts.active();
    return { id: account.id, baseUrl: accounts.baseUrl(account) };
  });
  const tree = new PortingTreeProvider(async () => (await keys.get()) !== undefined, {
    client: () => session.get(),
    pageSize: () => readSettings().pageSize,
    concurrency: () => readSettings().concurrency,
    watched: (dir) => watchedOrders.ids(dir),
    showRecentEvents: () => readSettings().showRecentEvents,
  });
  const treeView = vscode.window.createTreeView<TreeNode>(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const docs = new PortingFileSystem(() => session.get());
  const comments = new Conversations(() => session.get(), new CommentDrafts(context.globalState));
  const reports = new ReportDocuments();
  const demo = new DemoAccount(context.extensionPath, accounts, keys, log);
  const core = {
    accounts,
    demo,
    keys,
    session,
    tree,
    treeView,
    docs,
    log,
    watched: watchedOrders,
    comments,
    reports,
    secrets: context.secrets,
    globalState: context.globalState,
    workspaceState: context.workspaceState,
    // A seam: the integration tests take it, since a browser opened from a test run would wait on a prompt.
    openExternal: (uri: vscode.Uri) => vscode.env.openExternal(uri),
  };
  const watch = new WatchLoop(core, context.globalState);
  const services: Services = { ...core, watch };

  context.subscriptions.push(
    log,
    keys,
    session,
    tree,
    treeView,
    vscode.workspace.registerFileSystemProvider(EVENT_SCHEME, docs, { isCaseSensitive: true, isReadonly: readonlyMessage() }),
    guardReadonly(docs),
    keys.onDidChange(() => startOver(tree, docs)),
    // Another server is another account: all that was read goes. A list setting only reloads the tree; the rest
    // (timeouts, watching, replay) apply to the next request without re-reading anything.
    onSettingsChange(() => startOver(tree, docs), ['apiBaseUrl']),
    onSettingsChange(() => tree.refreshAll(), ['pageSize', 'showRecentEvents']),
    registerSetApiKey(services),
    registerAddAccount(services),
    demo,
    registerStartDemoSandbox(services),
    registerStopDemoSandbox(services),
    registerSwitchAccount(services),
    registerClearApiKey(services),
    registerRefresh(services),
    registerRefreshNode(services),
    registerLoadMore(),
    registerRetry(services),
    registerOpenEvent(services),
    registerOpenEventById(),
    registerOpenOrder(services),
    registerAuthorizePortout(services),
    registerRejectPortout(services),
    comments,
    registerOpenComments(services),
    registerPostComment(services),
    registerPostDraft(services),
    registerDiscardDraft(services),
    registerRefreshComments(services),
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    ...registerLazyTools(services, context.extensionPath),
    registerRefreshDocument(services),
    registerRepublishEvent(services),
    registerFilterByStatus(services),
    registerClearFilter(services),
    registerFindOrder(services),
    registerCopyId(),
    registerShowLog(services),
    registerMarkAllSeen(services),
    registerWatchOrder(services),
    registerUnwatchOrder(services),
    watchedOrders,
    watchedOrders.onDidChange(() => {
      for (const root of tree.roots) root.watchedChanged();
    }),
    keys.onDidChange(() => void useAccount(session, watchedOrders)),
    onSettingsChange(() => void useAccount(session, watchedOrders), ['apiBaseUrl']),
    accounts,
    accounts.onDidChange(() => showAccount(treeView, accounts)),
    registerCheckNow(services),
    tree.onDidChangeUnseen((n) => {
      treeView.badge = n > 0 ? { value: n, tooltip: n === 1 ? vscode.l10n.t('1 new porting event') : vscode.l10n.t('{0} new porting events', n) } : undefined;
      void vscode.commands.executeCommand('setContext', 'telnyxPorting.hasUnseen', n > 0);
    }),
    watch,
  );
  // The first tick waits a whole interval, so activation makes no request.
  watch.start();
  void useAccount(session, watchedOrders);
  showAccount(treeView, accounts);
  void accounts.syncContext();
  // `npm run demo` runs a sandbox beside the workbench it opens and names it here, so nothing needs pasting.
  const external = process.env.TELNYX_PORTING_DEMO_API_URL;
  if (external && process.env.TELNYX_PORTING_DEMO_API_KEY) void demo.useExternal(external, process.env.TELNYX_PORTING_DEMO_API_KEY).then((used) => (used ? watch.tickNow() : undefined));
  // Sets the welcome view's context key; reads SecretStorage only.
  void keys.syncContext();
  return { services, context, activationMs: performance.now() - started };
}

/**
 * The plain-Node layers (api, presentation, watch) must not import vscode, so they cannot ask it for their words:
 * they get the bundle VS Code loaded for vscode.l10n (undefined in English, which is the source text), and the
 * display language for numbers, dates and spoken times. Done before anything is drawn or any message is made.
 */
function localize(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  setDisplayLocale(vscode.env.language);
}

/**
 * What was loaded with the old key or settings is dropped: tree loads and document reads in progress
 * are abandoned, the tree reloads, and open payload documents read their event again.
 */
function startOver(tree: PortingTreeProvider, docs: PortingFileSystem): void {
  tree.refreshAll();
  docs.invalidate();
  docs.refreshOpenTabs();
}

/** Watched orders are per account: the key (hashed) and the base URL say which. */
async function useAccount(session: Session, watched: WatchedOrders): Promise<void> {
  // A bad base URL gives no account: the tree says what is wrong; nothing is watched meanwhile.
  watched.use(await session.account());
}

/** With more than one account, the view's description names the one in use. */
function showAccount(view: vscode.TreeView<TreeNode>, accounts: AccountStore): void {
  view.description = accounts.list().length > 1 ? accounts.active().name : undefined;
}

export function deactivate(): void {}
