// sprig list and dict functions (Masterminds/sprig v3.2.2 list.go, dict.go; mergo v0.3.11 for merge).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { compareGoStrings, empty, getKey, goKindName, isMap, isNil, newMap, setKey, sortedKeys, type GoMap } from '../go-value.js';
import { strval, toInt64 } from './convert.js';

/** reflect.TypeOf(list).Kind() as sprig's errors name it; a nil list is Go's nil-pointer panic. */
function requireList(v: unknown, what: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (isNil(v)) throw new FuncError('runtime error: invalid memory address or nil pointer dereference');
  throw new FuncError(`Cannot ${what} on type ${goKindName(v)}`);
}

/** reflect.DeepEqual over template values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b) && a === b;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Walk guard: template values are trees, but a cyclic host object must not hang deepCopy. */
export function deepCopy(v: unknown, depth = 0): unknown {
  if (depth > 1000) throw new FuncError('deepCopy: value too deep');
  if (Array.isArray(v)) return v.map((x) => deepCopy(x, depth + 1));
  if (isMap(v)) {
    const m = newMap();
    for (const k of Object.keys(v)) setKey(m, k, deepCopy(v[k], depth + 1));
    return m;
  }
  return v;
}

const asMap = (v: unknown): GoMap | null => (isMap(v) ? v : null);

/** mergo.Merge(dst, src) / with WithOverride, on map[string]interface{} (the paths sprig exercises). */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean, depth: number): void {
  if (depth > 100) return;
  for (const k of Object.keys(src)) {
    const s = src[k];
    const has = Object.hasOwn(dst, k);
    const d = has ? dst[k] : undefined;
    if (isNil(s)) {
      if (overwrite) setKey(dst, k, s);
      continue;
    }
    if (isMap(s) && isMap(d)) {
      mergeInto(d, s, overwrite, depth + 1);
      continue;
    }
    // A non-empty destination keeps its value against a map or slice source.
    if (has && !empty(d) && (isMap(s) || Array.isArray(s))) continue;
    if (overwrite || !has || empty(d)) setKey(dst, k, s);
  }
}

function dict(args: unknown[]): GoMap {
  const m = newMap();
  for (let i = 0; i < args.length; i += 2) setKey(m, strval(args[i]), i + 1 < args.length ? args[i + 1] : '');
  return m;
}

function until(start: number, stop: number, step: number, charge: (n: number) => void): bigint[] {
  const out: bigint[] = [];
  if (stop < start) {
    if (step >= 0) return out;
    charge(start - stop);
    for (let i = start; i > stop; i += step) out.push(BigInt(i));
    return out;
  }
  if (step <= 0) return out;
  charge(stop - start);
  for (let i = start; i < stop; i += step) out.push(BigInt(i));
  return out;
}

