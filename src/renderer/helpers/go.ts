// Go and sprig value semantics the chart templates rely on, in one place for every chart:
// how `{{ x }}` prints, sprig's `default`/`empty`/`quote`, `trunc`, `trimSuffix`.
import { compareGoStrings, empty, goPrint, goQuote, goTypeName, isMap, isNil, isTrue, toJson, toYaml } from '../gotemplate/go-format.js';
import { TemplateExecError } from '../errors.js';

export { empty, goPrint, goQuote, goTypeName, isMap, isNil, isTrue, toJson, toYaml };

/** sprig's strval: strings as they are, everything else as fmt's %v. */
export function strval(v: unknown): string {
  return typeof v === 'string' ? v : goPrint(v);
}

/** How `{{ v }}` prints in a template: nil prints nothing (helm removes `<no value>`). */
export function printText(v: unknown): string {
  return isNil(v) ? '' : goPrint(v);
}

/** sprig `default`: `given` unless it is empty (Go's zero values, empty lists and maps). */
export function dflt<T, D>(fallback: D, given: T): T | D {
  return empty(given) ? fallback : given;
}

/** sprig `quote` as text: nil becomes nothing at all, anything else Go's %q of its strval. */
export function quoteText(v: unknown): string {
  return isNil(v) ? '' : goQuote(strval(v));
}

/** sprig `trunc` for a positive length. */
export function trunc(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** `trunc 63 | trimSuffix "-"`: the Kubernetes name limit, as the charts apply it. */
export function dnsTrunc(s: string): string {
  const t = trunc(s, 63);
  return t.endsWith('-') ? t.slice(0, -1) : t;
}

/**
 * Go's `range`: list items with their index, map values in sorted key order, nothing for nil.
 * Anything else cannot be ranged over, and helm stops with an error.
 */
export function goRange(v: unknown, what = 'value'): Array<[string | number, unknown]> {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (isMap(v)) return Object.keys(v).sort(compareGoStrings).map((k) => [k, v[k]]);
  throw new TemplateExecError(`range can't iterate over ${what} of type ${goTypeName(v)}`);
}

/**
 * A step of a field chain, `.Values.a.b`, as Go templates take it: a key of a map (nil when absent).
 * Stepping through nil stops helm ("nil pointer evaluating interface {}.b"), and so does a field of
 * a string or a list.
 */
export function field(v: unknown, key: string, what = 'value'): unknown {
  if (isMap(v)) return Object.hasOwn(v, key) ? v[key] : undefined;
  if (isNil(v)) throw new TemplateExecError(`nil pointer evaluating interface {}.${key}`);
  throw new TemplateExecError(`can't evaluate field ${key} in ${what} of type ${goTypeName(v)}`);
}

/**
 * A field of a parenthesised pipeline, `(.Values.global).x`: Go unwraps a nil result to "no value",
 * whose fields are nil without an error. This is why bitnami writes `((.Values.global).imageRegistry)`.
 */
export function maybeField(v: unknown, key: string, what = 'value'): unknown {
  return isNil(v) ? undefined : field(v, key, what);
}
