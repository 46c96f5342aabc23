// One build script for everything that runs: the extension and demo sandbox bundles (dist/) and,
// with --tests, the unit tests, the sandbox server, the integration suite and the bench (out/).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundles } from './esbuild.bundles.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** @param {string} dir @param {RegExp} re */
function find(dir, re) {
  let out = [];
  let names = [];
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(find(p, re));
    else if (re.test(p)) out.push(p);
  }
  return out;
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
};

const builds = [];

if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  builds.push({
    ...common,
    entryPoints: [
      ...find('test/unit', /\.test\.ts$/),
      ...find('test/integration/suite', /\.ts$/),
      ...find('test/integration/restore', /\.ts$/),
      ...find('test/sandbox', /(main|server)\.ts$/),
    ],
    outdir: 'out',
    outbase: '.',
    // mocha, the telnyx SDK and the TypeScript compiler (read by the l10n test) stay real node_modules packages;
    // vscode is provided by the host.
    external: ['vscode', 'mocha', 'telnyx', 'typescript', 'esbuild'],
    sourcemap: 'inline',
  });
  // The bench runs the real tree nodes in plain Node, so `vscode` is its stand-in there; esbuild builds
  // the production bundle in memory for the size figure, and the SDK is measured as installed.
  builds.push({
    ...common,
    entryPoints: find('bench', /\.ts$/),
    outdir: 'out',
    outbase: '.',
    alias: { vscode: './bench/fakeVscode.ts' },
    external: ['telnyx', 'esbuild'],
    sourcemap: 'inline',
  });
}

if (watch) {
  // Watching rebuilds each bundle on its own; the extension's set of shared modules is the one of the first build.
  await buildBundles(esbuild, { production });
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching the test and bench builds; rerun `npm run build` after changing src/ (the bundles share modules)');
} else {
  const sizes = await buildBundles(esbuild, { production });
  if (production) for (const [file, bytes] of [['dist/extension.js', sizes.extensionBytes], ['dist/tools.js', sizes.toolsBytes], ['dist/sandbox.js', sizes.sandboxBytes]]) console.log(`${file}: ${bytes} bytes`);
  for (const b of builds) await esbuild.build(b);
}
