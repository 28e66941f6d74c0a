// sprig list and dict functions (Masterminds/sprig v3.2.2 list.go, dict.go; mergo v0.3.11 for merge).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { compareGoStrings, empty, FROZEN_VALUES, getKey, goKindName, goTypeName, isInterfaceMap, isMap, isNil, newMap, nilSlice, setKey, sortedKeys, withGoType, type GoMap } from '../go-value.js';
import { strval, toInt64 } from './convert.js';

const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

/** reflect.TypeOf(list).Kind() as sprig's errors name it; a nil list is Go's nil-pointer panic. */
function requireList(v: unknown, message: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (isNil(v)) throw new FuncError(NIL_DEREFERENCE);
  throw new FuncError(`${message} ${goKindName(v)}`);
}

/** reflect.DeepEqual over template values (a nil from a missing key and a literal nil are the same nil interface). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
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
    charge(Math.ceil((start - stop) / -step));
    for (let i = start; i > stop; i += step) out.push(BigInt(i));
    return out;
  }
  if (step <= 0) return out;
  charge(Math.ceil((stop - start) / step));
  for (let i = start; i < stop; i += step) out.push(BigInt(i));
  return out;
}

/** sprig mustSlice: its own wording for a non-list; bounds as reflect.Value.Slice checks them. */
/**
 * sprig seq: 1..n, start..end, or start..end by step (counting down when end < start), printed space-separated;
 * any other number of arguments, or a step that points away from end, gives "".
 */
function seq(p: number[], charge: (n: number) => void): string {
  let start: number;
  let end: number;
  let step: number;
  if (p.length === 1) [start, end, step] = [1, p[0], p[0] < 1 ? -1 : 1];
  else if (p.length === 2) [start, end, step] = [p[0], p[1], p[1] < p[0] ? -1 : 1];
  else if (p.length === 3) {
    [start, step, end] = p;
    if (end < start && step > 0) return '';
  } else return '';
  // The bound is end inclusive: one more in the direction of counting (the sign of start..end, not of step).
  const past = end + (end < start ? -1 : 1);
  return until(start, past, step, charge).join(' ');
}

function sliceList(list: unknown, indices: unknown[]): unknown {
  if (isNil(list)) throw new FuncError(NIL_DEREFERENCE);
  if (!Array.isArray(list)) throw new FuncError(`list should be type of slice or array but ${goKindName(list)}`);
  if (list.length === 0) return null;
  const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
  const end = indices.length > 1 ? Number(toInt64(indices[1])) : list.length;
  if (start < 0 || end < start || end > list.length) throw new FuncError('reflect.Value.Slice: slice index out of bounds');
  return list.slice(start, end);
}

const MAKESLICE = 'runtime error: makeslice: len out of range';

/**
 * sprig mustChunk: the chunk count is computed in float64 (floor((len-1)/size)+1), so a size of 0 or below
 * asks Go for a slice of impossible length, which panics, rather than looping.
 */
function chunkList(size: bigint, list: unknown): unknown[][] {
  const a = requireList(list, 'Cannot chunk type');
  const n = Number(size);
  const count = Math.floor((a.length - 1) / n) + 1;
  if (!Number.isFinite(count) || count < 0) throw new FuncError(MAKESLICE);
  const out: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    let len = n;
    if (i === count - 1) len = a.length % n || n;
    if (len < 0) throw new FuncError(MAKESLICE);
    out.push(a.slice(i * n, i * n + len));
  }
  return out;
}

// sprig list.go: each list function has a must* form that returns the error the plain form panics with;
// text/template reports both as "error calling NAME: MSG", so one implementation serves both names.
const first = fn(['any'], ([l]) => requireList(l, 'Cannot find first on type')[0] ?? null);
const last = fn(['any'], ([l]) => {
  const a = requireList(l, 'Cannot find last on type');
  return a.length ? a[a.length - 1] : null;
});
// An empty list gives Go's nil []interface{}, which prints as [] (and has len 0) but marshals as null.
const rest = fn(['any'], ([l]) => {
  const a = requireList(l, 'Cannot find rest on type');
  return a.length ? a.slice(1) : nilSlice();
});
const initial = fn(['any'], ([l]) => {
  const a = requireList(l, 'Cannot find initial on type');
  return a.length ? a.slice(0, -1) : nilSlice();
});
const push = fn(['any', 'any'], ([l, v]) => [...requireList(l, 'Cannot push on type'), v]);
const prepend = fn(['any', 'any'], ([l, v]) => [v, ...requireList(l, 'Cannot prepend on type')]);
const reverse = fn(['any'], ([l]) => [...requireList(l, 'Cannot find reverse on type')].reverse());
const uniq = fn(['any'], ([l]) => {
  const out: unknown[] = [];
  for (const x of requireList(l, 'Cannot find uniq on type')) if (!out.some((y) => deepEqual(x, y))) out.push(x);
  return out;
});
const without = fn(['any'], ([l, ...omit]) => requireList(l, 'Cannot find without on type').filter((x) => !omit.some((o) => deepEqual(x, o))), 'any');
const has = fn(['any', 'any'], ([needle, hay]) => {
  if (isNil(hay)) return false;
  return requireList(hay, 'Cannot find has on type').some((x) => deepEqual(needle, x));
});
const compact = fn(['any'], ([l]) => requireList(l, 'Cannot compact on type').filter((x) => !empty(x)));
const slice = fn(['any'], ([l, ...ix]) => sliceList(l, ix), 'any');
const chunk = fn(['int', 'any'], ([size, l]) => chunkList(size as bigint, l));

