// What package.json promises the Marketplace and VS Code, held against the files and code it names: a slip here
// (a colour the tree asks for but nobody contributes, a walkthrough button for a command that does not exist, an
// icon the Marketplace would blur) shows only in a real workbench or after publishing. (mocha runs from the
// checkout's root.)

import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIRECTIONS } from '../../src/api/directions';
import { looksOf, statusLook } from '../../src/presentation/directionLooks';
import { STATUS_COLORS, statusColorId, type StatusColor } from '../../src/presentation/statusColors';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; svg?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  icon: string;
  preview?: boolean;
  repository: { url: string };
  bugs?: { url: string };
  homepage?: string;
  qna?: string;
  extensionKind?: string[];
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] }; virtualWorkspaces?: boolean };
  contributes: {
    commands: { command: string }[];
    colors?: { id: string; description: string; defaults: Record<string, string> }[];
    walkthroughs?: { id: string; title: string; steps: Step[] }[];
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    configuration: { properties: Record<string, { scope?: string; description?: string; markdownDescription?: string }> };
  };
}

const root = process.cwd();

/** package.json as VS Code reads it: each `%key%` replaced by its English text from package.nls.json. */
function localized(value: unknown, nls: Record<string, string>): unknown {
  if (typeof value === 'string') {
    const key = /^%([^%]+)%$/.exec(value)?.[1];
    return key !== undefined && key in nls ? nls[key] : value;
  }
  if (Array.isArray(value)) return value.map((v) => localized(v, nls));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localized(v, nls)]));
  return value;
}

const manifest = localized(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')), JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'))) as Manifest;
const contributes = manifest.contributes;

/** Built-in commands a walkthrough may name besides the extension's own and the views' generated ones. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.openSettings']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Whether .vscodeignore (everything excluded, then `!` lines let files back in) packs `path`. */
function packed(path: string): boolean {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  const glob = (g: string): RegExp =>
    new RegExp(`^${g.replace(/\*\*|\*|[.+?^${}()|[\]\\]/g, (t) => (t === '**' ? '.*' : t === '*' ? '[^/]*' : `\\${t}`))}$`);
  let included = true;
  for (const l of lines) {
    if (!l || l.startsWith('#')) continue;
    const negated = l.startsWith('!');
    if (glob(negated ? l.slice(1) : l).test(path)) included = negated;
  }
  return included;
}

