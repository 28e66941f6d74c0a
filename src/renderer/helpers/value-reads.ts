// Reads of frozen values by path, remembered as a tree of the keys templates ask for. A chart's
// templates read the same few hundred paths on every render, through one lookup site for every map
// shape: in V8 that is a megamorphic property load, slower than a Map lookup of a constant key.
import { runtimeOf, type RenderContext } from '../context.js';
import { isDeeplyFrozen } from '../values/maps.js';

/** The value at a path, and the reads made under it so far. */
export interface ValueRead {
  readonly value: unknown;
  children: Map<string, ValueRead> | undefined;
}

const readsByValues = new WeakMap<object, ValueRead>();

/**
 * The root of the remembered reads of `.Values`, shared by every render of the same (deep-frozen)
 * values; undefined when the values are not frozen (nothing may be remembered about them).
 */
export function valueReads(ctx: RenderContext): ValueRead | undefined {
  const runtime = runtimeOf(ctx);
  let root = runtime.reads;
  if (root === undefined) {
    const values = ctx.Values;
    if (isDeeplyFrozen(values)) {
      root = readsByValues.get(values);
      if (root === undefined) readsByValues.set(values, (root = { value: values, children: undefined }));
    } else root = null;
    runtime.reads = root;
  }
  return root ?? undefined;
}

/**
 * The read of `key` under a read, made once: the key's own value (an inherited function or a
 * `__proto__` that is not data reads as missing). Undefined when the value read is not a map: the
 * caller's own walk reports that, with its error text.
 */
export function readKey(read: ValueRead, key: string): ValueRead | undefined {
  let child = read.children?.get(key);
  if (child === undefined) {
    const v = read.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    let x = (v as Record<string, unknown>)[key];
    if (typeof x === 'function' || key === '__proto__') x = Object.hasOwn(v, key) ? x : undefined;
    child = { value: x, children: undefined };
    (read.children ??= new Map()).set(key, child);
  }
  return child;
}
