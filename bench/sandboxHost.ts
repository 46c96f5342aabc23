// Starts the sandbox child, asks it things, and always stops it (by its own pid, never by name).

import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Answer, ChildStart, Envelope, Ready, Reply, Request } from './protocol';

/** Seeding 16x data takes ~15-20 s on a small machine; anything far beyond that is a hang. */
const START_TIMEOUT_MS = 240_000;
const CALL_TIMEOUT_MS = 60_000;

export class SandboxProcess {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly ready: Ready,
  ) {
    child.on('message', (m: Reply) => {
      const p = this.pending.get(m.seq);
      if (!p) return;
      this.pending.delete(m.seq);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.value);
    });
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('the sandbox process exited'));
      this.pending.clear();
    });
  }

  static start(start: ChildStart): Promise<SandboxProcess> {
    const child = fork(join(__dirname, 'sandboxChild.js'), [JSON.stringify(start)], {
      // The 16x seed holds ~1.5 GB; the default heap limit would be too close for comfort.
      execArgv: ['--max-old-space-size=8192'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`the sandbox did not start within ${START_TIMEOUT_MS / 1000} s`));
      }, START_TIMEOUT_MS);
      child.once('message', (m: Ready) => {
        clearTimeout(timer);
        resolve(new SandboxProcess(child, m));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the sandbox exited during start-up (code ${code})`));
      });
    });
  }

  get apiBaseUrl(): string {
    return this.ready.apiBaseUrl;
  }

  get apiKey(): string {
    return this.ready.apiKey;
  }

  call<R extends Request>(request: R): Promise<Answer<R>> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new Error(`the sandbox did not answer ${request.type} within ${CALL_TIMEOUT_MS / 1000} s`));
      }, CALL_TIMEOUT_MS);
      this.pending.set(seq, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as Answer<R>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ seq, request } satisfies Envelope);
    });
  }

  setLatency(ms: number): Promise<null> {
    return this.call({ type: 'latency', ms });
  }

  /** Asks the child to stop; kills it if it has not exited after a few seconds. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.send({ seq: ++this.seq, request: { type: 'close' } } satisfies Envelope);
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  }
}
