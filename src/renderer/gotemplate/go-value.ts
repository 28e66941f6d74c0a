// How JS values model Go values inside templates, and Go's notion of truth and emptiness.
import { FuncError } from './func-types.js';
//
// Model: null/undefined = nil; number = float64 (every number read from a values file, since Helm reads
// values through JSON); bigint = int64 (from `--set` and integer-returning functions); string; boolean;
// arrays = []interface {}; plain objects = map[string]interface {}; functions = methods on the dot.

/** A Go map as templates see it: a plain object (own enumerable string keys). */
export type GoMap = Record<string, unknown>;

/** Go nil: JS null or undefined. */
export function isNil(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** A Go map: a non-null, non-array object that is not a Date/RegExp-like built-in. */
export function isMap(v: unknown): v is GoMap {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === null || proto === Object.prototype;
}

/** Own property lookup that treats `__proto__`, `constructor`, `prototype` as ordinary keys. */
export function getKey(m: GoMap, key: string): unknown {
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

/**
 * Helm lets set, unset, merge and mergeOverwrite change the chart's values in place (later templates
 * see the change); the chart defaults are shared and frozen here, so a templated value may not.
 */
export const FROZEN_VALUES = "a templated value cannot change the chart's own values in place (sprig set, unset, merge or mergeOverwrite on a map from .Values): helm allows it; work on a deepCopy";

/** Own property write that cannot reach the prototype (a `__proto__` key stays a plain key). */
export function setKey(m: GoMap, key: string, value: unknown): void {
  // Only `__proto__` is an accessor on the way (Object.prototype's); every other key assigns as an own
  // data property, and a plain assignment is several times cheaper than defineProperty.
  // A frozen map (chart defaults) refuses the write with defineProperty's error, as it always did.
  if (Object.isFrozen(m)) throw new FuncError(FROZEN_VALUES);
  if (key === '__proto__' || !Object.isExtensible(m)) Object.defineProperty(m, key, { value, writable: true, enumerable: true, configurable: true });
  else m[key] = value;
}

/** A fresh Go map; null prototype so no inherited key is ever visible. */
export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** Compare strings as Go does (byte-wise on UTF-8, i.e. by code point), not by UTF-16 code unit. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after every BMP char in UTF-8 order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Map keys in Go's sorted order (fmt, encoding/json and text/template range all sort byte-wise). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Go template truth (text/template exec.go isTrue): zero values and empty containers are false. */
export function isTrue(v: unknown): boolean {
  if (isNil(v)) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0;
    case 'bigint':
      return v !== 0n;
    case 'string':
      return v.length > 0;
    case 'function':
      return true;
    default:
      if (Array.isArray(v)) return v.length > 0;
      if (isMap(v)) {
        // Any own enumerable key, without listing them all.
        for (const k in v) if (Object.hasOwn(v, k)) return true;
        return false;
      }
      return true;
  }
}

/** Sprig's `empty` (sprig defaults.go): the same zero-value rule as Go truth, negated. */
export function empty(v: unknown): boolean {
  return !isTrue(v);
}

/**
 * A Go struct a function returns (time.Time, sprig's certificate): typeOf names its type, kindOf says
 * `struct`, and encoding/json (so toJson and toYaml) writes what `jsonValue` gives.
 */
const GO_STRUCT = Symbol.for('prefect-charts.go-struct');
const JSON_FIELDS = Symbol.for('prefect-charts.json-fields');

/** State both copies of this module (main bundle and evaluator sibling) must share. */
const shared = globalThis as unknown as Record<symbol, unknown>;

export abstract class GoStruct {
  /**
   * The CLI loads the evaluator as a sibling bundle with its own copy of this module, while helm's context
   * structs are made in the main one: `x instanceof GoStruct` asks for a brand both copies set.
   */
  static [Symbol.hasInstance](v: unknown): boolean {
    if (this !== GoStruct) return Function.prototype[Symbol.hasInstance].call(this, v);
    return typeof v === 'object' && v !== null && (v as { [GO_STRUCT]?: boolean })[GO_STRUCT] === true;
  }
  /** The type as `%T` prints it: `time.Time`, `sprig.certificate`. */
  abstract readonly goType: string;
  /** A fmt.Stringer: fmt's string verbs format its String() (toString here). */
  get stringer(): boolean {
    return false;
  }
  /** The kind as sprig `kindOf` prints it (a pointer to a struct is `ptr`). */
  get goKind(): string {
    return 'struct';
  }
  /** The type `len` names when it refuses the value (it looks through a pointer). */
  get lenType(): string {
    return this.goType;
  }
  /** What json.Marshal encodes: a MarshalJSON result, or the exported fields as a map. */
  abstract jsonValue(): unknown;
}
Object.defineProperty(GoStruct.prototype, GO_STRUCT, { value: true });

/**
 * The Go type of a list or map that is not a []interface {} or map[string]interface {} (a []string from
 * splitList, a map[string]string from split, helm's chartutil.Values), kept beside the value (frozen
 * values included); copies and key walks do not see it.
 */
const goTypes = (shared[Symbol.for('prefect-charts.go-types')] ??= new WeakMap<object, string>()) as WeakMap<object, string>;

/** Lists and maps that are Go nil slices and maps: no items, and encoding/json (so toJson and toYaml) writes them as null. */
const nilSlices = (shared[Symbol.for('prefect-charts.nil-slices')] ??= new WeakSet<object>()) as WeakSet<object>;

/** Give a list or map its Go type (see goTypes); returns it. */
export function withGoType<T extends object>(v: T, type: string): T {
  // The same (shared, frozen) value is typed again on every render: read before writing.
  if (goTypes.get(v) !== type) goTypes.set(v, type);
  return v;
}

/** A nil slice of the given type: what sprig's rest/initial of an empty list, a concat of nothing, a regexFindAll without a match give. */
export function nilSlice(type = '[]interface {}'): unknown[] {
  const a = withGoType<unknown[]>([], type);
  nilSlices.add(a);
  return a;
}

/** A nil map of the given type: no keys, and encoding/json writes it as null. */
export function nilMap(type: string): GoMap {
  const m = withGoType(newMap(), type);
  nilSlices.add(m);
  return m;
}

/** A nil slice or map (see nilSlice, nilMap) that is still empty. */
export function isNilSlice(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || !nilSlices.has(v)) return false;
  return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
}

