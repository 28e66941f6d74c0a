// Go's encoding/json Unmarshal into interface{} (go1.18, as in helm v3.10.1): the syntax check runs first,
// byte by byte, with Go's state machine (src/encoding/json/scanner.go), so a bad text fails with Go's
// wording ("invalid character 'x' after object key"); the value itself is then read by JSON.parse, which
// accepts exactly the texts Go's scanner does.
import { newMap, setKey } from '../go-value.js';

/** Go's maxNestingDepth: deeper texts are a syntax error. */
const MAX_DEPTH = 10000;

type Step = (c: number) => void;

/** A syntax error, worded as json.SyntaxError prints. */
class JsonSyntaxError extends Error {}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/** json's quoteChar: the byte as a Go rune literal (a non-ASCII byte reads as the Latin-1 rune it is). */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' };
  if (named[c] !== undefined) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && c <= 0xa0) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  if (c === 0xad) return "'\\u00ad'";
  return `'${String.fromCharCode(c)}'`;
}

/**
 * The scanner: one state function per grammar position, as Go's. It also notes the first number literal
 * too large for a float64, which Go reports (after the syntax check) as an UnmarshalTypeError.
 */
class Scanner {
  step: Step;
  private readonly stack: Array<'key' | 'value' | 'array'> = [];
  private endTop = false;
  private numStart = -1;
  overflow: string | undefined;
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {
    this.step = (c) => this.beginValue(c);
  }

  run(): void {
    for (this.pos = 0; this.pos < this.bytes.length; this.pos++) this.step(this.bytes[this.pos]);
    // At the end Go feeds one space, so an unfinished literal complains about ' '.
    if (this.endTop) return;
    this.step(0x20);
    if (!this.endTop) throw new JsonSyntaxError('unexpected end of JSON input');
  }

  private fail(c: number, context: string): never {
    throw new JsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
  }

  private push(c: number, state: 'key' | 'array'): void {
    this.stack.push(state);
    if (this.stack.length > MAX_DEPTH) this.fail(c, 'exceeded max depth');
  }

