// Step 5 of render: the coalesced values checked against the chart's values.schema.json with ajv,
// every violation reported with its value path (helm stops at the first chart; we list them all).
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { valuePathText } from '../renderer/values/maps.js';

export interface SchemaIssue {
  code: 'SCHEMA';
  /** Chart whose schema was violated (`prefect-server`, or the subchart's name). */
  chart: string;
  /** Dotted value path as helm prints it (`server.replicaCount`), `(root)` for the top. */
  path: string;
  /** The same path as keys and indexes, to find the value in a file. */
  segments: Array<string | number>;
  /** What was expected and what was found, in words. */
  message: string;
  keyword: string;
}

const compiled = new WeakMap<object, ValidateFunction>();
let ajv: Ajv | undefined;

/**
 * How charts' schemas are compiled. Helm's validator (gojsonschema) ignores unknown keywords and
 * formats; so do we. The build compiles the shipped charts' schemas ahead of time with these options
 * (ajv standalone code in dist/), so the CLI never loads ajv for them.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false } as const;

function getAjv(): Ajv {
  // Loaded on first use (synchronously, ajv is CommonJS): precompiled validators do not need it.
  ajv ??= new (createRequire(import.meta.url)('ajv') as typeof import('ajv')).Ajv(AJV_OPTIONS);
  return ajv;
}

/** The schema as ajv takes it: helm's `"$schema": "http://json-schema.org/schema#"` is unknown to ajv and dropped. */
export function schemaForAjv(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

const precompiled = new WeakMap<object, () => ValidateFunction>();

/**
 * A validator compiled ahead of time (from schemaForAjv(schema) with AJV_OPTIONS) for this schema
 * object, loaded on first use: renders that validate nothing never load it.
 */
export function registerCompiledSchema(schema: Record<string, unknown>, load: () => ValidateFunction): void {
  precompiled.set(schema, load);
}

/** Compile (once per schema object) a chart's schema. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    const load = precompiled.get(schema);
    fn = load ? load() : getAjv().compile(schemaForAjv(schema));
    compiled.set(schema, fn);
  }
  return fn;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  const t = typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
  const shown = JSON.stringify(v);
  return `${t} ${shown.length > 60 ? shown.slice(0, 57) + '...' : shown}`;
}

function valueAt(root: unknown, segments: ReadonlyArray<string | number>): unknown {
  let cur = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s as string];
  }
  return cur;
}

/**
 * A schema message about a value a plain `--set` gave: `--set` types `3`, `true` and `null`, so where
 * the chart wanted text, say which flag keeps it as text.
 */
export function withSetStringHint(issue: Pick<SchemaIssue, 'keyword' | 'message'>, where: string | undefined): string {
  const wantsText = issue.keyword === 'type' && /^expected (\w+ or )*string\b/.test(issue.message);
  return wantsText && where?.startsWith('--set ') ? `${issue.message} (use --set-string to pass it as text)` : issue.message;
}

/** What was expected and what was found, in words, for one ajv error (also used for Kubernetes schemas by lint). */
export function messageFor(e: ErrorObject, found: unknown): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `expected ${String(p.type).replace(',', ' or ')}, got ${describeValue(found)}`;
    case 'enum':
      return `expected one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}, got ${describeValue(found)}`;
    case 'const':
      return `expected ${JSON.stringify(p.allowedValue)}, got ${describeValue(found)}`;
    case 'required':
      return `missing required key "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown key "${String(p.additionalProperty)}" is not allowed here`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `expected a number ${String(p.comparison)} ${String(p.limit)}, got ${describeValue(found)}`;
    case 'pattern':
      return `expected a string matching ${String(p.pattern)}, got ${describeValue(found)}`;
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return `${e.message ?? e.keyword}, got ${describeValue(found)}`;
    default:
      return `${e.message ?? e.keyword}, got ${describeValue(found)}`;
  }
}

function decodePointer(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * JSON numbers only: values are plain data, but guard against non-JSON values such as bigint. Copies
 * only what it changes (the validator reads, never writes, its input), so plain values are passed
 * through as they are.
 */
function toJsonData(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'object' || v === null) return v;
  // Chart defaults are frozen and shared by every render: a frozen subtree found clean stays clean.
  if (jsonClean.has(v)) return v;
  const out = toJsonDataWalk(v);
  if (out === v && isFrozenAllTheWay(v)) jsonClean.add(v);
  return out;
}

/** Frozen subtrees known to need no change (no bigint, plain maps without a `__proto__` key). */
const jsonClean = new WeakSet<object>();

/** `v` and every map or list under it is frozen (nothing in it can change any more). */
function isFrozenAllTheWay(v: object): boolean {
  if (!Object.isFrozen(v)) return false;
  for (const x of Object.values(v)) {
    if (typeof x === 'object' && x !== null && !jsonClean.has(x) && !isFrozenAllTheWay(x)) return false;
  }
  return true;
}

function toJsonDataWalk(v: object): unknown {
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const y = toJsonData(x);
      if (y !== x) (out ??= v.slice())[i] = y;
    }
    return out ?? v;
  }
  // Anything but a plain map, or a map with an own `__proto__` key, is rebuilt as it always was.
  if (Object.getPrototypeOf(v) !== Object.prototype || Object.hasOwn(v, '__proto__')) return rebuildJsonData(v);
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[k];
    const y = toJsonData(x);
    if (y !== x) (out ??= { ...(v as Record<string, unknown>) })[k] = y;
  }
  return out ?? v;
}

function rebuildJsonData(v: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Defined, not assigned: a `__proto__` key stays a key instead of replacing the prototype.
  for (const k of Object.keys(v)) {
    Object.defineProperty(out, k, { value: toJsonData((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function validateValues(chart: string, schema: Record<string, unknown> | ValidateFunction, values: unknown): SchemaIssue[] {
  const validate = typeof schema === 'function' ? schema : compileSchema(schema);
  const data = toJsonData(values);
  if (validate(data)) return [];
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    // anyOf/oneOf report each branch too; the branch errors say more than "must match a schema".
    if (e.keyword === 'if') continue;
    const segments = decodePointer(e.instancePath);
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      const p = e.params as Record<string, unknown>;
      segments.push(String(p.missingProperty ?? p.additionalProperty));
    }
    const path = valuePathText(segments);
    const message = messageFor(e, valueAt(data, decodePointer(e.instancePath)));
    const dedupe = `${path}\u0000${message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    issues.push({ code: 'SCHEMA', chart, path, segments, message, keyword: e.keyword });
  }
  return issues;
}
