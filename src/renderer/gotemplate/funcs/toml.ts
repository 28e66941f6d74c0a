// Helm's toToml (helm v3.10.1 pkg/engine/funcs.go): BurntSushi/toml v1.1.0's Encoder over template values,
// byte for byte (encode.go): plain keys before tables, keys sorted, two-space indentation per level, and the
// encoder's own errors returned as the text of the result, as helm does.
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { formatFloatFShortest } from '../go-print.js';
import { compareGoStrings, goKindName, isMap, isNil, type GoMap } from '../go-value.js';
import { formatTime, GoTime } from './go-time.js';

/** An error the encoder returns (helm prints its text in place of the document). */
class TomlEncodeError extends Error {}

const ERR_ARRAY_NIL = 'toml: cannot encode array with nil element';
const ERR_NO_KEY = 'toml: top-level values must be Go maps or structs';

/** The TOML type the encoder sees; a table or an array of tables is written as a section. */
type TomlType = 'Bool' | 'Integer' | 'Float' | 'String' | 'Datetime' | 'Array' | 'ArrayHash' | 'Hash';

function tomlType(v: unknown): TomlType | undefined {
  if (isNil(v)) return undefined;
  if (typeof v === 'boolean') return 'Bool';
  if (typeof v === 'bigint') return 'Integer';
  if (typeof v === 'number') return 'Float';
  if (typeof v === 'string') return 'String';
  if (v instanceof GoTime) return 'Datetime';
  if (Array.isArray(v)) return arrayType(v) === 'Hash' ? 'ArrayHash' : 'Array';
  if (isMap(v)) return 'Hash';
  throw new TomlEncodeError(`unsupported type: ${goKindName(v)}`);
}

/** tomlArrayType: the type of the first element, after checking that no element is nil. */
function arrayType(a: unknown[]): TomlType | undefined {
  if (a.length === 0) return undefined;
  for (let i = 1; i < a.length; i++) if (tomlType(a[i]) === undefined) throw new TomlEncodeError(ERR_ARRAY_NIL);
  const first = tomlType(a[0]);
  if (first === undefined) throw new TomlEncodeError(ERR_ARRAY_NIL);
  return first;
}

const isTable = (t: TomlType | undefined): boolean => t === 'Hash' || t === 'ArrayHash';

/** The encoder's dblQuotedReplacer: quotes, backslashes and control bytes escaped, everything else as is. */
function escapeString(s: string): string {
  return s.replace(/["\\\x00-\x1f\x7f]/g, (c) => {
    switch (c) {
      case '"':
        return '\\"';
      case '\\':
        return '\\\\';
      case '\b':
        return '\\b';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      case '\f':
        return '\\f';
      case '\r':
        return '\\r';
      default:
        return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }
  });
}

/** Key.maybeQuoted: bare keys (A-Za-z0-9_-) as they are, others quoted. */
const quoteKey = (k: string): string => (k === '' ? '""' : /^[A-Za-z0-9_-]+$/.test(k) ? k : `"${escapeString(k)}"`);
const keyText = (key: string[]): string => key.map(quoteKey).join('.');
const indent = (key: string[]): string => '  '.repeat(Math.max(key.length - 1, 0));

/** The reflect.Kind the encoder's eTable panic names for a value that is not a table. */
function kindName(v: unknown): string {
  if (v instanceof GoTime) return 'struct';
  return goKindName(v);
}

class TomlEncoder {
  out = '';
  private written = false;

  private write(s: string): void {
    this.out += s;
    this.written = true;
  }

  private newline(): void {
    if (this.written) this.write('\n');
  }

  encode(key: string[], v: unknown): void {
    if (v instanceof GoTime || typeof v === 'bigint' || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
      return this.keyValue(key, v, false);
    }
    if (isNil(v)) return;
    if (Array.isArray(v)) {
      if (tomlType(v) === 'ArrayHash') return this.arrayOfTables(key, v);
      return this.keyValue(key, v, false);
    }
    if (isMap(v)) return this.table(key, v);
    throw new TomlEncodeError(`unsupported type for key '${keyText(key)}': ${goKindName(v)}`);
  }

  private element(v: unknown): void {
    if (v instanceof GoTime) return this.write(formatTime(v, '2006-01-02T15:04:05.999999999Z07:00'));
    if (typeof v === 'string') return this.write(`"${escapeString(v)}"`);
    if (typeof v === 'boolean') return this.write(v ? 'true' : 'false');
    if (typeof v === 'bigint') return this.write(v.toString());
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return this.write('nan');
      if (!Number.isFinite(v)) return this.write(v < 0 ? '-inf' : '+inf');
      // TOML floats need a decimal point.
      const f = formatFloatFShortest(v);
      return this.write(f.includes('.') ? f : f + '.0');
    }
    if (Array.isArray(v)) {
      this.write('[');
      v.forEach((x, i) => {
        this.element(x);
        if (i !== v.length - 1) this.write(', ');
      });
      return this.write(']');
    }
    if (isMap(v)) return this.map([], v, true);
    // A nil reached inside an inline value: Go asks reflect for the element of a nil interface.
    throw new FuncError('reflect: call of reflect.Value.Interface on zero Value');
  }

  private arrayOfTables(key: string[], a: unknown[]): void {
    if (key.length === 0) throw new TomlEncodeError(ERR_NO_KEY);
    for (const t of a) {
      if (isNil(t)) continue;
      this.newline();
      this.write(`${indent(key)}[[${keyText(key)}]]`);
      this.newline();
      if (!isMap(t)) throw new FuncError(`eTable: unhandled reflect.Value Kind: ${kindName(t)}`);
      this.map(key, t, false);
    }
  }

  private table(key: string[], m: GoMap): void {
    // A blank line between top-level tables (once something has been written).
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.write(`${indent(key)}[${keyText(key)}]`);
      this.newline();
    }
    this.map(key, m, false);
  }

  /** eMap: keys holding plain values first, then tables; each group sorted. */
  private map(key: string[], m: GoMap, inline: boolean): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(m)) (isTable(tomlType(m[k])) ? sub : direct).push(k);
    const writeKeys = (keys: string[], trailingComma: boolean): void => {
      keys.sort(compareGoStrings);
      keys.forEach((k, i) => {
        const v = m[k];
        if (isNil(v)) return;
        if (inline) {
          this.keyValue([k], v, true);
          // The separator follows every key but the group's last, whether or not a nil is skipped after it.
          if (trailingComma || i !== keys.length - 1) this.write(', ');
        } else this.encode([...key, k], v);
      });
    };
    if (inline) this.write('{');
    writeKeys(direct, sub.length > 0);
    writeKeys(sub, false);
    if (inline) this.write('}');
  }

  private keyValue(key: string[], v: unknown, inline: boolean): void {
    if (key.length === 0) throw new TomlEncodeError(ERR_NO_KEY);
    this.write(`${indent(key)}${quoteKey(key[key.length - 1])} = `);
    this.element(v);
    if (!inline) this.newline();
  }
}

/** helm toToml: the TOML document, or the encoder's error text. */
function toToml(v: unknown): string {
  // Go's Encode first asks reflect for the interface of the value, which fails on nil.
  if (isNil(v)) throw new FuncError('reflect: call of reflect.Value.Interface on zero Value');
  const enc = new TomlEncoder();
  try {
    enc.encode([], v);
  } catch (e) {
    if (e instanceof TomlEncodeError) return e.message;
    throw e;
  }
  return enc.out;
}

export const tomlFuncs: FuncMap = {
  toToml: fn(['any'], ([v]) => toToml(v)),
};
