// Combining user values with chart defaults: helm/helm pkg/chartutil/coalesce.go at v3.10.1.
// User values win; maps merge; a user null over a default deletes the key; `global` flows from a
// parent into each subchart, and a subchart coalesces its own table (`postgresql.*`).
import type { LoadedChart } from '../chart.js';
import { deepFreeze, isMap, newMap, setKey, type ValueMap } from './maps.js';

/** Something worth telling the user but not an error (helm logs these as warnings). */
export type WarningSink = (message: string) => void;

const GLOBAL = 'global';

/** A subchart's table is not a map (`--set postgresql=1`): helm stops with "type mismatch on postgresql". */
export class CoalesceTypeError extends Error {
  readonly code = 'VALUES_TYPE_MISMATCH';
  constructor(
    readonly path: string,
    readonly value: unknown,
  ) {
    const shown = Array.isArray(value) ? 'a list' : typeof value === 'string' ? `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}` : `${typeof value === 'bigint' ? 'number' : typeof value} ${String(value)}`;
    super(`type mismatch on ${path}: the ${path.split('.').pop()} subchart's values must be a map, got ${shown}`);
  }
}

/**
 * CoalesceValues: user values over the chart's defaults, subcharts included. Inputs are not mutated.
 *
 * Defaults are shared, not copied: the result holds the chart's default tables themselves wherever the
 * user changed nothing (they are frozen, so nothing downstream can change them either), and a table is
 * copied only when this merge has to write into it (copy on write). `owned` holds the tables this merge
 * made, the only ones it writes in place.
 */
export function coalesceValues(chart: LoadedChart, user: ValueMap, warn: WarningSink = () => {}): ValueMap {
  return withOwnership(() => coalesce(chart, ownedCopy(user), warn, chart.metadata.name));
}

let owned = new Set<object>();

function withOwnership<T>(run: () => T): T {
  const outer = owned;
  owned = new Set();
  try {
    return run();
  } finally {
    owned = outer;
  }
}

/** A deep copy whose maps this merge owns (built key by key: see own). */
function ownedCopy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(ownedCopy) as T;
  const out = newMap();
  for (const k of Object.keys(v)) setKey(out, k, ownedCopy((v as ValueMap)[k]));
  owned.add(out);
  return out as T;
}

/** `m` itself if this merge made it, else a shallow copy it owns (to write into). */
function own(m: ValueMap): ValueMap {
  if (owned.has(m)) return m;
  // Key by key, not `{ ...m }`: V8 makes a spread copy in a shape that is slow to add keys to.
  const copy = newMap();
  for (const k of Object.keys(m)) setKey(copy, k, m[k]);
  owned.add(copy);
  return copy;
}

function fresh(): ValueMap {
  const m = newMap();
  owned.add(m);
  return m;
}

function coalesce(
  chart: LoadedChart,
  dest: ValueMap,
  warn: WarningSink,
  prefix: string,
  defaults: ValueMap = importedDefaults(chart),
): ValueMap {
  coalesceDefaults(dest, defaults, warn, prefix);
  for (const sub of chart.subcharts) {
    const existing = Object.hasOwn(dest, sub.name) ? dest[sub.name] : undefined;
    let table: ValueMap;
    if (existing === undefined || existing === null) table = fresh();
    else if (isMap(existing)) table = own(existing);
    else throw new CoalesceTypeError([...prefix.split('.').slice(1), sub.name].join('.'), existing);
    coalesceGlobals(table, dest, warn);
    setKey(dest, sub.name, coalesce(sub.chart, table, warn, `${prefix}.${sub.name}`));
  }
  return dest;
}

const imported = new WeakMap<LoadedChart, ValueMap>();

/**
 * The defaults user values meet. Before rendering, helm v3.10 replaces the values of every chart
 * that declares dependencies with CoalesceValues(chart, nil) (pkg/chartutil/dependencies.go,
 * processImportValues, children first): its values.yaml with its enabled subcharts' defaults merged
 * in. So a user `null` for a subchart key (`postgresql.primary.resources: null`) only deletes the
 * parent's copy, and the subchart's own default comes back.
 */
