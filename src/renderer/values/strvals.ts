// Helm's `--set` family parser. Follows helm/helm pkg/strvals/parser.go at v3.10.1: the same grammar
// (`a.b=c`, `a[0]=x`, `a={x,y}`, `\` escapes, `,` separators), the same typing, and the same
// outcomes, but with errors that say which expression and which part of it was wrong.
import { isMap, MAX_VALUE_DEPTH, newMap, setKey, type ValueMap } from './maps.js';

export type SetKind = 'set' | 'set-string' | 'set-json' | 'set-file';

export class SetParseError extends Error {
  readonly code = 'BAD_SET';
  constructor(
    readonly flag: SetKind,
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`--${flag} ${quote(expression)}: ${reason}`);
  }
}

/** Longest piece of user text quoted in a message, so a huge `--set-json` still gives a short line. */
const QUOTE_LIMIT = 120;

/** User text in a message: JSON-quoted (newlines escaped, so the message stays one line) and clipped. */
function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
}

/** Reads a `--set-file` path into the value it stands for (the file's text, verbatim). */
export type FileReader = (path: string) => string;

/** Helm's limit on list indexes, so `a[99999999]=x` cannot allocate a huge array. */
export const MAX_INDEX = 65536;

/**
 * `--set` typing (typedVal): true/false/null any case, integers without a leading 0; all else a string.
 * Integers are Go int64 in helm, kept apart from file numbers (float64) as a bigint, because Go prints
 * them differently: `12345678901` against `1.2345678901e+10`.
 */
export function typedValue(raw: string): unknown {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (raw === '0') return 0n;
  // strconv.ParseInt(val, 10, 64): optional sign, decimal digits, int64 range. A leading 0 keeps it a string.
  if (raw.length > 0 && raw[0] !== '0' && /^[+-]?\d+$/.test(raw)) {
    const n = BigInt(raw);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return n;
  }
  return raw;
}

/**
 * One string per distinct key: a key sliced from the expression is a new string every time, and V8
 * looks a new string up slowly when it names a property (the values these keys build are read many
 * times per render). Bounded: cleared when full.
 */
const canonicalKeys = new Map<string, string>();

function canonicalKey(k: string): string {
  const known = canonicalKeys.get(k);
  if (known !== undefined) return known;
  if (k.length <= 256) {
    if (canonicalKeys.size >= 4096) canonicalKeys.clear();
    canonicalKeys.set(k, k);
  }
  return k;
}

const EOF = Symbol('eof');
type Stop = string | typeof EOF;

class Failure extends Error {}

/** A rune scanner over one expression; `\` escapes the next character inside keys and values. */
class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  /** Read until one of `stops` (consumed and returned) or the end. */
  until(stops: string): { runes: string; last: Stop } {
    // Runs of plain characters are sliced whole, not appended one by one.
    const text = this.text;
    let out = '';
    let start = this.pos;
    while (this.pos < text.length) {
      const ch = text[this.pos];
      if (stops.includes(ch)) {
        out += text.slice(start, this.pos++);
        return { runes: out, last: ch };
      }
      if (ch === '\\') {
        out += text.slice(start, this.pos++);
        if (this.pos >= text.length) return { runes: out, last: EOF };
        out += text[this.pos++];
        start = this.pos;
        continue;
      }
      this.pos++;
    }
    out += text.slice(start);
    return { runes: out, last: EOF };
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }
}

class Parser {
  private readonly sc: Scanner;
  /** Nesting of the key being parsed (`a.b[0].c` is 4 deep); bounded so a hostile key cannot overflow the stack. */
  private depth = 0;
  constructor(
    text: string,
    private readonly kind: SetKind,
    private readonly readFile: FileReader | undefined,
  ) {
    this.sc = new Scanner(text);
  }

  parseInto(data: ValueMap): void {
    while (this.sc.pos < this.sc.text.length) {
      this.depth = 0;
      this.key(data);
    }
  }

  /** One level deeper into maps or lists; values files have the same bound (yaml-read). */
  private deeper(): void {
    if (++this.depth > MAX_VALUE_DEPTH) throw new Failure(`keys nest deeper than ${MAX_VALUE_DEPTH} levels`);
  }

