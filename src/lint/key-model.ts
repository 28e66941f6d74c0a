// Which keys a chart knows: those its values.yaml defines and those its schema lists, and where it
// takes any key (free-form maps). Derived from the chart's data, built once per chart.
import type { LoadedChart } from '../renderer/chart.js';
import { isMap, type ValueMap } from '../renderer/values/maps.js';
import { closest } from '../suggest.js';

/** What a map at some path accepts. */
export interface KeyShape {
  /** Any key goes (labels, annotations, Kubernetes objects, env maps …). */
  free: boolean;
  /** Known keys and what each accepts; null when the key is known but its contents are not checked. */
  keys: Map<string, KeyShape | null>;
}

type SchemaNode = Record<string, unknown>;

const FREE: KeyShape = { free: true, keys: new Map() };

/** Keys a chart shares with every other chart of a release: never checked. */
const SHARED = new Set(['global']);

function schemaBranches(node: unknown): SchemaNode[] {
  if (!isMap(node)) return [];
  const out: SchemaNode[] = [node];
  for (const kw of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[kw];
    if (Array.isArray(list)) for (const b of list) out.push(...schemaBranches(b));
  }
  return out;
}

function typesOf(node: SchemaNode): string[] {
  const t = node.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

/** The listed properties of a schema node and its branches, and whether it takes any key. */
function schemaKeys(node: unknown): { props: Map<string, SchemaNode[]>; free: boolean } {
  const props = new Map<string, SchemaNode[]>();
  let free = false;
  for (const b of schemaBranches(node)) {
    const types = typesOf(b);
    const p = isMap(b.properties) ? b.properties : undefined;
    if (p) for (const k of Object.keys(p)) props.set(k, [...(props.get(k) ?? []), p[k] as SchemaNode]);
    // A typed map (`additionalProperties: {type: string}`) or pattern keys: any name goes.
    if (isMap(b.additionalProperties) || isMap(b.patternProperties)) free = true;
    // An object the schema leaves open (no properties listed) takes anything. `additionalProperties:
    // true` next to listed properties does not: the root of every Helm schema says it for `global`
    // and subcharts, not to welcome typos.
    if (types.includes('object') && !p && !isMap(b.patternProperties)) free = true;
  }
  return { props, free };
}

function build(defaults: unknown, schemas: SchemaNode[]): KeyShape | null {
  const s = schemas.map(schemaKeys);
  const props = new Map<string, SchemaNode[]>();
  for (const x of s) for (const [k, v] of x.props) props.set(k, [...(props.get(k) ?? []), ...v]);
  const schemaFree = s.some((x) => x.free);
  if (props.size) {
    if (schemaFree) return FREE;
  } else {
    // Empty map, list or null default: the chart hands it through (podLabels: {}, extraVolumes: []).
    if (defaults === null || Array.isArray(defaults) || (isMap(defaults) && Object.keys(defaults).length === 0)) return FREE;
    if (schemaFree) return FREE;
    // A scalar default (or none) and no listed properties: a type error at most, for the schema to say.
    if (!isMap(defaults)) return null;
  }
  const keys = new Map<string, KeyShape | null>();
  const defMap = isMap(defaults) ? defaults : {};
  for (const k of new Set([...Object.keys(defMap), ...props.keys()])) {
    keys.set(k, SHARED.has(k) ? FREE : build(Object.hasOwn(defMap, k) ? defMap[k] : undefined, props.get(k) ?? []));
  }
  return { free: false, keys };
}

function chartShape(chart: LoadedChart, parentTable: unknown): KeyShape {
  const defaults: ValueMap = { ...chart.defaults };
  // The parent's table for a subchart (`postgresql:` in prefect-server) adds keys the parent sets.
  if (isMap(parentTable)) for (const k of Object.keys(parentTable)) if (!Object.hasOwn(defaults, k)) defaults[k] = parentTable[k];
  const shape = build(defaults, chart.schema ? [chart.schema] : []) ?? { free: false, keys: new Map() };
  if (shape.free) return shape;
  shape.keys.set('global', FREE);
  for (const sub of chart.subcharts) shape.keys.set(sub.name, chartShape(sub.chart, chart.defaults[sub.name]));
  return shape;
}

const cache = new WeakMap<LoadedChart, KeyShape>();

/** The chart's known keys (cached per loaded chart). */
export function keyModel(chart: LoadedChart): KeyShape {
  let shape = cache.get(chart);
  if (!shape) {
    shape = chartShape(chart, undefined);
    cache.set(chart, shape);
  }
  return shape;
}

export interface UnknownKey {
  segments: string[];
  suggestion?: string;
}

/** Keys of `user` the chart does not know, with the nearest known sibling when it looks like a typo. */
export function unknownKeys(model: KeyShape, user: ValueMap): UnknownKey[] {
  const out: UnknownKey[] = [];
  const walk = (value: ValueMap, shape: KeyShape, path: string[]): void => {
    if (shape.free) return;
    for (const key of Object.keys(value)) {
      if (!shape.keys.has(key)) {
        out.push({ segments: [...path, key], suggestion: closest(key, [...shape.keys.keys()]) });
        continue;
      }
      const child = shape.keys.get(key);
      const v = value[key];
      if (child && isMap(v)) walk(v, child, [...path, key]);
    }
  };
  walk(user, model, []);
  return out;
}

/** The nearest known key at `segments`' parent, for schema errors about a key. */
export function suggestKey(model: KeyShape, segments: ReadonlyArray<string | number>): string | undefined {
  let shape: KeyShape | null | undefined = model;
  for (const s of segments.slice(0, -1)) {
    if (!shape || shape.free) return undefined;
    shape = shape.keys.get(String(s));
  }
  if (!shape || shape.free) return undefined;
  return closest(String(segments[segments.length - 1]), [...shape.keys.keys()]);
}
