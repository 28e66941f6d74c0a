// Values are plain JSON-like data. These helpers keep keys such as `__proto__` ordinary own keys,
// so values from files or --set can never reach Object.prototype.

export type ValueMap = Record<string, unknown>;

/** Values nested deeper than this are refused, from files and flags alike: real charts use under 20 levels. */
export const MAX_VALUE_DEPTH = 200;

export function isMap(v: unknown): v is ValueMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function newMap(): ValueMap {
  return {};
}

/** Set an own key; `__proto__` is defined as data instead of replacing the prototype. */
export function setKey(m: ValueMap, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(m, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    m[key] = value;
  }
}

/** Read an own key only (a missing `constructor` is missing, not Object). */
export function getKey(m: ValueMap, key: string): unknown {
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

/**
 * A deep copy of maps and lists; scalars are shared. Object spread copies a map in one step (V8's
 * fast path) and, like setKey, defines `__proto__` as an own key rather than calling its setter.
 */
export function deepCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out = v.slice();
    for (let i = 0; i < out.length; i++) {
      const x: unknown = out[i];
      if (typeof x === 'object' && x !== null) out[i] = deepCopy(x);
    }
    return out as T;
  }
  const out: ValueMap = { ...(v as ValueMap) };
  for (const k of Object.keys(out)) {
    const x = out[k];
    if (typeof x === 'object' && x !== null) out[k] = deepCopy(x);
  }
  return out as T;
}

/** Read a dotted path (`postgresql.enabled`) from values; undefined when any step is missing. */
export function getPath(values: ValueMap, path: string): unknown {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (!isMap(cur)) return undefined;
    cur = getKey(cur, part);
  }
  return cur;
}