/** A map a map[string]interface {} parameter takes: an untyped one, or a chartutil.Values (assignable to it). */
export function isInterfaceMap(v: unknown): v is GoMap {
  if (!isMap(v)) return false;
  const t = goTypes.get(v);
  return t === undefined || t === 'chartutil.Values';
}

/** A struct's JSON object with its fields in declaration order (encoding/json does not sort them). */
export class JsonFields {
  /** A brand, as for GoStruct: the evaluator bundle's copy of this class must recognise the main one's. */
  static [Symbol.hasInstance](v: unknown): boolean {
    return typeof v === 'object' && v !== null && (v as { [JSON_FIELDS]?: boolean })[JSON_FIELDS] === true;
  }
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}
Object.defineProperty(JsonFields.prototype, JSON_FIELDS, { value: true });

/** Go type name of a value as `%T` / sprig `typeOf` prints it. */
export function goTypeName(v: unknown): string {
  if (isNil(v)) return '<nil>';
  if (v instanceof GoStruct) return v.goType;
  if (typeof v === 'object') {
    const t = goTypes.get(v);
    if (t !== undefined) return t;
  }
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int64';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    default:
      if (Array.isArray(v)) return '[]interface {}';
      return 'map[string]interface {}';
  }
}

/** Go reflect.Kind name as sprig `kindOf` prints it. */
export function goKindName(v: unknown): string {
  if (isNil(v)) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int64';
    case 'string':
      return 'string';
    case 'function':
      return 'func';
    default:
      return Array.isArray(v) ? 'slice' : v instanceof GoStruct ? v.goKind : 'map';
  }
}
