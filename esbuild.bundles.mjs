// The extension's production bundles and how they share modules. dist/extension.js is what activation loads;
// dist/tools.js (the webhook tools, src/tools/entry.ts) and dist/sandbox.js (the demo sandbox) are required by
// path only when first used. dist/tools.js must not carry copies of what the extension already has: a second
// TelnyxError class would fail `instanceof`, a second @vscode/l10n would be unconfigured. So:
//   1. build the extension to learn its modules;
//   2. build the tools, resolving every import that lands on one of those modules to the extension's instance,
//      read at run time from a registry (`module.exports = registry[path]`);
//   3. build the extension again with that registry filled (the virtual 'telnyx-porting:shared-modules').
// Shared by esbuild.mjs, bench/size.ts and test/unit/bundles.test.ts, so what they measure is what ships.
import { isAbsolute, relative, resolve } from 'node:path';

const REGISTRY = 'Symbol.for("telnyxPorting.sharedModules")';
const SHARED = 'telnyx-porting:shared-modules';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' };

/** Plugin for the extension: 'telnyx-porting:shared-modules' registers the given modules (paths relative to root). */
function registryPlugin(root, shared) {
  return {
    name: 'shared-modules-registry',
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${SHARED}$`) }, () => ({ path: SHARED, namespace: 'shared-registry' }));
      build.onLoad({ filter: /.*/, namespace: 'shared-registry' }, () => {
        const list = [...shared].sort();
        const imports = list.map((p, i) => `import * as m${i} from ${JSON.stringify(resolve(root, p))};`).join('\n');
        // Marked as ES modules, so the tools' default and named imports read them as the extension does (esbuild's
        // interop would otherwise take the whole namespace for a default import: `import ky from 'ky'`).
        const entries = list.map((p, i) => `${JSON.stringify(p)}: esm(m${i})`).join(',\n');
        const esm = "const esm = (m) => (m.__esModule ? m : Object.defineProperty(m, '__esModule', { value: true }));";
        return { contents: `${imports}\n${esm}\nglobalThis[${REGISTRY}] = {\n${entries}\n};\n`, loader: 'js', resolveDir: root };
      });
    },
  };
}

/** Plugin for the tools: an import that resolves to one of the extension's modules is the extension's instance. */
function sharePlugin(root, extensionModules, used) {
  return {
    name: 'use-extension-modules',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.inner || args.kind === 'entry-point' || args.path === 'vscode' || args.path.startsWith('node:')) return undefined;
        const found = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: { inner: true } });
        if (found.errors.length || found.external || !isAbsolute(found.path)) return undefined;
        const key = relative(root, found.path).split('\\').join('/');
        if (!extensionModules.has(key)) return undefined;
        used.add(key);
        return { path: key, namespace: 'extension-module' };
      });
      build.onLoad({ filter: /.*/, namespace: 'extension-module' }, (args) => ({
        contents: `module.exports = globalThis[${REGISTRY}][${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Builds dist/extension.js and dist/tools.js (and dist/sandbox.js). `write: false` builds in memory (the bench and
 * the bundle test). Returns each file's bytes, the tools' modules and the modules they take from the extension.
 */
export async function buildBundles(esbuild, { root = '.', production = false, write = true } = {}) {
  const abs = resolve(root);
  const flags = { minify: production, sourcemap: !production && write, sourcesContent: false, metafile: true, write, absWorkingDir: abs };
  const extension = (shared) => ({
    ...common,
    ...flags,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [registryPlugin(abs, shared)],
  });
  const first = await esbuild.build({ ...extension(new Set()), write: false, sourcemap: false });
  const extensionModules = new Set(Object.keys(first.metafile.inputs).filter((p) => !p.startsWith('shared-registry:')));
  const used = new Set();
  const tools = await esbuild.build({
    ...common,
    ...flags,
    entryPoints: ['src/tools/entry.ts'],
    outfile: 'dist/tools.js',
    external: ['vscode'],
    plugins: [sharePlugin(abs, extensionModules, used)],
  });
  const main = await esbuild.build(extension(used));
  const sandbox = await esbuild.build({ ...common, ...flags, entryPoints: ['src/demo/sandboxEntry.ts'], outfile: 'dist/sandbox.js' });
  const bytesOf = (r) => Object.entries(r.metafile.outputs).filter(([f]) => f.endsWith('.js')).reduce((n, [, o]) => n + o.bytes, 0);
  return {
    extensionBytes: bytesOf(main),
    toolsBytes: bytesOf(tools),
    sandboxBytes: bytesOf(sandbox),
    toolsModules: Object.keys(tools.metafile.inputs).filter((p) => !p.startsWith('extension-module:')),
    sharedModules: [...used].sort(),
    extensionModules: [...extensionModules],
  };
}
