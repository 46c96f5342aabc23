// The manifest's when clauses, parsed the way VS Code parses them: one it cannot parse is dropped, and its menu
// item then shows on every row of every view (as "Watch Order" did, with `!~`, which the grammar does not have).

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWhen, type Context } from './whenClause';

interface MenuItem {
  command: string;
  when?: string;
}
interface Manifest {
  contributes: {
    menus: Record<string, MenuItem[]>;
    keybindings?: { command: string; when?: string }[];
    views: Record<string, { id: string; when?: string }[]>;
    viewsWelcome?: { view: string; when?: string }[];
    commands: { command: string; enablement?: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as Manifest;

function everyClause(): [where: string, when: string][] {
  const c = manifest.contributes;
  const out: [string, string][] = [];
  for (const [menu, items] of Object.entries(c.menus)) for (const i of items) if (i.when) out.push([`${menu} ${i.command}`, i.when]);
  for (const k of c.keybindings ?? []) if (k.when) out.push([`keybinding ${k.command}`, k.when]);
  for (const views of Object.values(c.views)) for (const v of views) if (v.when) out.push([`view ${v.id}`, v.when]);
  for (const w of c.viewsWelcome ?? []) if (w.when) out.push([`welcome ${w.view}`, w.when]);
  for (const cmd of c.commands) if (cmd.enablement) out.push([`enablement ${cmd.command}`, cmd.enablement]);
  return out;
}

/** The commands a row's context menu (and inline buttons) offer, as VS Code would work them out. */
function offered(ctx: Context): string[] {
  const shows = (when: string | undefined): boolean => {
    if (!when) return true;
    try {
      return parseWhen(when)(ctx);
    } catch {
      return true; // dropped by VS Code: the item has no condition left
    }
  };
  return manifest.contributes.menus['view/item/context']!.filter((i) => shows(i.when)).map((i) => i.command);
}

describe('when clauses', () => {
  it('the grammar refuses what VS Code refuses (a check of this test itself)', () => {
    assert.throws(() => parseWhen("viewItem =~ /^order:/ && viewItem !~ /:watched$/"), SyntaxError);
    assert.throws(() => parseWhen('a = b'), SyntaxError);
    assert.throws(() => parseWhen('a && && b'), SyntaxError);
    assert.throws(() => parseWhen('(a || b'), SyntaxError);
    assert.throws(() => parseWhen('!!a'), SyntaxError);
    assert.equal(parseWhen("view == x && !(viewItem =~ /^order:.*:watched$/)")({ view: 'x', viewItem: 'order:portin:draft' }), true);
    assert.equal(parseWhen('a in list')({ a: 'k', list: ['k'] }), true);
    assert.equal(parseWhen('a not in list')({ a: 'k', list: ['k'] }), false);
  });

  it('every clause in package.json parses', () => {
    const bad = everyClause().flatMap(([where, when]) => {
      try {
        parseWhen(when);
        return [];
      } catch (e) {
        return [`${where}: ${(e as Error).message}`];
      }
    });
    assert.deepEqual(bad, []);
  });

  it('an order not watched offers Watch Order only; a watched one Unwatch Order only', () => {
    const view = 'telnyxPorting.orders';
    for (const dir of ['portin', 'portout']) {
      const plain = offered({ view, viewItem: `order:${dir}:in-process` });
      assert.ok(plain.includes('telnyxPorting.watchOrder') && !plain.includes('telnyxPorting.unwatchOrder'), plain.join(', '));
      const watched = offered({ view, viewItem: `order:${dir}:in-process:watched` });
      assert.ok(watched.includes('telnyxPorting.unwatchOrder') && !watched.includes('telnyxPorting.watchOrder'), watched.join(', '));
    }
  });

  it("no row of another view is offered any of this extension's commands (VS Code's References view, say)", () => {
    for (const viewItem of ['order:portin:draft', 'event:portin:completed', 'root:portin', '', 'file', undefined]) {
      assert.deepEqual(offered({ view: 'references-view.tree', viewItem }), [], String(viewItem));
    }
  });

  it('rows that are not orders are offered no order command, rows that are not events no event command', () => {
    const view = 'telnyxPorting.orders';
    const orderCommands = ['telnyxPorting.watchOrder', 'telnyxPorting.unwatchOrder', 'telnyxPorting.openOrder', 'telnyxPorting.authorizePortout', 'telnyxPorting.rejectPortout', 'telnyxPorting.openComments'];
    for (const viewItem of ['root:portin', 'recent:portout', 'attention:portin', 'watched:portin', 'loadMore', 'error:network', 'warning', 'event:portin:completed']) {
      const got = offered({ view, viewItem });
      assert.deepEqual(got.filter((c) => orderCommands.includes(c)), [], viewItem);
    }
  });

  it('the palette offers Start Demo Sandbox only when no demo runs, inside the extension or beside it (npm run demo)', () => {
    const palette = (ctx: Context): string[] =>
      manifest.contributes.menus.commandPalette!.filter((i) => !i.when || parseWhen(i.when)(ctx)).map((i) => i.command);
    assert.ok(palette({}).includes('telnyxPorting.startDemoSandbox'));
    assert.ok(!palette({ 'telnyxPorting.demoRunning': true }).includes('telnyxPorting.startDemoSandbox'));
    assert.ok(!palette({ 'telnyxPorting.demoBeside': true }).includes('telnyxPorting.startDemoSandbox'));
    // The sandbox beside VS Code belongs to npm run demo: the extension cannot stop it.
    assert.ok(!palette({ 'telnyxPorting.demoBeside': true }).includes('telnyxPorting.stopDemoSandbox'));
  });
});
