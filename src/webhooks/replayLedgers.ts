// Each account's republish ledger (see api/replay.ts) in VS Code's global state, so a run cancelled or cut short
// today is picked up by the same run tomorrow, in any window. One stored map per account; replay writes one at a time.

import type * as vscode from 'vscode';
import type { LedgerRecord, ReplayLedger } from '../api/replay';

/** A ledger keeps what a recovery after an outage needs, not a history: older entries go first past this. */
const MAX_ENTRIES = 20_000;

export class ReplayLedgers {
  constructor(private readonly state: vscode.Memento) {}

  /** `account` from accountKeyOf: the base URL and a hash of the key, never the key. */
  of(account: string): ReplayLedger & { forget(ids: readonly string[]): Promise<void> } {
    const key = `telnyxPorting.replayLedger.${account}`;
    const read = (): Record<string, LedgerRecord> => this.state.get<Record<string, LedgerRecord>>(key) ?? {};
    return {
      get: (id) => read()[id],
      set: async (id, record) => {
        const all = read();
        delete all[id];
        all[id] = record;
        const ids = Object.keys(all);
        for (const old of ids.slice(0, Math.max(0, ids.length - MAX_ENTRIES))) delete all[old];
        await this.state.update(key, all);
      },
      forget: async (ids) => {
        const all = read();
        for (const id of ids) delete all[id];
        await this.state.update(key, all);
      },
    };
  }
}
