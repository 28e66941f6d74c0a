// What helm's manifest sorter demands of every rendered document before it orders them
// (helm/helm pkg/releaseutil/manifest_sorter.go): sigs.k8s.io/yaml turns the document into JSON, which
// fails on an infinite or NaN number, and decodes it into SimpleHead {apiVersion, kind string;
// metadata {name string; annotations map[string]string}}, which fails on a list or map in a string field.
import { RenderFailedError, type TemplateIssue } from './errors.js';
import type { SourcedDoc } from './serialize.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** encoding/json's type word for a decoded JSON value. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'string' : 'number';
}

/**
 * Whether a value holds a non-finite number anywhere: a walk without a stack, for the usual answer,
 * no. Frozen subtrees are walked too: user values are frozen with the defaults, and a `.nan` there is
 * as much an error as anywhere (the emitter's note spares the walk for documents that print none).
 */
function anyNonFinite(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (anyNonFinite(v[i])) return true;
    return false;
  }
  for (const k in v) if (anyNonFinite((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** The first non-finite number in a document (json: unsupported value), or undefined. */
function nonFinite(root: unknown): number | undefined {
  if (!anyNonFinite(root)) return undefined;
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return v;
    } else if (typeof v === 'object' && v !== null) {
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else for (const k in v) stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return undefined;
}

/** Values of the keys encoding/json matches to a field: its name, compared case-insensitively. */
function fieldValues(obj: Record<string, unknown>, field: string): unknown[] {
  const out: unknown[] = [];
  for (const k of Object.keys(obj)) if (k.toLowerCase() === field) out.push(obj[k]);
  return out;
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/**
 * A key as encoding/json matches it to a field (case-insensitively), for the four fields read here:
 * lowercased only when its length is one of theirs (most keys are not; spec, labels, data…).
 */
function fieldName(key: string): string {
  const n = key.length;
  return n === 4 || n === 8 || n === 10 || n === 11 ? key.toLowerCase() : key;
}

/**
 * sigs.k8s.io/yaml converts a scalar to the string a string field wants (`name: true` reads as "true",
 * an infinite float as "+Inf"), so only a list or map there fails, and a scalar where a map is wanted.
 */
function headProblem(doc: Record<string, unknown>, finite: boolean): string | undefined {
  const typeError = (v: unknown, field: string, type: string): string =>
    `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonType(v)} into Go struct field ${field} of type ${type}`;
  // Everything but the string fields SimpleHead reads must be plain JSON: no infinite or NaN numbers.
  const rest: unknown[] = [];
  let problem: string | undefined;
  for (const key in doc) {
    const v = doc[key];
    const field = fieldName(key);
    if (field === 'apiversion' || field === 'kind') {
      if (!isScalar(v)) problem ??= typeError(v, `SimpleHead.${field === 'kind' ? 'kind' : 'apiVersion'}`, 'string');
    } else if (field === 'metadata' && v !== null) {
      if (!isObj(v)) {
        problem ??= typeError(v, 'SimpleHead.metadata', 'struct { Name string "json:\\"name\\""; Annotations map[string]string "json:\\"annotations\\"" }');
        continue;
      }
      for (const mk in v) {
        const mv = v[mk];
        const mfield = fieldName(mk);
        if (mfield === 'name') {
          if (!isScalar(mv)) problem ??= typeError(mv, '.metadata.name', 'string');
        } else if (mfield === 'annotations' && mv !== null) {
          if (!isObj(mv)) problem ??= typeError(mv, '.metadata.annotations', 'map[string]string');
          else for (const av of Object.values(mv)) if (!isScalar(av)) problem ??= typeError(av, '.metadata.annotations', 'string');
        } else rest.push(mv);
      }
    } else rest.push(v);
  }
  const bad = finite ? undefined : nonFinite(rest);
  // The JSON conversion runs before decoding, so its error wins.
  if (bad !== undefined) return `error converting YAML to JSON: json: unsupported value: ${Number.isNaN(bad) ? 'NaN' : bad > 0 ? '+Inf' : '-Inf'}`;
  return problem;
}

/**
 * Throws helm's "YAML parse error on <template>" for every document the sorter could not read.
 * `finite(doc)` true says the document is known to hold no NaN or infinity (the emitter printed
 * none), so it is not walked for one.
 */
export function checkManifestHeads(docs: readonly SourcedDoc[], finite: (doc: SourcedDoc) => boolean = () => false): void {
  const issues: TemplateIssue[] = [];
  for (const d of docs) {
    const problem = headProblem(d.object, finite(d));
    if (problem) issues.push({ code: 'MANIFEST_YAML', template: d.source, message: `YAML parse error: ${problem}` });
  }
  if (issues.length) throw new RenderFailedError(issues);
}