function importedDefaults(chart: LoadedChart): ValueMap {
  if (!chart.metadata.dependencies?.length || !chart.subcharts.length) return chart.defaults;
  let hit = imported.get(chart);
  if (!hit) {
    // Its own merge: the result is cached and shared by every later merge, which must not write into it.
    hit = withOwnership(() => coalesce(chart, fresh(), () => {}, chart.metadata.name, chart.defaults));
    deepFreeze(hit);
    imported.set(chart, hit);
  }
  return hit;
}

/** coalesceValues: merge the chart's defaults `src` under `dest` (owned). */
function coalesceDefaults(dest: ValueMap, src: ValueMap, warn: WarningSink, prefix: string): void {
  for (const key of Object.keys(src)) {
    const val = src[key];
    if (!Object.hasOwn(dest, key)) {
      setKey(dest, key, val);
      continue;
    }
    const value = dest[key];
    if (value === null) {
      // A null from the user removes the default (helm deletes the key).
      delete dest[key];
    } else if (isMap(value)) {
      if (isMap(val)) {
        const merged = coalesceTables(value, val, warn, `${prefix}.${key}`);
        if (merged !== value) setKey(dest, key, merged);
      } else if (val !== null) warn(`skipped value for ${prefix}.${key}: Not a table.`);
    }
  }
}

/** coalesceTables: dst has precedence; nulls in dst delete the key. Returns dst, or its copy if dst was shared and had to change. */
function coalesceTables(dst: ValueMap, src: ValueMap, warn: WarningSink, prefix: string): ValueMap {
  let out = dst;
  for (const key of Object.keys(src)) {
    const val = src[key];
    const has = Object.hasOwn(out, key);
    const dv = has ? out[key] : undefined;
    if (has && dv === null) {
      out = own(out);
      delete out[key];
    } else if (!has) {
      out = own(out);
      setKey(out, key, val);
    } else if (isMap(val)) {
      if (isMap(dv)) {
        const merged = coalesceTables(dv, val, warn, `${prefix}.${key}`);
        if (merged !== dv) {
          out = own(out);
          setKey(out, key, merged);
        }
      } else warn(`cannot overwrite table with non table for ${prefix}.${key} (${JSON.stringify(val)})`);
    } else if (isMap(dv) && val !== null) {
      warn(`destination for ${prefix}.${key} is a table. Ignoring non-table value (${JSON.stringify(val)})`);
    }
  }
  return out;
}

/** coalesceGlobals: the parent's `global` wins over the subchart's, tables merged top-down. */
function coalesceGlobals(dest: ValueMap, src: ValueMap, warn: WarningSink): void {
  const dg0 = Object.hasOwn(dest, GLOBAL) ? dest[GLOBAL] : undefined;
  const sg0 = Object.hasOwn(src, GLOBAL) ? src[GLOBAL] : undefined;
  if (dg0 !== undefined && !isMap(dg0)) return warn('global is not a map in a subchart; skipped');
  if (sg0 !== undefined && !isMap(sg0)) return warn('global is not a map; skipped');
  const dg = dg0 === undefined ? fresh() : own(dg0 as ValueMap);
  let sg = (sg0 as ValueMap | undefined) ?? newMap();
  if (Object.keys(sg).some((k) => isMap(sg[k]) && isMap(Object.hasOwn(dg, k) ? dg[k] : undefined))) {
    // helm's copyMap copies a global table one level deep only, so merging the subchart's globals into
    // it writes into the parent's nested tables: a key the user nulled at global.a.b.c comes back from
    // the subchart's copy of the defaults (helm v3.10.1 renders global.prefect.image.prefectTag=null so).
    // The parent's global is made ours to be written through.
    sg = ownedCopy(sg);
    setKey(src, GLOBAL, sg);
  }
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isMap(val)) {
      // One level deep: nested tables stay the parent's.
      const vv: ValueMap = { ...val };
      owned.add(vv);
      const destv = Object.hasOwn(dg, key) ? dg[key] : undefined;
      if (destv === undefined) setKey(dg, key, vv);
      else if (!isMap(destv)) warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      else setKey(dg, key, coalesceTables(vv, destv, warn, `global.${key}`));
    } else if (isMap(Object.hasOwn(dg, key) ? dg[key] : undefined)) {
      warn(`key ${key} is table. Skipping`);
    } else {
      setKey(dg, key, val);
    }
  }
  setKey(dest, GLOBAL, dg);
}
