// Helm's toYaml: sigs.k8s.io/yaml Marshal = encoding/json Marshal, re-read by gopkg.in/yaml.v2 (numbers become
// int/uint/float64 again), then yaml.v2 Marshal. The emitter below follows gopkg.in/yaml.v2 v2.4.0 emitterc.go
// (block styles, 2-space indent, 80-column folding), encode.go (stringv, floatv), resolve.go and sorter.go.
import { GoJsonError, jsonFloat } from './go-json.js';
import { formatFloatG } from './go-print.js';
import { GoStruct, isMap, isNil, isNilSlice, JsonFields } from './go-value.js';

type Style = 'plain' | 'single' | 'double' | 'literal';

type YNode =
  | { t: 'scalar'; value: string; style: Style }
  | { t: 'seq'; items: YNode[] }
  | { t: 'map'; entries: Array<[YNode, YNode]> };

// ---------------------------------------------------------------------------------------------- resolve

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  // "<<" (merge) is in yaml.v2's table too, but its first byte has no resolve hint, so it is never looked up.
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** strconv.ParseInt(s, 0, 64) / ParseUint(s, 0, 64) success (underscores already removed by the caller). */
function parsesAsGoInt(s: string): boolean {
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let re: RegExp;
  let prefix = '';
  if (/^0[xX]/.test(body)) {
    re = /^[0-9a-fA-F]+$/;
    prefix = '0x';
    body = body.slice(2);
  } else if (/^0[oO]/.test(body)) {
    re = /^[0-7]+$/;
    prefix = '0o';
    body = body.slice(2);
  } else if (/^0[bB]/.test(body)) {
    re = /^[01]+$/;
    prefix = '0b';
    body = body.slice(2);
  } else if (body.length > 1 && body[0] === '0') {
    re = /^[0-7]+$/;
    prefix = '0o';
    body = body.slice(1);
  } else {
    re = /^[0-9]+$/;
  }
  if (!re.test(body)) return false;
  let n = BigInt(prefix + body);
  if (neg) n = -n;
  // ParseInt takes a sign and the int64 range; ParseUint, tried next, no sign and the uint64 range.
  return (n >= INT64_MIN && n <= INT64_MAX) || (!/^[+-]/.test(s) && n <= UINT64_MAX);
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** yaml.v2 parseTimestamp: the few time.Parse layouts it tries (date, date+time with optional zone). */
function isYamlTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (m[4] === undefined) return true;
  if (Number(m[5]) > 23 || Number(m[6]) > 59 || Number(m[7]) > 59) return false;
  // "2006-1-2 15:4:5.999999999" has no zone; the T/t layouts require one.
  if (m[4] === ' ') return m[9] === undefined;
  if (m[9] === undefined) return false;
  if (m[9] !== 'Z') {
    const hh = Number(m[9].slice(1, 3));
    const mm = Number(m[9].slice(4, 6));
    if (hh > 23 || mm > 59) return false;
  }
  return true;
}

