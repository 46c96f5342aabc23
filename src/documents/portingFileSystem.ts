// Event payloads and whole orders as read-only JSON documents under the extension's own scheme. Every read
// fetches fresh from Telnyx, so reopening or reverting a document shows the current event or order.

import * as vscode from 'vscode';
import { direction } from '../api/directions';
import { TelnyxError } from '../api/errors';
import type { TelnyxClient } from '../api/client';
import type { PortingEvent } from '../api/types';
import { EVENT_SCHEME, parseEventPath } from './eventPath';
import { parseOrderPath } from './orderPath';

/** What VS Code says when someone tries to edit a document of the scheme. */
export function readonlyMessage(): vscode.MarkdownString {
  return new vscode.MarkdownString(
    vscode.l10n.t('Telnyx porting documents are read-only: they show what Telnyx recorded. To send an event again, use **Telnyx Porting: Republish Event**.'),
  );
}

/** What the document shows: the event as Telnyx returns it, or a plain note while its payload is not generated yet. */
export function renderEvent(event: PortingEvent): string {
  if (event.payload_status === 'created') {
    return `${JSON.stringify(
      {
        note: vscode.l10n.t('Telnyx has not generated this event\'s payload yet (payload_status is "created"). Refresh this document later to see it.'),
        event,
      },
      null,
      2,
    )}\n`;
  }
  return `${JSON.stringify(event, null, 2)}\n`;
}

interface Read {
  abort: AbortController;
  result: Promise<string>;
}

/** What a document of the scheme shows, and how to read it afresh. */
type DocumentRead = (client: TelnyxClient, signal: AbortSignal) => Promise<string>;

export class PortingFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  /** An event fetched whole just before opening (see open()), used by the first read so it is not fetched twice. */
  private readonly prefetched = new Map<string, PortingEvent>();
  /** The read in progress per document. */
  private readonly reads = new Map<string, Read>();
  /** Why the last read of a document failed, for open() to throw. */
  private readonly failures = new Map<string, TelnyxError>();

  constructor(private readonly client: () => Promise<TelnyxClient>) {}

  /**
   * Opens the event's document: `known` is the event just fetched whole (a lookup by id), used for the first
   * read instead of fetching it again; an already open document reads again. A failed read throws the
   * TelnyxError behind it (VS Code itself passes on only a FileSystemError, without the actions it offers).
   */
  async open(uri: vscode.Uri, known?: PortingEvent): Promise<vscode.TextDocument> {
    const key = uri.toString();
    if (known) this.prefetched.set(key, known);
    const alreadyOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === key);
    this.failures.delete(key);
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      // An open document would otherwise show what was fetched when it was first opened.
      if (alreadyOpen) this.refresh(uri);
      return doc;
    } catch (e) {
      const failure = this.failures.get(key);
      this.failures.delete(key);
      throw failure ?? e;
    } finally {
      this.prefetched.delete(key);
    }
  }

  /** Makes open editors of this document read it again. */
  refresh(uri: vscode.Uri): void {
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  /**
   * Reads again the documents of this scheme open in a tab (all, or those `which` picks). Tabs only: VS Code
   * also keeps documents closed a moment ago, which nobody would see re-read. A tab whose read failed (one
   * restored at start-up before a key was set) shows VS Code's error page, which a change event does not
   * reload: it is opened again in its place.
   */
  refreshOpenTabs(which: (uri: vscode.Uri) => boolean = () => true): void {
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      if (!(tab.input instanceof vscode.TabInputText) || tab.input.uri.scheme !== EVENT_SCHEME || !which(tab.input.uri)) continue;
      const uri = tab.input.uri;
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.refresh(uri);
      else void Promise.resolve(vscode.window.showTextDocument(uri, { viewColumn: tab.group.viewColumn, preserveFocus: true, preview: false })).catch(() => undefined);
    }
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    this.parse(uri);
    // A fresh mtime on every stat tells VS Code the content may have changed, so it reads again.
    return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: 0, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const read = this.parse(uri);
    const known = this.prefetched.get(uri.toString());
    this.prefetched.delete(uri.toString());
    if (known) return new TextEncoder().encode(renderEvent(known));
    try {
      return new TextEncoder().encode(await this.latest(uri, read));
    } catch (e) {
      const err = TelnyxError.from(e);
      this.failures.set(uri.toString(), err);
      throw err.kind === 'not-found' ? vscode.FileSystemError.FileNotFound(err.message) : vscode.FileSystemError.Unavailable(err.message);
    }
  }

  /**
   * Abandons every read in progress (the key or the API base URL changed): each then reads again with
   * the current client, so no document shows what an old key or server answered.
   */
  invalidate(): void {
    for (const read of this.reads.values()) read.abort.abort();
  }

  /**
   * The event as the newest read of this document sees it. A read started while an older one is still on
   * the wire (Refresh, a change event) aborts the older one, which then answers with the newer result:
   * whichever VS Code applies last, it is never the stale one.
   */
  private latest(uri: vscode.Uri, fetch: DocumentRead): Promise<string> {
    const key = uri.toString();
    this.reads.get(key)?.abort.abort();
    const abort = new AbortController();
    const read: Read = { abort, result: Promise.resolve('') };
    read.result = (async (): Promise<string> => {
      try {
        const text = await fetch(await this.client(), abort.signal);
        if (!abort.signal.aborted) return text;
      } catch (e) {
        if (!abort.signal.aborted) throw e;
      } finally {
        if (this.reads.get(key) === read && !abort.signal.aborted) this.reads.delete(key);
      }
      const newer = this.reads.get(key);
      return newer && newer !== read ? newer.result : this.latest(uri, fetch);
    })();
    this.reads.set(key, read);
    return read.result;
  }

  writeFile(): never {
    throw readOnly();
  }

  delete(): never {
    throw readOnly();
  }

  rename(): never {
    throw readOnly();
  }

  createDirectory(): never {
    throw readOnly();
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  /** How to read the document at this path: an event's payload or a whole order. */
  private parse(uri: vscode.Uri): DocumentRead {
    const event = parseEventPath(uri.path);
    if (event) return async (client, signal) => renderEvent(await client.getEvent(direction(event.direction), event.id, signal));
    const order = parseOrderPath(uri.path);
    if (order) return async (client, signal) => `${JSON.stringify(await client.getOrder(direction(order.direction), order.id, signal), null, 2)}\n`;
    throw vscode.FileSystemError.FileNotFound(uri);
  }
}

function readOnly(): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(vscode.l10n.t('Telnyx porting documents are read-only.'));
}
