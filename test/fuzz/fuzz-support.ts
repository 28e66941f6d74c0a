// Shared pieces of the fuzz suite: run counts (short in `npm test`, long in `npm run fuzz`), and the checks
// every property makes: only our typed errors escape, Object.prototype is never touched, data stays plain.
import fc from 'fast-check';
import { expect } from 'vitest';

/** `FUZZ_RUNS` scales every property (npm run fuzz sets it); the default keeps `npm test` quick. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;

/** Runs for one property: `short` by default, or FUZZ_RUNS. */
export function runs(short: number): number {
  return FUZZ_RUNS ?? short;
}

/** A fixed seed unless FUZZ_SEED is set, so `npm test` is reproducible and `npm run fuzz` explores. */
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() : 20240611;

/** Per-test timeout for long runs. */
export const TIMEOUT = FUZZ_RUNS ? 3_600_000 : 60_000;

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Object.prototype keeps exactly its own properties, and `({}).polluted` stays undefined. */
export function expectNoPollution(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** An error we throw on purpose: an Error with a string `code` and a one-line message without a stack. */
export function isTypedError(e: unknown): boolean {
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && !/\n\s+at /.test(e.message);
}

/** Run `f`; anything thrown must be typed (re-thrown otherwise so fast-check shrinks to it). */
export function typedOnly<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    if (isTypedError(e)) return e as Error;
    throw e;
  }
}

/** Values are plain data: maps with own enumerable data keys, lists without holes, JSON-like scalars. */
export function expectPlainData(v: unknown, depth = 0): void {
  expect(depth).toBeLessThan(1000);
  if (v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      expect(Object.hasOwn(v, i)).toBe(true);
      expectPlainData(v[i], depth + 1);
    }
    return;
  }
  expect(typeof v).toBe('object');
  const proto = Object.getPrototypeOf(v);
  expect(proto === Object.prototype || proto === null).toBe(true);
  for (const k of Reflect.ownKeys(v as object)) {
    expect(typeof k).toBe('string');
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    expect('value' in d && d.enumerable).toBe(true);
    expectPlainData(d.value, depth + 1);
  }
}

/** Milliseconds `f` took. */
export function timed(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

/**
 * fc.assert in chunks, yielding to the event loop between them: a long `npm run fuzz` would otherwise block
 * the vitest worker long enough for its RPC to time out. Each chunk has its own seed, reported on failure.
 */
export async function check(property: Parameters<typeof fc.assert>[0], shortRuns: number, maxRuns = Infinity): Promise<void> {
  const total = Math.min(runs(shortRuns), maxRuns);
  const chunk = 250;
  for (let done = 0, i = 0; done < total; done += chunk, i++) {
    fc.assert(property, { numRuns: Math.min(chunk, total - done), seed: SEED + i });
    await new Promise((r) => setImmediate(r));
  }
}
