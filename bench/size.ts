// Measure 4 (size) and the activation figure: things read from disk or built, not timed here.

import * as esbuild from 'esbuild';
import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface SizeResult {
  /** The production bundle, built in memory with esbuild.mjs --production's options (dist/ is not touched). */
  bundleBytes: number;
  /** What dist/extension.js on disk is now, for comparison. */
  distNote: string;
  vsixBytes: number | undefined;
  vsixNote: string;
  activationMs: number | undefined;
  activationNote: string;
}

async function productionBundleBytes(root: string): Promise<number> {
  // The same builds as `npm run package` (esbuild.bundles.mjs), in memory: dist/extension.js is what activation loads.
  const { buildBundles } = (await import(pathToFileURL(join(root, 'esbuild.bundles.mjs')).href)) as {
    buildBundles(e: typeof esbuild, o: { root: string; production: boolean; write: boolean }): Promise<{ extensionBytes: number }>;
  };
  return (await buildBundles(esbuild, { root, production: true, write: false })).extensionBytes;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return newest;
}

function readActivation(root: string): { ms: number | undefined; note: string } {
  const file = join(root, '.vscode-test-web/activation.json');
  if (!existsSync(file)) return { ms: undefined, note: 'not measured, run npm test first (no .vscode-test-web/activation.json)' };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { activationMs?: unknown; activateMs?: unknown };
    const ms = typeof data.activationMs === 'number' ? data.activationMs : typeof data.activateMs === 'number' ? data.activateMs : undefined;
    if (ms === undefined) return { ms, note: 'not measured: activation.json has no activationMs' };
    return { ms, note: `from .vscode-test-web/activation.json (${new Date(statSync(file).mtimeMs).toISOString()})` };
  } catch (e) {
    return { ms: undefined, note: `not measured: activation.json unreadable (${(e as Error).message})` };
  }
}

export async function measureSize(root: string): Promise<SizeResult> {
  const bundleBytes = await productionBundleBytes(root);
  const dist = join(root, 'dist/extension.js');
  let distNote = 'dist/extension.js: absent';
  if (existsSync(dist)) {
    const text = readFileSync(dist, 'utf8');
    const kind = /\/\/# sourceMappingURL=/.test(text) ? 'development build (with source map)' : 'production build';
    distNote = `dist/extension.js on disk: ${statSync(dist).size} bytes, ${kind}`;
  }
  const vsix = join(root, 'telnyx-porting.vsix');
  let vsixBytes: number | undefined;
  let vsixNote = 'not built (npm run package)';
  if (existsSync(vsix)) {
    const st = statSync(vsix);
    vsixBytes = st.size;
    const stale = newestMtime(join(root, 'src')) > st.mtimeMs;
    vsixNote = `telnyx-porting.vsix of ${new Date(st.mtimeMs).toISOString()}${stale ? ', older than src/ (npm run package to refresh)' : ''}`;
  }
  const activation = readActivation(root);
  return { bundleBytes, distNote, vsixBytes, vsixNote, activationMs: activation.ms, activationNote: activation.note };
}
