// Go's encoding/json Marshal of template values (as of go1.18, which built helm v3.10.1).
// Follows golang/go src/encoding/json/encode.go (floatEncoder, encodeState.string with escapeHTML).
import { GoStruct, isMap, isNil, isNilSlice, JsonFields, sortedKeys } from './go-value.js';

/** json.Marshal failed (Helm's toJson then yields ""). */
export class GoJsonError extends Error {}

/** encoding/json float formatting: 'f' unless |f| < 1e-6 or >= 1e21, then 'e' with e-07 cleaned to e-7.
 * That is exactly JavaScript's Number#toString except for negative zero. */
export function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new GoJsonError(`json: unsupported value: ${f === Infinity ? '+Inf' : f === -Infinity ? '-Inf' : 'NaN'}`);
  if (Object.is(f, -0)) return '-0';
  return String(f);
}

const hex = '0123456789abcdef';

/** A JSON string literal with Go's escaping: HTML-safe (<, >, & as \u00XX), U+2028/2029 escaped,
 * control chars as \u00XX except \n \r \t (go1.18 has no \b \f short forms), invalid UTF-16 as \ufffd. */
export function jsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26) continue;
      if (c === 0x22) rep = '\\"';
      else if (c === 0x5c) rep = '\\\\';
      else if (c === 0x0a) rep = '\\n';
      else if (c === 0x0d) rep = '\\r';
      else if (c === 0x09) rep = '\\t';
      else rep = '\\u00' + hex[c >> 4] + hex[c & 0xf];
    } else if (c === 0x2028 || c === 0x2029) {
      rep = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = '\\ufffd';
    } else {
      continue;
    }
    out += s.slice(start, i) + rep;
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** json.Marshal; throws GoJsonError for what Go cannot encode (NaN, Inf, functions). */
export function goJsonMarshal(v: unknown, depth = 0): string {
  if (depth > 1000) throw new GoJsonError('json: unsupported value: encountered a cycle');
  if (isNil(v)) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return jsonFloat(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return jsonString(v);
    case 'function':
      throw new GoJsonError('json: unsupported type: func()');
    default:
      break;
  }
  if (Array.isArray(v)) return isNilSlice(v) ? 'null' : '[' + v.map((x) => goJsonMarshal(x, depth + 1)).join(',') + ']';
  if (v instanceof GoStruct) return goJsonMarshal(v.jsonValue(), depth + 1);
  if (v instanceof JsonFields) return '{' + v.entries.map(([k, x]) => jsonString(k) + ':' + goJsonMarshal(x, depth + 1)).join(',') + '}';
  if (isMap(v)) {
    if (isNilSlice(v)) return 'null';
    return '{' + sortedKeys(v).map((k) => jsonString(k) + ':' + goJsonMarshal(v[k], depth + 1)).join(',') + '}';
  }
  throw new GoJsonError(`json: unsupported type: ${Object.prototype.toString.call(v)}`);
}

/** Helm's toJson (pkg/engine/funcs.go): json.Marshal, "" on error. */
export function toJson(v: unknown): string {
  try {
    return goJsonMarshal(v);
  } catch (e) {
    if (e instanceof GoJsonError) return '';
    throw e;
  }
}
