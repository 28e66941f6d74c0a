// A text that is the same for two values exactly when they are the same data: maps (key order included),
// lists, strings, numbers (NaN, infinities and -0 apart), bigints, booleans and null. JSON alone would not
// do: it prints NaN and null alike and cannot print a bigint.

/** The fingerprint of plain values; undefined for anything else in them (nothing is remembered then). */
export function fingerprint(v: unknown): string | undefined {
  const parts: string[] = [];
  return add(v, parts, 0) ? parts.join('') : undefined;
}

const MAX_DEPTH = 256;

function add(v: unknown, parts: string[], depth: number): boolean {
  switch (typeof v) {
    case 'string':
      parts.push(JSON.stringify(v));
      return true;
    case 'number':
      parts.push(Object.is(v, -0) ? '-0' : String(v));
      return true;
    case 'bigint':
      parts.push(`${v}n`);
      return true;
    case 'boolean':
      parts.push(v ? 't' : 'f');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) {
    parts.push('~');
    return true;
  }
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return false;
    parts.push('[');
    for (const x of v) {
      if (!add(x, parts, depth + 1)) return false;
      parts.push(',');
    }
    parts.push(']');
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  parts.push('{');
  for (const k of Object.keys(v)) {
    parts.push(JSON.stringify(k), ':');
    if (!add((v as Record<string, unknown>)[k], parts, depth + 1)) return false;
    parts.push(',');
  }
  parts.push('}');
  return true;
}