  private beginValueOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x5d) return this.endValue(c);
    this.beginValue(c);
  }

  private beginValue(c: number): void {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b: // {
        this.step = (x) => this.beginStringOrEmpty(x);
        return this.push(c, 'key');
      case 0x5b: // [
        this.step = (x) => this.beginValueOrEmpty(x);
        return this.push(c, 'array');
      case 0x22: // "
        this.step = (x) => this.inString(x);
        return;
      case 0x2d: // -
        this.numStart = this.pos;
        this.step = (x) => this.neg(x);
        return;
      case 0x30: // 0
        this.numStart = this.pos;
        this.step = (x) => this.zero(x);
        return;
      case 0x74: // t
        this.step = this.literal('rue', 'true');
        return;
      case 0x66: // f
        this.step = this.literal('alse', 'false');
        return;
      case 0x6e: // n
        this.step = this.literal('ull', 'null');
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.numStart = this.pos;
      this.step = (x) => this.digits(x);
      return;
    }
    this.fail(c, 'looking for beginning of value');
  }

  private beginStringOrEmpty(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      this.stack[this.stack.length - 1] = 'value';
      return this.endValue(c);
    }
    this.beginString(c);
  }

  private beginString(c: number): void {
    if (isSpace(c)) return;
    if (c === 0x22) {
      this.step = (x) => this.inString(x);
      return;
    }
    this.fail(c, 'looking for beginning of object key string');
  }

  /** After a complete value: a separator, the end of a container, or the end of the text. */
  private endValue(c: number): void {
    this.numberEnded();
    const n = this.stack.length;
    if (n === 0) {
      this.endTop = true;
      this.step = (x) => this.afterTop(x);
      return this.afterTop(c);
    }
    if (isSpace(c)) {
      this.step = (x) => this.endValue(x);
      return;
    }
    switch (this.stack[n - 1]) {
      case 'key':
        if (c === 0x3a) {
          this.stack[n - 1] = 'value';
          this.step = (x) => this.beginValue(x);
          return;
        }
        return this.fail(c, 'after object key');
      case 'value':
        if (c === 0x2c) {
          this.stack[n - 1] = 'key';
          this.step = (x) => this.beginString(x);
          return;
        }
        if (c === 0x7d) return this.pop();
        return this.fail(c, 'after object key:value pair');
      case 'array':
        if (c === 0x2c) {
          this.step = (x) => this.beginValue(x);
          return;
        }
        if (c === 0x5d) return this.pop();
        return this.fail(c, 'after array element');
    }
  }

  private pop(): void {
    this.stack.pop();
    if (this.stack.length === 0) {
      this.endTop = true;
      this.step = (x) => this.afterTop(x);
    } else this.step = (x) => this.endValue(x);
  }

  private afterTop(c: number): void {
    if (!isSpace(c)) this.fail(c, 'after top-level value');
  }

  private inString(c: number): void {
    if (c === 0x22) {
      this.step = (x) => this.endValue(x);
      return;
    }
    if (c === 0x5c) {
      this.step = (x) => this.inEscape(x);
      return;
    }
    if (c < 0x20) this.fail(c, 'in string literal');
  }

  private inEscape(c: number): void {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) {
      this.step = (x) => this.inString(x);
      return;
    }
    if (c === 0x75) {
      this.step = this.hexEscape(4);
      return;
    }
    this.fail(c, 'in string escape code');
  }

  private hexEscape(left: number): Step {
    return (c) => {
      if (!isHex(c)) this.fail(c, 'in \\u hexadecimal character escape');
      this.step = left > 1 ? this.hexEscape(left - 1) : (x) => this.inString(x);
    };
  }

  private literal(rest: string, word: string): Step {
    return (c) => {
      if (c !== rest.charCodeAt(0)) this.fail(c, `in literal ${word} (expecting '${rest[0]}')`);
      this.step = rest.length > 1 ? this.literal(rest.slice(1), word) : (x) => this.endValue(x);
    };
  }

  private neg(c: number): void {
    if (c === 0x30) {
      this.step = (x) => this.zero(x);
      return;
    }
    if (c >= 0x31 && c <= 0x39) {
      this.step = (x) => this.digits(x);
      return;
    }
    this.fail(c, 'in numeric literal');
  }

  private digits(c: number): void {
    if (isDigit(c)) return;
    this.zero(c);
  }

  private zero(c: number): void {
    if (c === 0x2e) {
      this.step = (x) => this.dot(x);
      return;
    }
    if (c === 0x65 || c === 0x45) {
      this.step = (x) => this.exponent(x);
      return;
    }
    this.endValue(c);
  }

  private dot(c: number): void {
    if (isDigit(c)) {
      this.step = (x) => this.fraction(x);
      return;
    }
    this.fail(c, 'after decimal point in numeric literal');
  }

  private fraction(c: number): void {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) {
      this.step = (x) => this.exponent(x);
      return;
    }
    this.endValue(c);
  }

  private exponent(c: number): void {
    if (c === 0x2b || c === 0x2d) {
      this.step = (x) => this.exponentSign(x);
      return;
    }
    this.exponentSign(c);
  }

  private exponentSign(c: number): void {
    if (isDigit(c)) {
      this.step = (x) => this.exponentDigits(x);
      return;
    }
    this.fail(c, 'in exponent of numeric literal');
  }

  private exponentDigits(c: number): void {
    if (isDigit(c)) return;
    this.endValue(c);
  }

  /** A number literal just ended at this.pos: note it if float64 cannot hold it. */
  private numberEnded(): void {
    if (this.numStart < 0) return;
    const end = Math.min(this.pos, this.bytes.length);
    if (this.overflow === undefined) {
      const text = Buffer.from(this.bytes.subarray(this.numStart, end)).toString('latin1');
      if (!Number.isFinite(Number(text))) this.overflow = text;
    }
    this.numStart = -1;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** JSON.parse's result as Go's interface{} values: maps without a prototype, U+FFFD for broken UTF-16, nil for a number out of range. */
function toGoValue(root: unknown): unknown {
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(LONE_SURROGATE, '\ufffd');
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    return v;
  };
  const out = { v: fix(root) as unknown };
  // Iterative walk: a text may nest up to 10000 deep.
  const work: Array<{ src: unknown; set: (x: unknown) => void }> = [{ src: root, set: (x) => (out.v = x) }];
  while (work.length > 0) {
    const { src, set } = work.pop() as { src: unknown; set: (x: unknown) => void };
    if (Array.isArray(src)) {
      const arr: unknown[] = new Array(src.length);
      set(arr);
      src.forEach((x, i) => {
        arr[i] = fix(x);
        if (x !== null && typeof x === 'object') work.push({ src: x, set: (y) => (arr[i] = y) });
      });
    } else if (src !== null && typeof src === 'object') {
      const m = newMap();
      set(m);
      for (const [k, x] of Object.entries(src)) {
        const key = k.replace(LONE_SURROGATE, '\ufffd');
        setKey(m, key, fix(x));
        if (x !== null && typeof x === 'object') work.push({ src: x, set: (y) => setKey(m, key, y) });
      }
    }
  }
  return out.v;
}

export interface GoJsonResult {
  value: unknown;
  /** The error Unmarshal returns, as its Error() text. */
  error?: string;
  /** The error is a syntax error: Go decoded nothing. */
  syntax?: boolean;
}

/** json.Unmarshal(text, &v) with v interface{}. */
export function goJsonUnmarshal(text: string): GoJsonResult {
  const bytes = Buffer.from(text, 'utf8');
  const scanner = new Scanner(bytes);
  try {
    scanner.run();
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { value: null, error: e.message, syntax: true };
    throw e;
  }
  const value = toGoValue(JSON.parse(bytes.toString('utf8')) as unknown);
  if (scanner.overflow !== undefined) return { value, error: `json: cannot unmarshal number ${scanner.overflow} into Go value of type float64` };
  return { value };
}