// sprig dict.go: mergo reports no error for maps, so merge and mustMerge (and the Overwrite pair) agree.
const merge = fn(['map'], ([dst, ...srcs]) => {
  const d = asMap(dst) ?? newMap();
  for (const s of srcs) if (isMap(s)) mergeInto(d, s, false, 0);
  return d;
}, 'map');
const mergeOverwrite = fn(['map'], ([dst, ...srcs]) => {
  const d = asMap(dst) ?? newMap();
  for (const s of srcs) if (isMap(s)) mergeInto(d, s, true, 0);
  return d;
}, 'map');
// copystructure.Copy asks reflect for the type of its argument first, which panics on a nil interface.
const copyValue = fn(['any'], ([v]) => {
  if (isNil(v)) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  return deepCopy(v);
});

export const collectionFuncs: FuncMap = {
  list: fn([], (a) => a, 'any'),
  tuple: fn([], (a) => a, 'any'),
  first,
  mustFirst: first,
  last,
  mustLast: last,
  rest,
  mustRest: rest,
  initial,
  mustInitial: initial,
  append: push,
  push,
  mustAppend: push,
  mustPush: push,
  prepend,
  mustPrepend: prepend,
  concat: fn([], (lists) => {
    const out: unknown[] = [];
    for (const l of lists) {
      // reflect.TypeOf(nil).Kind() dereferences a nil *rtype: Go panics before sprig's own message.
      if (isNil(l)) throw new FuncError('runtime error: invalid memory address or nil pointer dereference');
      if (!Array.isArray(l)) throw new FuncError(`Cannot concat type ${goKindName(l)} as list`);
      out.push(...l);
    }
    return out.length ? out : nilSlice();
  }, 'any'),
  reverse,
  mustReverse: reverse,
  uniq,
  mustUniq: uniq,
  without,
  mustWithout: without,
  has,
  mustHas: has,
  compact,
  mustCompact: compact,
  slice,
  mustSlice: slice,
  sortAlpha: fn(['any'], ([l]) => {
    if (!Array.isArray(l)) return withGoType([strval(l)], '[]string');
    return withGoType(l.filter((x) => !isNil(x)).map(strval).sort(compareGoStrings), '[]string');
  }),
  toStrings: fn(['any'], ([l]) => withGoType(Array.isArray(l) ? l.filter((x) => !isNil(x)).map(strval) : isNil(l) ? [] : [strval(l)], '[]string')),
  join: fn(['string', 'any'], ([sep, l]) =>
    (Array.isArray(l) ? l.filter((x) => !isNil(x)).map(strval) : isNil(l) ? [] : [strval(l)]).join(sep as string),
  ),
  until: fn(['int'], ([c], env) => {
    const count = Number(c);
    return withGoType(until(0, count, count < 0 ? -1 : 1, (n) => env.charge(n)), '[]int');
  }),
  untilStep: fn(['int', 'int', 'int'], ([a, b, st], env) => withGoType(until(Number(a), Number(b), Number(st), (n) => env.charge(n)), '[]int')),
  seq: fn([], (params, env) => seq(params.map(Number), (n) => env.charge(n)), 'int'),
  chunk,
  mustChunk: chunk,

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
    if (m && Object.hasOwn(m, k as string)) {
      if (Object.isFrozen(m)) throw new FuncError(FROZEN_VALUES);
      delete m[k as string];
    }
    return m;
  }),
  hasKey: fn(['map', 'string'], ([d, k]) => {
    const m = asMap(d);
    return m !== null && Object.hasOwn(m, k as string);
  }),
  pluck: fn(['string'], ([k, ...ds]) => ds.flatMap((d) => (isMap(d) && Object.hasOwn(d, k as string) ? [d[k as string]] : [])), 'map'),
  // Go map order is random; sorted keys make the output deterministic.
  keys: fn([], (ds) => withGoType(ds.flatMap((d) => (isMap(d) ? sortedKeys(d) : [])), '[]string'), 'map'),
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
  merge,
  mustMerge: merge,
  mergeOverwrite,
  mustMergeOverwrite: mergeOverwrite,
  deepCopy: copyValue,
  mustDeepCopy: copyValue,
  deepEqual: fn(['any', 'any'], ([a, b]) => deepEqual(a, b)),
  dig: fn([], (args) => {
    if (args.length < 3) throw new FuncError('dig needs at least three arguments');
    // sprig digFromDict asserts each step is a map[string]interface {} (and each key a string): Go
    // panics with an interface conversion error on anything else, nil included.
    const asDict = (v: unknown): GoMap => {
      if (!isInterfaceMap(v)) throw new FuncError(`interface conversion: interface {} is ${isNil(v) ? 'nil' : goTypeName(v)}, not map[string]interface {}`);
      return v;
    };
    const def = args[args.length - 2];
    const keys = args.slice(0, -2).map((k) => {
      if (typeof k !== 'string') throw new FuncError(`interface conversion: interface {} is ${isNil(k) ? 'nil' : goTypeName(k)}, not string`);
      return k;
    });
    let cur = asDict(args[args.length - 1]);
    for (let i = 0; ; i++) {
      if (!Object.hasOwn(cur, keys[i])) return def;
      const step = getKey(cur, keys[i]);
      if (i === keys.length - 1) return step;
      cur = asDict(step);
    }
  }, 'any'),
};
