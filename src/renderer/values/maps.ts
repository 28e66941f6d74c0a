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
 * A deep copy of maps and lists; scalars are shared. Built key by key: a copy made with object spread
 * is no faster to make, and V8 gives it a shape that is slow to add keys to (coalesce adds many).
 */
export function deepCopy<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => deepCopy(x)) as T;
  if (isMap(v)) {
    const out = newMap();
    for (const k of Object.keys(v)) setKey(out, k, deepCopy(v[k]));
    return out as T;
  }
  return v;
}

const deeplyFrozen = new WeakSet<object>();

/** Freeze maps and lists all the way down (data shared between renders: chart defaults, cached values). */
export function deepFreeze(v: unknown): void {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return;
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
  deeplyFrozen.add(v);
}

/** Whether deepFreeze froze `v` (so nothing in it can change: facts about it can be remembered). */
export function isDeeplyFrozen(v: object): boolean {
  return deeplyFrozen.has(v);
}

/** A value path as messages print it: `server.image.tag`, list indexes as numbers; `(root)` when empty. */
export function valuePathText(path: ReadonlyArray<string | number>): string {
  return path.length ? path.join('.') : '(root)';
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

/** Object.assign for values: later keys win, and a `__proto__` key is copied as a key. */
export function assignKeys(target: ValueMap, source: unknown): ValueMap {
  if (isMap(source)) for (const k of Object.keys(source)) setKey(target, k, source[k]);
  return target;
}
