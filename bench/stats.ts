// Small numeric helpers shared by the measures.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Heap in use after two full collections, so garbage left by earlier measures is not counted. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc (npm run bench does)');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** The network limit: page 1 alone, then the rest in waves of `concurrency`, plus moving the bytes. */
export function limitMs(latencyMs: number, pages: number, concurrency: number, transferMs: number): number {
  return latencyMs * (1 + Math.ceil(Math.max(0, pages - 1) / concurrency)) + transferMs;
}