describe('manifest', () => {
  it("a kept comment draft's primary button is Post…, not Discard Draft (the first inline action is the primary one)", () => {
    const menu = (manifest.contributes as unknown as { menus: Record<string, { command: string; group?: string }[]> }).menus['comments/comment/context']!;
    const inline = menu.filter((m) => m.group?.startsWith('inline')).sort((a, b) => a.group!.localeCompare(b.group!));
    assert.deepEqual(inline.map((m) => m.command), ['telnyxPorting.postDraft', 'telnyxPorting.discardDraft']);
  });

  describe('where it runs', () => {
    it('runs on the user\'s machine in remote windows, so keys stay local, and in the workspace where it must', () => {
      assert.deepEqual(manifest.extensionKind, ['ui', 'workspace']);
    });

    it('works in untrusted and virtual workspaces: nothing from the workspace is executed', () => {
      const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities ?? {};
      assert.equal(virtualWorkspaces, true);
      // 'limited' only so that restrictedConfigurations applies: every command still works in Restricted Mode.
      assert.equal(untrustedWorkspaces?.supported, 'limited');
      assert.ok(untrustedWorkspaces?.description, 'Restricted Mode says what it limits');
    });

    // Issue 18, item 3: a repository's settings could silence port-out alerts for every window of the user.
    describe('who decides each setting', () => {
      const props = (): Record<string, { scope?: string }> => contributes.configuration.properties;
      /** What the user is warned of, how many writes go out, where requests go, and whether watching's requests get through. */
      const USER_ONLY = [
        'apiBaseUrl',
        'requestTimeoutSeconds',
        'maxRetries',
        'watch.enabled',
        'watch.intervalSeconds',
        'watch.notify',
        'watch.watchedOnly',
        'replay.concurrency',
      ].map((k) => `telnyxPorting.${k}`);
      /** Per-workspace choices that an untrusted repository must not make. */
      const RESTRICTED = ['concurrency', 'localHandler.sign'].map((k) => `telnyxPorting.${k}`);

      it('the user\'s settings are application-scoped: a workspace or folder cannot set them', () => {
        for (const k of USER_ONLY) assert.equal(props()[k]?.scope, 'application', k);
        assert.ok(Object.keys(props()).filter((k) => k.startsWith('telnyxPorting.watch.')).every((k) => USER_ONLY.includes(k)), 'every watch.* setting');
      });

      it('the others say their scope, and those that change what goes out are not read from an untrusted workspace', () => {
        for (const [k, p] of Object.entries(props())) if (!USER_ONLY.includes(k)) assert.equal(p.scope, 'window', k);
        assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, RESTRICTED);
      });

      it('src/config.ts reads the application-scoped ones from the user\'s settings only', () => {
        const source = readFileSync(join(root, 'src', 'config.ts'), 'utf8');
        const list = /USER_ONLY[^=]*= new Set<Name>\(\[([^\]]*)\]/.exec(source)?.[1] ?? '';
        const named = [...list.matchAll(/'([^']+)'/g)].map((m) => `telnyxPorting.${m[1]}`);
        assert.deepEqual(named.sort(), [...USER_ONLY].sort());
      });
    });

    it('settings that say where requests (and so the key) go are application-scoped: a workspace cannot redirect them', () => {
      const props = contributes.configuration.properties;
      const where = Object.entries(props).filter(([k, p]) => /url|host|endpoint/i.test(`${k} ${p.description ?? ''} ${p.markdownDescription ?? ''}`));
      assert.ok(where.some(([k]) => k === 'telnyxPorting.apiBaseUrl'), 'the base URL is among them');
      for (const [k, p] of where) assert.equal(p.scope, 'application', k);
    });
  });

  describe('status colours', () => {
    const contributed = new Map((contributes.colors ?? []).map((c) => [c.id, c]));

    it('every status colour is contributed, defaulting to its charts.* colour in every kind of theme', () => {
      for (const [name, fallback] of Object.entries(STATUS_COLORS)) {
        const c = contributed.get(statusColorId(name as StatusColor));
        assert.ok(c, `${statusColorId(name as StatusColor)} is not in contributes.colors`);
        assert.ok(c.description.length > 0, `${c.id} has a description`);
        assert.deepEqual(c.defaults, { dark: fallback, light: fallback, highContrast: fallback, highContrastLight: fallback }, c.id);
      }
    });

    it('every contributed colour is one the code uses, under telnyxPorting.status.*', () => {
      const used = new Set(Object.keys(STATUS_COLORS).map((n) => statusColorId(n as StatusColor)));
      for (const id of contributed.keys()) assert.ok(used.has(id), `${id} is contributed but unused`);
    });

    it('every telnyxPorting.* colour named in the source is contributed', () => {
      for (const file of sourceFiles(join(root, 'src'))) {
        for (const m of readFileSync(file, 'utf8').matchAll(/ThemeColor\(\s*'(telnyxPorting\.[\w.]+)'/g)) {
          assert.ok(contributed.has(m[1]!), `${file}: ${m[1]} is not contributed`);
        }
      }
    });

    it('every status of both directions, and an unknown one, has a status colour', () => {
      for (const dir of DIRECTIONS) {
        for (const [status, look] of Object.entries(looksOf(dir).statuses)) assert.ok(look.color in STATUS_COLORS, `${dir.id} ${status}: ${look.color}`);
        assert.ok(statusLook(dir, 'no-such-status').color in STATUS_COLORS);
      }
    });
  });

  describe('marketplace', () => {
    it('says where bugs, questions and the home page are, and that it is a preview', () => {
      const repo = manifest.repository.url.replace(/\.git$/, '');
      assert.equal(manifest.bugs?.url, `${repo}/issues`);
      assert.ok(manifest.homepage?.startsWith(repo), manifest.homepage);
      assert.ok(manifest.qna?.startsWith(repo), manifest.qna);
      assert.equal(manifest.preview, true);
    });

    it('the icon is a 256×256 PNG, and packed', () => {
      const png = readFileSync(join(root, manifest.icon));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assert.equal(png.toString('ascii', 12, 16), 'IHDR');
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [256, 256]);
      assert.ok(packed(manifest.icon), `${manifest.icon} is left out by .vscodeignore`);
    });
  });

  describe('Get started walkthrough', () => {
    const walkthroughs = contributes.walkthroughs ?? [];
    const steps = walkthroughs.flatMap((w) => w.steps);
    const commands = new Set(contributes.commands.map((c) => c.command));
    const viewIds = new Set(Object.values(contributes.views).flat().map((v) => v.id));
    const containerIds = contributes.viewsContainers.activitybar.map((c) => c.id);
    const known = (cmd: string): boolean =>
      commands.has(cmd) ||
      BUILT_IN_COMMANDS.has(cmd) ||
      (cmd.endsWith('.focus') && viewIds.has(cmd.slice(0, -'.focus'.length))) ||
      containerIds.some((id) => cmd === `workbench.view.extension.${id}`);

    it('walks from a key to browsing, a payload, republishing and watching', () => {
      assert.equal(walkthroughs.length, 1);
      assert.deepEqual(steps.map((s) => s.id), ['apiKey', 'browse', 'openPayload', 'republish', 'watching']);
    });

    it('every command a step runs or waits for exists (the extension\'s own, a view\'s focus, or built in)', () => {
      for (const s of steps) {
        const named = [
          ...[...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]!),
          ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
        ];
        assert.ok(named.length > 0, `${s.id} names no command`);
        for (const cmd of named) assert.ok(known(cmd), `${s.id}: unknown command ${cmd}`);
      }
    });

    it('every step has a button and can complete; the views and settings it waits for exist', () => {
      const settings = new Set(Object.keys(contributes.configuration.properties));
      for (const s of steps) {
        assert.match(s.description, /\n\[[^\]]+\]\(command:/, `${s.id} has no button`);
        assert.ok((s.completionEvents ?? []).length > 0, `${s.id} never completes`);
        for (const e of s.completionEvents ?? []) {
          if (e.startsWith('onView:')) assert.ok(viewIds.has(e.slice('onView:'.length)), `${s.id}: ${e}`);
          if (e.startsWith('onSettingChanged:')) assert.ok(settings.has(e.slice('onSettingChanged:'.length)), `${s.id}: ${e}`);
        }
      }
    });

    it('every step\'s media exists and is packed', () => {
      for (const s of steps) {
        const files = [s.media.markdown, s.media.image, s.media.svg].filter((f): f is string => !!f);
        assert.equal(files.length, 1, `${s.id} has one medium`);
        for (const f of files) {
          assert.ok(existsSync(join(root, f)), `${s.id}: ${f} is missing`);
          assert.ok(packed(f), `${s.id}: ${f} is left out by .vscodeignore`);
        }
        if (s.media.image) assert.ok(s.media.altText, `${s.id} has alt text`);
      }
    });
  });
});
