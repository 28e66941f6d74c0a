// Go text/template behaviour the chart templates lean on, as helm v3.10.1 runs it (missingkey=zero):
// field chains, `range`, `len`, `eq` against a string, and printf's `%s`, each failing where Go fails.
// Follows text/template exec.go (evalField, walkRange) and funcs.go (eq, length).
import type { RenderContext } from '../context.js';
import { TemplateExecError } from '../errors.js';
import { isDeeplyFrozen } from '../values/maps.js';
import { compareGoStrings, goPrint, goTypeName, isMap, isNil } from '../gotemplate/go-format.js';

/**
 * `.a.b.c` from `root`: each step reads a map key (a missing key is nil); stepping into nil or into a
 * non-map stops the render ("nil pointer evaluating interface {}.b").
 */
export function dig(root: unknown, path: string, from = ''): unknown {
  let cur = root;
  const keys = splitPath(path);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // Values are plain data: an object that is not a list is a map (no prototype check, which in V8
    // costs more than the lookup itself).
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) {
      // The walked chain is spelled out only for the error (building it on every step cost more than the walk).
      const walked = `${from}.${keys.slice(0, i + 1).join('.')}`;
      if (isNil(cur)) throw new TemplateExecError(`at <${walked}>: nil pointer evaluating interface {}.${key}`);
      throw new TemplateExecError(`at <${walked}>: can't evaluate field ${key} in type interface {}`);
    }
    const x = (cur as Record<string, unknown>)[key];
    // Only own keys count: an inherited value is a function or (for `__proto__`) the prototype.
    cur = (typeof x !== 'function' && key !== '__proto__') || Object.hasOwn(cur, key) ? x : undefined;
  }
  return cur;
}

/** Templates walk the same few hundred literal paths on every render: split each once. */
const splitPaths = new Map<string, readonly string[]>();

export function splitPath(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size < 4096) splitPaths.set(path, keys);
  }
  return keys;
}

/**
 * `.Values.<path>`. Prepared values are deep-frozen, so what a path reads from them never changes:
 * remembered per values object and path (templates read the same few hundred paths every render).
 */
export function val(ctx: RenderContext, path: string): unknown {
  const root = ctx.Values;
  let known = readsByValues.get(root);
  if (known === undefined) {
    if (!isDeeplyFrozen(root)) return dig(root, path, '.Values');
    readsByValues.set(root, (known = new Map()));
  }
  let v = known.get(path);
  if (v === undefined) {
    v = dig(root, path, '.Values');
    if (known.size < 4096) known.set(path, v === undefined ? MISSING : v);
  }
  return v === MISSING ? undefined : v;
}

const readsByValues = new WeakMap<object, Map<string, unknown>>();
const MISSING = Symbol('missing');

/** The items `{{ range v }}` visits: list elements, map values by sorted key, nothing for nil. */
export function rangeValues(v: unknown, what = 'value'): unknown[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort(compareGoStrings).map((k) => v[k]);
  throw new TemplateExecError(`range can't iterate over ${goPrint(v)} (${what})`);
}

/** text/template's `len`: bytes of a string, items of a list or map; anything else stops the render. */
export function goLen(v: unknown): number {
  if (isNil(v)) throw new TemplateExecError('error calling len: len of nil pointer');
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  throw new TemplateExecError(`error calling len: len of type ${goTypeName(v)}`);
}

/**
 * `eq v "<text>"`: nil never equals a string, strings compare, a list or map is uncomparable and any
 * other type is incompatible with a string.
 */
export function eqString(v: unknown, text: string, what = 'eq'): boolean {
  if (isNil(v)) return false;
  if (typeof v === 'string') return v === text;
  if (Array.isArray(v) || isMap(v)) {
    throw new TemplateExecError(`error calling ${what}: uncomparable type ${goTypeName(v)}: ${goPrint(v)}`);
  }
  throw new TemplateExecError(`error calling ${what}: incompatible types for comparison`);
}

/** fmt's `%s` of one operand: strings as they are, other types flagged as `%!s(type=value)`. */
export function fmtS(v: unknown): string {
  return isNil(v) ? '%!s(<nil>)' : fmtSInner(v);
}

/** Inside a list or map, fmt prints a nil element as `<nil>` and applies %s to every other one. */
function fmtSInner(v: unknown): string {
  if (isNil(v)) return '<nil>';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(fmtSInner).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort(compareGoStrings).map((k) => `${k}:${fmtSInner(v[k])}`).join(' ')}]`;
  return `%!s(${goTypeName(v)}=${goPrint(v)})`;
}