  private convert(raw: string): unknown {
    switch (this.kind) {
      case 'set':
        return typedValue(raw);
      case 'set-string':
        return raw;
      case 'set-file':
        if (!this.readFile) throw new Failure('no file reader');
        return this.readFile(raw);
      case 'set-json':
        throw new Failure('internal: json values are parsed separately');
    }
  }

  private key(data: ValueMap): void {
    const { runes, last } = this.sc.until('=[,.');
    const k = canonicalKey(runes);
    if (last === EOF) {
      if (k.length === 0) return;
      throw new Failure(`key ${quote(k)} has no value`);
    }
    if (last === '[') {
      const index = this.keyIndex();
      const existing = Object.hasOwn(data, k) ? data[k] : undefined;
      if (existing !== undefined && !Array.isArray(existing)) {
        throw new Failure(`${quote(k)} is not a list, so ${quote(`${k}[${index}]`)} cannot be set`);
      }
      const list = this.listItem(existing === undefined ? [] : (existing as unknown[]), index);
      if (k !== '') setKey(data, k, list);
      return;
    }
    if (last === '=') {
      const value = this.valueAfterEquals();
      // helm's set() ignores an empty key: `=x` and `a.=x` set nothing.
      if (k !== '') setKey(data, k, value);
      return;
    }
    if (last === ',') {
      throw new Failure(`key ${quote(k)} has no value (cannot end with ,)`);
    }
    // last === '.': descend into a map, creating it when absent.
    const existing = Object.hasOwn(data, k) ? data[k] : undefined;
    if (existing !== undefined && !isMap(existing)) {
      throw new Failure(`${quote(k)} is already set to a ${describe(existing)}, so it cannot hold nested keys`);
    }
    const inner = existing === undefined ? newMap() : existing;
    this.deeper();
    this.key(inner);
    if (Object.keys(inner).length === 0) throw new Failure(`key map ${quote(k)} has no value`);
    setKey(data, k, inner);
  }

  private keyIndex(): number {
    const { runes, last } = this.sc.until(']');
    if (last === EOF) throw new Failure(`list index ${quote(`[${runes}`)} is missing its closing "]"`);
    if (!/^[+-]?\d+$/.test(runes)) throw new Failure(`list index ${quote(`[${runes}]`)} is not an integer`);
    const i = Number(runes);
    if (i < 0) throw new Failure(`negative ${i} index not allowed`);
    if (i > MAX_INDEX) throw new Failure(`index of ${i} is greater than maximum supported index of ${MAX_INDEX}`);
    return i;
  }

  private valueAfterEquals(): unknown {
    if (this.kind === 'set-json') return this.jsonValue();
    // Nothing after `=` is the empty string, whatever the flag (helm's valList hits EOF).
    if (this.sc.peek() === undefined) return '';
    const list = this.valList();
    if (list !== undefined) return list;
    const { runes } = this.sc.until(',');
    return this.convert(runes);
  }

  /** `{a,b}` list syntax; undefined when the value is not a list. */
  private valList(): unknown[] | undefined {
    if (this.sc.peek() !== '{') return undefined;
    this.sc.pos++;
    const list: unknown[] = [];
    for (;;) {
      const { runes, last } = this.sc.until(',}');
      if (last === EOF) throw new Failure(`list must terminate with '}'`);
      list.push(this.convert(runes));
      if (last === '}') {
        if (this.sc.peek() === ',') this.sc.pos++;
        return list;
      }
    }
  }

  /** `--set-json`: a JSON document follows `=`, then an optional `,`. */
  private jsonValue(): unknown {
    if (this.emptyVal()) return null;
    const rest = this.sc.text.slice(this.sc.pos);
    const { value, length } = decodeFirstJson(rest, this.depth);
    this.sc.pos += length;
    if (!this.emptyVal()) throw new Failure(`unexpected text after the JSON value: ${quote(this.sc.text.slice(this.sc.pos))}`);
    return value;
  }

  /** Skip spaces; true at the end or after a `,` (which it consumes). */
  private emptyVal(): boolean {
    while (this.sc.pos < this.sc.text.length) {
      const ch = this.sc.text[this.sc.pos];
      if (ch === ',') {
        this.sc.pos++;
        return true;
      }
      if (!/\s/.test(ch)) return false;
      this.sc.pos++;
    }
    return true;
  }

  private listItem(list: unknown[], i: number): unknown[] {
    const { runes: k, last } = this.sc.until('[.=');
    if (k.length > 0) throw new Failure(`unexpected data at end of array index: ${quote(k)}`);
    // `a[0]` alone leaves the list as it is (helm sets it, unchanged).
    if (last === EOF) return list;
    if (last === '=') {
      return setIndex(list, i, this.valueAfterEquals());
    }
    this.deeper();
    if (last === '[') {
      const next = this.keyIndex();
      const existing = list.length > i ? list[i] : undefined;
      if (existing != null && !Array.isArray(existing)) {
        throw new Failure(`list item [${i}] is a ${describe(existing)}, not a list`);
      }
      return setIndex(list, i, this.listItem(existing == null ? [] : (existing as unknown[]), next));
    }
    // last === '.': a map inside the list; anything else there is replaced by a map.
    const existing = list.length > i ? list[i] : undefined;
    const inner = isMap(existing) ? existing : newMap();
    this.key(inner);
    return setIndex(list, i, inner);
  }
}

function setIndex(list: unknown[], i: number, value: unknown): unknown[] {
  // Go grows the slice with nil entries; keep them as null, never as JS holes.
  const out = list.length <= i ? [...list, ...new Array<null>(i + 1 - list.length).fill(null)] : list;
  out[i] = value;
  return out;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'bigint') return `number (${v})`;
  return typeof v === 'object' ? 'map' : `${typeof v} (${typeof v === 'string' ? quote(v) : JSON.stringify(v)})`;
}

