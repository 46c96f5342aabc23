// What the web workbench has saved for its next start. It keeps window state in the page's IndexedDB
// (one database per workspace, and global ones, named vscode-web-state-db-*, each a key → string
// ItemTable) and writes it when idle, not on every change: a reload right after a change can lose it.
// Names as in VS Code's browser storage (src/vs/platform/storage/browser/storageService.ts), pinned
// with the server version.

/** The listed keys' saved values, per state database: `{ [database]: { [key]: value } }`. */
export function savedState(page, keys) {
  return page.evaluate(async (keys) => {
    const ask = (req) => new Promise((res, rej) => {
      req.onsuccess = () => res(req.result);
      req.onerror = () => rej(req.error);
    });
    const out = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('vscode-web-state-db-')) continue;
      const db = await ask(indexedDB.open(name));
      try {
        if (!db.objectStoreNames.contains('ItemTable')) continue;
        const table = db.transaction('ItemTable', 'readonly').objectStore('ItemTable');
        out[name] = {};
        for (const key of keys) {
          const value = await ask(table.get(key));
          if (typeof value === 'string') out[name][key] = value;
        }
      } finally {
        db.close();
      }
    }
    return out;
  }, keys);
}
