// coalesce.ts as it was before copy-on-write sharing of defaults (commit e408ac7), the reference
// the tuned one must agree with.
// Combining user values with chart defaults: helm/helm pkg/chartutil/coalesce.go at v3.10.1.
// User values win; maps merge; a user null over a default deletes the key; `global` flows from a
// parent into each subchart, and a subchart coalesces its own table (`postgresql.*`).
import type { LoadedChart } from '../../../src/renderer/chart.js';
import { deepCopy, isMap, newMap, setKey, type ValueMap } from '../../../src/renderer/values/maps.js';

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

/** CoalesceValues: user values over the chart's defaults, subcharts included. Inputs are not mutated. */
export function coalesceValues(chart: LoadedChart, user: ValueMap, warn: WarningSink = () => {}): ValueMap {
  return coalesce(chart, deepCopy(user), warn, chart.metadata.name);
}

function coalesce(
  chart: LoadedChart,
  dest: ValueMap,
  warn: WarningSink,
  prefix: string,
  defaults: ValueMap = importedDefaults(chart),
): ValueMap {
  coalesceDefaults(dest, deepCopy(defaults), warn, prefix);
  for (const sub of chart.subcharts) {
    const existing = Object.hasOwn(dest, sub.name) ? dest[sub.name] : undefined;
    let table: ValueMap;
    if (existing === undefined || existing === null) table = newMap();
    else if (isMap(existing)) table = existing;
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
    hit = coalesce(chart, newMap(), () => {}, chart.metadata.name, chart.defaults);
    imported.set(chart, hit);
  }
  return hit;
}

/** coalesceValues: merge the chart's defaults `src` under `dest`. */
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
      if (isMap(val)) coalesceTables(value, val, warn, `${prefix}.${key}`);
      else if (val !== null) warn(`skipped value for ${prefix}.${key}: Not a table.`);
    }
  }
}

/** coalesceTables: dst has precedence; nulls in dst delete the key. */
function coalesceTables(dst: ValueMap, src: ValueMap, warn: WarningSink, prefix: string): void {
  for (const key of Object.keys(src)) {
    const val = src[key];
    const has = Object.hasOwn(dst, key);
    const dv = has ? dst[key] : undefined;
    if (has && dv === null) {
      delete dst[key];
    } else if (!has) {
      setKey(dst, key, val);
    } else if (isMap(val)) {
      if (isMap(dv)) coalesceTables(dv, val, warn, `${prefix}.${key}`);
      else warn(`cannot overwrite table with non table for ${prefix}.${key} (${JSON.stringify(val)})`);
    } else if (isMap(dv) && val !== null) {
      warn(`destination for ${prefix}.${key} is a table. Ignoring non-table value (${JSON.stringify(val)})`);
    }
  }
}

/** coalesceGlobals: the parent's `global` wins over the subchart's, tables merged top-down. */
function coalesceGlobals(dest: ValueMap, src: ValueMap, warn: WarningSink): void {
  const dg0 = Object.hasOwn(dest, GLOBAL) ? dest[GLOBAL] : undefined;
  const sg0 = Object.hasOwn(src, GLOBAL) ? src[GLOBAL] : undefined;
  if (dg0 !== undefined && !isMap(dg0)) return warn('global is not a map in a subchart; skipped');
  if (sg0 !== undefined && !isMap(sg0)) return warn('global is not a map; skipped');
  const dg = (dg0 as ValueMap | undefined) ?? newMap();
  const sg = (sg0 as ValueMap | undefined) ?? newMap();
  for (const key of Object.keys(sg)) {
    const val = sg[key];
    if (isMap(val)) {
      const vv = deepCopy(val);
      const destv = Object.hasOwn(dg, key) ? dg[key] : undefined;
      if (destv === undefined) setKey(dg, key, vv);
      else if (!isMap(destv)) warn(`Conflict: cannot merge map onto non-map for "${key}". Skipping.`);
      else {
        coalesceTables(vv, destv, warn, `global.${key}`);
        setKey(dg, key, vv);
      }
    } else if (isMap(Object.hasOwn(dg, key) ? dg[key] : undefined)) {
      warn(`key ${key} is table. Skipping`);
    } else {
      setKey(dg, key, val);
    }
  }
  setKey(dest, GLOBAL, dg);
}