/** Decode the first JSON value of `text` (Go's json.Decoder.Decode): value and characters consumed. */
function decodeFirstJson(text: string, keyDepth: number): { value: unknown; length: number } {
  // Find the shortest prefix that is valid JSON by scanning the value's extent, then JSON.parse it.
  const end = jsonExtent(text, keyDepth);
  const slice = text.slice(0, end);
  try {
    return { value: JSON.parse(slice, guardProtoKeys), length: end };
  } catch (e) {
    throw new Failure(`invalid JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** JSON.parse reviver that keeps `__proto__` as an ordinary key (JSON.parse already does; copy into null-proto maps). */
function guardProtoKeys(this: unknown, _key: string, value: unknown): unknown {
  if (isMap(value) && Object.getPrototypeOf(value) !== null) {
    const m = newMap();
    for (const k of Object.keys(value)) setKey(m, k, (value as ValueMap)[k]);
    return m;
  }
  return value;
}

/** The length of the leading JSON value (after leading white space) in `text`. */
function jsonExtent(text: string, keyDepth: number): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i])) i++;
  const start = text[i];
  if (start === '{' || start === '[') {
    // Depth is bounded here, before JSON.parse and its reviver recurse.
    let depth = keyDepth;
    const base = keyDepth;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') {
        if (++depth > MAX_VALUE_DEPTH) throw new Failure(`values nest deeper than ${MAX_VALUE_DEPTH} levels`);
      }
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === base) return i + 1;
      }
    }
    return text.length;
  }
  if (start === '"') {
    for (i++; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return i + 1;
    }
    return text.length;
  }
  // A bare literal: number, true, false, null — ends at a separator.
  while (i < text.length && !/[\s,]/.test(text[i])) i++;
  return i;
}

/** Apply one `--set`-family expression onto `data` (mutating it), as helm's ParseInto* do. */
export function parseSetInto(
  kind: SetKind,
  expression: string,
  data: ValueMap,
  readFile?: FileReader,
): void {
  try {
    new Parser(expression, kind, readFile).parseInto(data);
  } catch (e) {
    if (e instanceof Failure) throw new SetParseError(kind, expression, e.message);
    if (e instanceof SetParseError) throw e;
    // A --set-file reader's own error (missing file) is already a typed error; pass it on.
    throw e;
  }
}
