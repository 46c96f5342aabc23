// Installs the pinned VS Code server (shipped inside the code-server npm package) and the Node 24
// it requires into the git-ignored .vscode-test-web/, once per lockfile version.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, onCleanup, seconds, track } from './procs.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const cacheRoot = join(repoRoot, '.vscode-test-web');
const spec = join(repoRoot, 'test/integration/provision');
const target = join(cacheRoot, 'provision');

/** Paths inside a provisioned cache; `node` is the Node 24 binary everything VS Code-side runs on. */
function layout(dir) {
  const cs = join(dir, 'node_modules/code-server');
  return {
    dir,
    node: join(dir, 'node_modules/node/bin/node'),
    serverMain: join(cs, 'lib/vscode/out/server-main.js'),
    codeServer: join(cs, 'out/node/entry.js'),
  };
}

function specHash() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(readFileSync(join(spec, f)));
  return h.digest('hex');
}

/**
 * Environment for the nested npm. When we run under `npm run`, npm exports its own identity
 * (user agent with node/v20, local prefix = the repo); a nested npm would read those back as config,
 * and code-server's postinstall would then see Node 20 and refuse, so they are dropped.
 */
function npmEnv(pathPrefix) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_(user_agent|local_prefix|npm_version)$)/.test(k)) delete env[k];
  }
  // Offline: node-gyp would download Node headers; the system's (N-API) ones are good enough.
  if (existsSync('/usr/include/node/node_api.h')) env.npm_config_nodedir = '/usr';
  if (pathPrefix) env.PATH = `${pathPrefix}:${env.PATH}`;
  return env;
}

function npm(args, cwd, env, logFile) {
  const out = createWriteStream(logFile, { flags: 'a' });
  out.write(`\n$ npm ${args.join(' ')}\n`);
  return new Promise((res, rej) => {
    // Own process group, so an interrupted run can stop npm and the compilers it started.
    const child = spawn('npm', args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const untrack = track(child);
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', rej);
    // 'close', not 'exit': the log must have all of npm's output before we read its tail.
    child.on('close', (code, sig) => {
      untrack();
      out.end();
      if (code === 0) res();
      // CI keeps the console, not the cache folder: show the end of the log right here.
      else out.on('close', () => {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        rej(new Error(`npm ${args.join(' ')} failed (${sig ?? code}); last lines of ${logFile}:\n${tail}`));
      });
    });
  });
}

function lockedPackagesWithScripts() {
  const lock = JSON.parse(readFileSync(join(spec, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([, p]) => p.hasInstallScript)
    .map(([k]) => k.replace(/^.*node_modules\//, ''));
}

/** Returns the cached install, provisioning it first if the lockfile changed or it is missing. */
export async function ensureVsCodeServer() {
  const hash = specHash();
  const stamp = join(target, '.stamp');
  const ready = layout(target);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash && existsSync(ready.node) && existsSync(ready.serverMain)) {
    log(`VS Code server: cached in ${target}`);
    return ready;
  }

  // Build in a private folder and rename at the end: an interrupted or concurrent provisioning
  // never leaves a half-installed cache behind a valid stamp.
  const t0 = Date.now();
  const staging = join(cacheRoot, `staging-${process.pid}`);
  const logFile = join(cacheRoot, 'provision.log');
  const dropStaging = () => rmSync(staging, { recursive: true, force: true });
  dropStaging();
  const stagingDone = onCleanup(dropStaging);
  mkdirSync(staging, { recursive: true });
  writeFileSync(logFile, `provisioning ${new Date().toISOString()} lock ${hash}\n`);
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(spec, f), join(staging, f));
  log(`VS Code server: provisioning into ${target} (log: ${logFile}); takes 1-3 minutes`);
  const staged = layout(staging);
  const step = async (what, args, env) => {
    const s = Date.now();
    await npm(args, staging, env, logFile);
    log(`  ${what} (${seconds(s)})`);
  };
  const flags = ['--no-audit', '--no-fund', '--foreground-scripts'];
  // code-server's install scripts insist on Node 24, which is itself one of the packages being
  // installed: fetch everything without scripts, install Node 24, then run the rest on it.
  await step('fetched packages', ['ci', ...flags, '--ignore-scripts'], npmEnv());
  await step('installed Node 24', ['rebuild', ...flags, 'node'], npmEnv());
  const rest = lockedPackagesWithScripts().filter((p) => p !== 'node');
  await step(`built ${rest.join(', ')} on Node 24`, ['rebuild', ...flags, ...rest], npmEnv(dirname(staged.node)));
  for (const f of [staged.node, staged.serverMain, staged.codeServer]) {
    if (!existsSync(f)) throw new Error(`provisioning finished but ${f} is missing; see ${logFile}`);
  }
  writeFileSync(join(staging, '.stamp'), `${hash}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  stagingDone();
  log(`VS Code server: provisioned in ${seconds(t0)}`);
  return ready;
}