function sliceList(list: unknown, indices: unknown[]): unknown {
  const l = requireList(list, 'slice');
  if (l.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length > 1 ? Number(toInt64(indices[1])) : l.length;
  if (start < 0 || end < start || end > l.length) throw new FuncError(`reflect: slice index out of range`);
  return l.slice(start, end);
}

export const collectionFuncs: FuncMap = {
  list: fn([], (a) => a, 'any'),
  tuple: fn([], (a) => a, 'any'),
  first: fn(['any'], ([l]) => requireList(l, 'find first')[0] ?? null),
  last: fn(['any'], ([l]) => {
    const a = requireList(l, 'find last');
    return a.length ? a[a.length - 1] : null;
  }),
  rest: fn(['any'], ([l]) => {
    const a = requireList(l, 'find rest');
    return a.length ? a.slice(1) : null;
  }),
  initial: fn(['any'], ([l]) => {
    const a = requireList(l, 'find initial');
    return a.length ? a.slice(0, -1) : null;
  }),
  append: fn(['any', 'any'], ([l, v]) => [...requireList(l, 'push'), v]),
  push: fn(['any', 'any'], ([l, v]) => [...requireList(l, 'push'), v]),
  prepend: fn(['any', 'any'], ([l, v]) => [v, ...requireList(l, 'prepend')]),
  concat: fn([], (lists) => {
    const out: unknown[] = [];
    for (const l of lists) {
      if (!Array.isArray(l)) throw new FuncError(`Cannot concat type ${isNil(l) ? 'invalid' : goKindName(l)} as list`);
      out.push(...l);
    }
    return out.length ? out : null;
  }, 'any'),
  reverse: fn(['any'], ([l]) => [...requireList(l, 'reverse')].reverse()),
  uniq: fn(['any'], ([l]) => {
    const out: unknown[] = [];
    for (const x of requireList(l, 'find uniq')) if (!out.some((y) => deepEqual(x, y))) out.push(x);
    return out;
  }),
  without: fn(['any'], ([l, ...omit]) => requireList(l, 'find without').filter((x) => !omit.some((o) => deepEqual(x, o))), 'any'),
  has: fn(['any', 'any'], ([needle, hay]) => {
    if (isNil(hay)) return false;
    return requireList(hay, 'find has').some((x) => deepEqual(needle, x));
  }),
  compact: fn(['any'], ([l]) => requireList(l, 'compact').filter((x) => !empty(x))),
  slice: fn(['any'], ([l, ...ix]) => sliceList(l, ix), 'any'),
  sortAlpha: fn(['any'], ([l]) => {
    if (!Array.isArray(l)) return [strval(l)];
    return l.filter((x) => !isNil(x)).map(strval).sort(compareGoStrings);
  }),
  toStrings: fn(['any'], ([l]) => (Array.isArray(l) ? l.filter((x) => !isNil(x)).map(strval) : isNil(l) ? [] : [strval(l)])),
  join: fn(['string', 'any'], ([sep, l]) =>
    (Array.isArray(l) ? l.filter((x) => !isNil(x)).map(strval) : isNil(l) ? [] : [strval(l)]).join(sep as string),
  ),
  until: fn(['int'], ([c], env) => {
    const count = Number(c);
    return until(0, count, count < 0 ? -1 : 1, (n) => env.charge(n));
  }),
  untilStep: fn(['int', 'int', 'int'], ([a, b, st], env) => until(Number(a), Number(b), Number(st), (n) => env.charge(n))),
  chunk: fn(['int', 'any'], ([size, l]) => {
    const a = requireList(l, 'chunk');
    const n = Number(size);
    const out: unknown[][] = [];
    for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
    return out;
  }),

  dict: fn([], (a) => dict(a), 'any'),
  get: fn(['map', 'string'], ([d, k]) => {
    const m = asMap(d);
    return m && Object.hasOwn(m, k as string) ? m[k as string] : '';
  }),
  set: fn(['map', 'string', 'any'], ([d, k, v]) => {
    const m = asMap(d);
    if (!m) throw new FuncError('assignment to entry in nil map');
    setKey(m, k as string, v);
    return m;
  }),
  unset: fn(['map', 'string'], ([d, k]) => {
    const m = asMap(d);
    if (m && Object.hasOwn(m, k as string)) delete m[k as string];
    return m;
  }),
  hasKey: fn(['map', 'string'], ([d, k]) => {
    const m = asMap(d);
    return m !== null && Object.hasOwn(m, k as string);
  }),
  pluck: fn(['string'], ([k, ...ds]) => ds.flatMap((d) => (isMap(d) && Object.hasOwn(d, k as string) ? [d[k as string]] : [])), 'map'),
  // Go map order is random; sorted keys make the output deterministic.
  keys: fn([], (ds) => ds.flatMap((d) => (isMap(d) ? sortedKeys(d) : [])), 'map'),
  values: fn(['map'], ([d]) => (isMap(d) ? sortedKeys(d).map((k) => d[k]) : [])),
  pick: fn(['map'], ([d, ...ks]) => {
    const m = newMap();
    const src = asMap(d);
    for (const k of ks) if (src && Object.hasOwn(src, k as string)) setKey(m, k as string, src[k as string]);
    return m;
  }, 'string'),
  omit: fn(['map'], ([d, ...ks]) => {
    const m = newMap();
    const src = asMap(d);
    if (src) for (const k of Object.keys(src)) if (!ks.includes(k)) setKey(m, k, src[k]);
    return m;
  }, 'string'),
  merge: fn(['map'], ([dst, ...srcs]) => {
    const d = asMap(dst) ?? newMap();
    for (const s of srcs) if (isMap(s)) mergeInto(d, s, false, 0);
    return d;
  }, 'map'),
  mergeOverwrite: fn(['map'], ([dst, ...srcs]) => {
    const d = asMap(dst) ?? newMap();
    for (const s of srcs) if (isMap(s)) mergeInto(d, s, true, 0);
    return d;
  }, 'map'),
  deepCopy: fn(['any'], ([v]) => deepCopy(v)),
  dig: fn([], (args) => {
    if (args.length < 3) throw new FuncError('dig needs at least three arguments');
    const d = args[args.length - 1];
    const def = args[args.length - 2];
    let cur: unknown = d;
    for (const k of args.slice(0, -2)) {
      if (typeof k !== 'string') throw new FuncError(`dig keys must be strings`);
      if (!isMap(cur) || !Object.hasOwn(cur, k)) return def;
      cur = getKey(cur, k);
    }
    return cur;
  }, 'any'),
};