/** yaml.v2 resolve("", s) != !!str, or a base-60 float look-alike: such a string must be quoted. */
export function yamlNeedsQuotes(s: string): boolean {
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) && Number.isFinite(Number(s));
  const hint = c === '+' || c === '-' || (c >= '0' && c <= '9');
  if (hint) {
    if (isYamlTimestamp(s)) return true;
    const plain = s.replaceAll('_', '');
    if (parsesAsGoInt(plain)) return true;
    if (YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
    if (BASE60_FLOAT.test(s)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------- sorter

// The Unicode classes are made on first use: V8 builds a `\p{…}` class when the literal is created, about
// 1 ms each, and keys are nearly always ASCII.
let letter: RegExp | undefined;
let digit: RegExp | undefined;

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (letter ??= /^\p{L}$/u).test(ch);
}

function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return (digit ??= /^\p{Nd}$/u).test(ch);
}

/** yaml.v2 keyList.Less for string keys: letters before non-letters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return (ar[i].codePointAt(0) ?? 0) < (br[i].codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt((ar[ai].codePointAt(0) ?? 48) - 48));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt((br[bi].codePointAt(0) ?? 48) - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ar[i].codePointAt(0) ?? 0) < (br[i].codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

// ---------------------------------------------------------------------------------------------- value → node

/** The number a JSON float text becomes when yaml.v2 reads it back: int, uint, or float64 printed with 'g'. */
function yamlNumber(f: number): string {
  const t = jsonFloat(f);
  if (/^-?[0-9]+$/.test(t)) {
    const n = BigInt(t);
    if (n >= INT64_MIN && n <= UINT64_MAX) return n.toString();
  }
  return formatFloatG(f);
}

/** Replace lone surrogates by U+FFFD, as json.Marshal does with invalid UTF-8. */
function wellFormed(s: string): string {
  return /[\ud800-\udfff]/.test(s) ? s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : s;
}

/** A raw NEL (U+0085) is the one line break json.Marshal leaves unescaped; yaml.v2 then reads the JSON
 * string as a double-quoted YAML scalar and folds it: spaces around it dropped, one break → a space,
 * n breaks → n-1 newlines. */
function foldNel(s: string): string {
  return s.replace(/ *\u0085(?:[ ]*\u0085)* */g, (run) => {
    const n = run.split('\u0085').length - 1;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

// Raw characters the yaml.v2 reader rejects ("control characters are not allowed") that json.Marshal leaves
// unescaped: reading the JSON back fails and Helm's toYaml yields "".
const YAML_READER_REJECTS = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

function stringNode(raw: string, isKey = false): YNode {
  if (YAML_READER_REJECTS.test(raw)) throw new GoJsonError('yaml: control characters are not allowed');
  // A raw NEL inside a key makes the JSON key span two lines: not a valid simple key for the yaml.v2 scanner.
  if (isKey && raw.includes('\u0085')) throw new GoJsonError("yaml: could not find expected ':'");
  const s = foldNel(wellFormed(raw));
  const canUsePlain = !yamlNeedsQuotes(s);
  const style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  return { t: 'scalar', value: s, style };
}

function toNode(v: unknown, depth: number): YNode {
  if (depth > 1000) throw new GoJsonError('json: unsupported value: encountered a cycle');
  if (isNil(v)) return { t: 'scalar', value: 'null', style: 'plain' };
  switch (typeof v) {
    case 'boolean':
      return { t: 'scalar', value: v ? 'true' : 'false', style: 'plain' };
    case 'number':
      return { t: 'scalar', value: yamlNumber(v), style: 'plain' };
    case 'bigint':
      return { t: 'scalar', value: v.toString(), style: 'plain' };
    case 'string':
      return stringNode(v);
    case 'function':
      throw new GoJsonError('json: unsupported type: func()');
    default:
      break;
  }
  if (Array.isArray(v)) return isNilSlice(v) ? toNode(null, depth + 1) : { t: 'seq', items: v.map((x) => toNode(x, depth + 1)) };
  // sigs.k8s.io/yaml goes through encoding/json: a struct is what it marshals to.
  if (v instanceof GoStruct) return toNode(v.jsonValue(), depth + 1);
  // Through JSON into a map: the YAML keys are sorted like any map's.
  if (v instanceof JsonFields) return toNode(Object.fromEntries(v.entries), depth + 1);
  if (isMap(v)) {
    if (isNilSlice(v)) return toNode(null, depth + 1);
    const keys = Object.keys(v).sort((a, b) => (a === b ? 0 : yamlKeyLess(a, b) ? -1 : 1));
    return { t: 'map', entries: keys.map((k) => [stringNode(k, true), toNode(v[k], depth + 1)]) };
  }
  throw new GoJsonError(`json: unsupported type: ${Object.prototype.toString.call(v)}`);
}

// ---------------------------------------------------------------------------------------------- emitter

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const isBreakCh = (c: string | undefined): boolean =>
  c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankCh = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBlankzCh = (c: string | undefined): boolean => c === undefined || c === '\0' || isBlankCh(c) || isBreakCh(c);

function isPrintableCp(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

interface Analysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml_emitter_analyze_scalar (flow_plain_allowed is never needed: toYaml output has no flow content). */
function analyze(chars: string[]): Analysis {
  if (chars.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWs = true;
  let prevSpace = false;
  let prevBreak = false;
  const first3 = chars.slice(0, 3).join('');
  if (first3 === '---' || first3 === '...') blockIndicators = true;
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    const c = chars[i];
    const followedByWs = i + 1 >= n || isBlankCh(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':' || c === '-') && followedByWs) blockIndicators = true;
    } else if (c === ':' && followedByWs) blockIndicators = true;
    else if (c === '#' && precededByWs) blockIndicators = true;
    if (!isPrintableCp(c.codePointAt(0) ?? 0)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === n - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreakCh(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === n - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = isBlankzCh(c);
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) {
    blockPlain = false;
    single = false;
  }
  if (spaceBreak || special) {
    blockPlain = false;
    single = false;
    block = false;
  }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { multiline: lineBreaks, blockPlainAllowed: blockPlain, singleQuotedAllowed: single, blockAllowed: block };
}

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  private readonly indents: number[] = [];
  whitespace = true;
  indention = true;

  private put(s: string): void {
    this.out += s;
    this.column++;
  }

  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeBreak(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const c of ind) this.put(c);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  emitNode(node: YNode, mapping: boolean, simpleKey: boolean): void {
    if (node.t === 'scalar') return this.emitScalar(node.value, node.style, simpleKey);
    if (node.t === 'seq') {
      if (node.items.length === 0) return this.emitEmptyFlow('[', ']');
      this.increaseIndent(false, mapping && !this.indention);
      for (const item of node.items) {
        this.writeIndent();
        this.writeIndicator('-', true, false, true);
        this.emitNode(item, false, false);
      }
      return this.popIndent();
    }
    if (node.entries.length === 0) return this.emitEmptyFlow('{', '}');
    this.increaseIndent(false, false);
    for (const [key, value] of node.entries) {
      this.writeIndent();
      const k = key.t === 'scalar' ? key.value : '';
      const simple = key.t === 'scalar' && !analyze(Array.from(k)).multiline && utf8Length(k) <= 128;
      if (simple) {
        this.emitNode(key, true, true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, true, false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, true, false);
    }
    this.popIndent();
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private emitScalar(value: string, requested: Style, simpleKey: boolean): void {
    const chars = Array.from(value);
    const a = analyze(chars);
    let style = requested;
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (chars.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.writePlain(chars, allowBreaks);
    else if (style === 'single') this.writeSingle(chars, allowBreaks);
    else if (style === 'double') this.writeDouble(chars, allowBreaks);
    else this.writeLiteral(chars);
    this.popIndent();
  }

  private writePlain(v: string[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && v[i + 1] !== ' ') this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreakCh(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(v: string[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1 && v[i + 1] !== ' ') {
          this.writeIndent();
        } else this.put(c);
        spaces = true;
      } else if (isBreakCh(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(v: string[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    // is_bom(value, i) in yaml.v2 looks at the start of the value whatever i is, so a leading BOM escapes everything.
    const bom = v[0] === '\ufeff';
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      const cp = c.codePointAt(0) ?? 0;
      if (!isPrintableCp(cp) || bom || isBreakCh(c) || c === '"' || c === '\\') {
        this.put('\\');
        const short = DOUBLE_ESCAPES.get(cp);
        if (short !== undefined) this.put(short);
        else {
          const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(letter);
          for (const d of cp.toString(16).toUpperCase().padStart(width, '0')) this.put(d);
        }
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < v.length - 1) {
          this.writeIndent();
          if (v[i + 1] === ' ') this.put('\\');
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: string[]): void {
    this.writeIndicator('|', true, false, false);
    if (v[0] === ' ' || isBreakCh(v[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    if (v.length === 0 || !isBreakCh(v[v.length - 1])) chomp = '-';
    else if (v.length === 1 || isBreakCh(v[v.length - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreakCh(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** Document end: a final line break unless the output already ends at column 0 after indentation. */
  end(): void {
    this.indent = -1;
    this.writeIndent();
  }
}

const DOUBLE_ESCAPES = new Map<number, string>([
  [0x00, '0'], [0x07, 'a'], [0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0b, 'v'], [0x0c, 'f'], [0x0d, 'r'],
  [0x1b, 'e'], [0x22, '"'], [0x5c, '\\'], [0x85, 'N'], [0xa0, '_'], [0x2028, 'L'], [0x2029, 'P'],
]);

/** yaml.v2 Marshal of the value after a JSON round trip; throws GoJsonError where json.Marshal fails. */
export function goYamlMarshal(v: unknown): string {
  const e = new Emitter();
  e.emitNode(toNode(v, 0), false, false);
  e.end();
  return e.out;
}

/** Helm's toYaml (pkg/engine/funcs.go): marshal, "" on error, one trailing newline trimmed. */
export function toYaml(v: unknown): string {
  try {
    const s = goYamlMarshal(v);
    return s.endsWith('\n') ? s.slice(0, -1) : s;
  } catch (e) {
    if (e instanceof GoJsonError) return '';
    throw e;
  }
}
