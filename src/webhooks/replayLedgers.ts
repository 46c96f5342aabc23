// Each account's republish ledger (see api/replay.ts) in VS Code's global state, so a run cancelled or cut short
// today is picked up by the same run tomorrow, in any window. One stored map per account, rewritten once per
// batch that replay hands over (not once per event), and pruned of what no longer matters.

import type * as vscode from 'vscode';
import { ledgerStateKey } from '../accounts/accountState';
import type { LedgerBatch, LedgerRecord, ReplayLedger } from '../api/replay';

/**
 * A ledger keeps what a recovery after an outage needs, not a history: past this many entries the oldest
 * 'sent' ones go. 'unknown' and 'failed' stay until they are settled: they are what a run again must know.
 */
export const MAX_ENTRIES = 20_000;

export class ReplayLedgers {
  constructor(private readonly state: vscode.Memento) {}

  /** `account` from accountKeyOf: the base URL and a hash of the key, never the key. */
  of(account: string): ReplayLedger {
    const key = ledgerStateKey(account);
    const read = (): Record<string, LedgerRecord> => {
      const v = this.state.get<unknown>(key);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, LedgerRecord>) : {};
    };
    return {
      get: (id) => {
        const r = read()[id];
        return r && typeof r === 'object' && typeof r.outcome === 'string' ? r : undefined;
      },
      // Read, change and hand back in one synchronous step: globalState holds the new value at once, so batches
      // written side by side (two runs in one window) never lose each other's entries.
      write: (batch) => this.state.update(key, pruned(applied(read(), batch))),
    };
  }
}

function applied(all: Record<string, LedgerRecord>, batch: LedgerBatch): Record<string, LedgerRecord> {
  const out = { ...all };
  for (const [id, record] of batch) {
    // Deleted first so that insertion order stays the order of last change, oldest first.
    delete out[id];
    if (record) out[id] = record;
  }
  return out;
}

function pruned(all: Record<string, LedgerRecord>): Record<string, LedgerRecord> | undefined {
  const ids = Object.keys(all);
  if (ids.length === 0) return undefined;
  let excess = ids.length - MAX_ENTRIES;
  for (const id of ids) {
    if (excess <= 0) break;
    if (all[id]!.outcome === 'sent') {
      delete all[id];
      excess--;
    }
  }
  return all;
}
