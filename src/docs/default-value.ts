// The Type and Default columns: helm-docs' type names and its backticked compact JSON.
// Follows norwoodj/helm-docs v1.14.2 pkg/document/values.go (getTypeName, jsonMarshalNoEscape): Go's
// encoding/json with SetEscapeHTML(false), so `<`, `>` and `&` stay as they are (helm-docs fixed #24 that way),
// while U+2028/U+2029 and control characters are still escaped; map keys sorted byte-wise.
import { jsonFloat } from '../renderer/gotemplate/go-json.js';
import type { DocNode } from './yaml-tree.js';

/** A default as helm-docs hands it to encoding/json: maps with string keys, lists, scalars. */
export type Jsonable = null | boolean | number | bigint | string | Jsonable[] | { [k: string]: Jsonable };

export class UnencodableValueError extends Error {}

/** helm-docs' getTypeName. JavaScript numbers carry the YAML tag's intent via `isFloat`. */
export function typeName(node: DocNode): string {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'list';
  switch (node.tag) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'str':
      return 'string';
    default:
      return '';
  }
}

/** convertHelmValuesToJsonable: the node as plain data (a later duplicate key wins, as in a Go map). */
export function toJsonable(node: DocNode): Jsonable {
  if (node.kind === 'map') {
    const out: { [k: string]: Jsonable } = Object.create(null) as { [k: string]: Jsonable };
    for (const e of node.entries) out[e.key] = toJsonable(e.value);
    return out;
  }
  if (node.kind === 'seq') return node.items.map((i) => toJsonable(i.value));
  return node.value;
}

const HEX = '0123456789abcdef';
// Go 1.22 (which built helm-docs v1.14.2) writes \b and \f short.
const SHORT: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x08: '\\b', 0x0c: '\\f' };

/** A JSON string as Go's encoder writes it with HTML escaping off. */
export function goJsonStringNoEscape(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c) rep = SHORT[c] ?? '\\u00' + HEX[c >> 4] + HEX[c & 0xf];
    else if (c === 0x2028 || c === 0x2029) rep = c === 0x2028 ? '\\u2028' : '\\u2029';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\\ufffd';
    else continue;
    out += s.slice(start, i) + rep;
    start = i + 1;
  }
  return out + s.slice(start) + '"';
}

/** Compact JSON, Go style: keys sorted by code unit, floats as Go formats them, no HTML escaping. */
export function goJsonNoEscape(v: Jsonable): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'number':
      try {
        return jsonFloat(v);
      } catch (e) {
        throw new UnencodableValueError((e as Error).message);
      }
    case 'string':
      return goJsonStringNoEscape(v);
    default:
      break;
  }
  if (Array.isArray(v)) return '[' + v.map(goJsonNoEscape).join(',') + ']';
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + keys.map((k) => goJsonStringNoEscape(k) + ':' + goJsonNoEscape(v[k])).join(',') + '}';
}

/** The Default column for a value: `json` in backticks. */
export function backtickedDefault(v: Jsonable): string {
  return '`' + goJsonNoEscape(v) + '`';
}
