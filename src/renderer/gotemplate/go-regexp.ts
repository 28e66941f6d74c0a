// Go's regexp package (RE2 syntax, linear-time matching) for sprig's regex functions, on re2js, a port of
// Go's regexp/syntax and matcher. Helm v3.10.1 is built with go1.18, so its syntax is go1.18's: the
// `(?<name>…)` spelling of a named group (go1.22) is an error there and here.
//
// re2js is loaded on first use (a synchronous require, as for `yaml` and `ajv`): most renders never
// evaluate a regular expression, and loading the engine costs a cold start ~20 ms. Nothing is compiled
// at module load. Indices are UTF-16 offsets into the JS string (re2js steps over surrogate pairs as
// one rune, as Go steps over a UTF-8 sequence), so slices of the input are the substrings Go returns.
import { createRequire } from 'node:module';
import { FuncError } from './func-types.js';

type Re2Lib = typeof import('re2js');

let lib: Re2Lib | undefined;
const re2js = (): Re2Lib => (lib ??= createRequire(import.meta.url)('re2js') as Re2Lib);

/** The Go-ported matcher behind RE2JS#re2() (re2js types its methods loosely). */
interface Re2 {
  match(s: string): boolean;
  /** Go's FindAllStringSubmatchIndex(s, n): [start, end] pairs per group, -1 when a group did not take part; null for no match. */
  findAllSubmatchIndex(s: string, n: number): number[][] | null;
  numberOfCapturingGroups(): number;
  /** Name → index; re2js refuses a name on two groups. */
  namedGroups: Record<string, number>;
}

/** A compiled Go regexp: the operations sprig calls, with Go's semantics. */
export class GoRegexp {
  private constructor(
    readonly expr: string,
    private readonly re: Re2,
    /** SubexpNames: each group's name by index, '' when it has none. */
    private readonly names: string[],
  ) {}

  /** regexp.Compile: Go's error text ("error parsing regexp: …") in a GoRegexpError. */
  static compile(expr: string): GoRegexp {
    const hit = CACHE.get(expr);
    if (hit !== undefined) {
      if (hit instanceof GoRegexpError) throw hit;
      return hit;
    }
    let result: GoRegexp | GoRegexpError;
    try {
      const { re, names } = compileRe2(expr);
      result = new GoRegexp(expr, re, names);
    } catch (e) {
      if (!(e instanceof GoRegexpError)) throw e;
      result = e;
    }
    if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value as string);
    CACHE.set(expr, result);
    if (result instanceof GoRegexpError) throw result;
    return result;
  }

  /** MatchString. */
  matchString(s: string): boolean {
    return this.re.match(s);
  }

  /** FindAllStringSubmatchIndex(s, n): n < 0 means all; [] for none (Go's nil). */
  findAllIndex(s: string, n: number): number[][] {
    if (n === 0) return [];
    return this.re.findAllSubmatchIndex(s, n < 0 ? -1 : n) ?? [];
  }

  /** FindString: the leftmost match, "" when there is none. */
  findString(s: string): string {
    const m = this.findAllIndex(s, 1)[0];
    return m === undefined ? '' : s.slice(m[0], m[1]);
  }

  /** FindAllString(s, n). */
  findAllString(s: string, n: number): string[] {
    return this.findAllIndex(s, n).map((m) => s.slice(m[0], m[1]));
  }

  /** ReplaceAllString: `repl` expanded per match as Regexp.Expand does ($1, ${1}, $name, ${name}, $$). */
  replaceAllString(s: string, repl: string): string {
    if (!repl.includes('$')) return this.replaceAll(s, () => repl);
    const parts = parseTemplate(repl);
    return this.replaceAll(s, (m) => {
      let out = '';
      for (const p of parts) out += typeof p === 'string' ? p : this.group(s, m, p);
      return out;
    });
  }

  /** ReplaceAllLiteralString: `repl` inserted as is. */
  replaceAllLiteralString(s: string, repl: string): string {
    return this.replaceAll(s, () => repl);
  }

  /** Split(s, n): n == 0 → nil (null), n < 0 → all; an empty match at the start yields no leading "". */
  split(s: string, n: number): string[] | null {
    if (n === 0) return null;
    if (this.expr.length > 0 && s.length === 0) return [''];
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.findAllIndex(s, n)) {
      if (n > 0 && out.length === n - 1) break;
      end = m[0];
      if (m[1] !== 0) out.push(s.slice(beg, end));
      beg = m[1];
    }
    if (end !== s.length) out.push(s.slice(beg));
    return out;
  }

  private replaceAll(s: string, repl: (m: number[]) => string): string {
    // Go's replaceAll skips an empty match right after the previous match, as FindAll does.
    let out = '';
    let last = 0;
    for (const m of this.findAllIndex(s, -1)) {
      out += s.slice(last, m[0]) + repl(m);
      last = m[1];
    }
    return out + s.slice(last);
  }

  /** The text a `$` reference stands for in Regexp.expand: a group by number, or the first group of that name that took part. */
  private group(src: string, match: number[], ref: GroupRef): string {
    if (ref.num >= 0) return 2 * ref.num + 1 < match.length && match[2 * ref.num] >= 0 ? src.slice(match[2 * ref.num], match[2 * ref.num + 1]) : '';
    for (let g = 1; g < this.names.length; g++) {
      if (this.names[g] === ref.name && 2 * g + 1 < match.length && match[2 * g] >= 0) return src.slice(match[2 * g], match[2 * g + 1]);
    }
    return '';
  }
}

/** A pattern Go's regexp.Compile rejects; the message is Go's. */
export class GoRegexpError extends FuncError {}

const CACHE = new Map<string, GoRegexp | GoRegexpError>();
const CACHE_LIMIT = 500;

// Made on first use: a Unicode class costs about 1 ms to build, paid only by patterns with named groups.
let nameChar: RegExp | undefined;

/** A `$` reference of a replacement template: a group number, or -1 and a name. */
interface GroupRef {
  num: number;
  name: string;
}

/** A replacement template as Regexp.expand (go1.18 regexp.go) reads it: literal text and group references. */
function parseTemplate(template: string): Array<string | GroupRef> {
  const parts: Array<string | GroupRef> = [];
  let lit = '';
  let i = 0;
  for (;;) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    lit += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      lit += '$'; // $$ is a $
      i++;
      continue;
    }
    // extract: `name` or `{name}`, a name being letters, digits and _.
    const brace = template[i] === '{';
    let j = brace ? i + 1 : i;
    while (j < template.length) {
      const ch = String.fromCodePoint(template.codePointAt(j) as number);
      if (!(nameChar ??= /[\p{L}\p{Nd}_]/u).test(ch)) break;
      j += ch.length;
    }
    const name = template.slice(brace ? i + 1 : i, j);
    if (name === '' || (brace && template[j] !== '}')) {
      lit += '$'; // malformed: the $ is raw text
      continue;
    }
    i = brace ? j + 1 : j;
    // A number is all digits, without a leading zero, below 1e8 when its last digit is read.
    let num = /^[0-9]+$/.test(name) && !(name.length > 1 && name.startsWith('0')) ? 0 : -1;
    for (const d of num === 0 ? name : '') {
      if (num >= 1e8) {
        num = -1;
        break;
      }
      num = num * 10 + Number(d);
    }
    if (lit !== '') parts.push(lit);
    lit = '';
    parts.push({ num, name });
  }
  lit += template.slice(i);
  if (lit !== '') parts.push(lit);
  return parts;
}

/** A compiled pattern and its groups' names by index ('' for an unnamed group), as Go's SubexpNames. */
interface Compiled {
  re: Re2;
  names: string[];
}

/** Parse errors Go finds only once the whole expression is read. */
const FOUND_AT_END = new Set(['missing closing )', 'expression nests too deeply', 'expression too large']);

function compileRe2(expr: string): Compiled {
  const { RE2JS, RE2JSSyntaxException } = re2js();
  const goError = (e: unknown, shown = expr): GoRegexpError => {
    if (!(e instanceof RE2JSSyntaxException)) {
      if (e instanceof Error && e.name.startsWith('RE2JS')) {
        return new GoRegexpError(`error parsing regexp: ${e.message.replace(/^error parsing regexp: /, '')}`);
      }
      throw e;
    }
    const code = e.getDescription();
    const input = e.getPattern() ?? '';
    // go1.18.7 reports its nesting and size limits as an internal error on the whole expression.
    if (code === 'expression nests too deeply' || code === 'expression too large') {
      return new GoRegexpError(`error parsing regexp: regexp/syntax: internal error: \`${expr}\``);
    }
    // Go's Error() always quotes the expression, also an empty one (`trailing backslash …: ```).
    return new GoRegexpError(`error parsing regexp: ${code}: \`${input === shown ? expr : input}\``);
  };
  // Go allows one name on several groups (re2js does not): later ones get a fresh name, Go's kept beside.
  let source = expr;
  const renamed = new Map<string, string>();
  const NAMED = /\(\?P<([A-Za-z0-9_]+)>/y;
  const named = groupOpeners(expr).flatMap((at) => {
    NAMED.lastIndex = at;
    const m = NAMED.exec(expr);
    return m ? [{ at, name: m[1] }] : [];
  });
  const taken = new Set(named.map((g) => g.name));
  if (taken.size < named.length) {
    const seen = new Set<string>();
    let out = '';
    let last = 0;
    for (const g of named) {
      if (!seen.has(g.name)) {
        seen.add(g.name);
        continue;
      }
      let fresh = g.name;
      for (let k = 2; taken.has(fresh); k++) fresh = `${g.name}_${k}`;
      taken.add(fresh);
      renamed.set(fresh, g.name);
      out += expr.slice(last, g.at) + `(?P<${fresh}>`;
      last = g.at + `(?P<${g.name}>`.length;
    }
    source = out + expr.slice(last);
  }
  // go1.18 knows only (?P<name>…): a group opened with `(?<` (named, or a look-behind), which re2js
  // accepts, is an error there. Go reports the first error from the left: one in the text before it,
  // unless that error is found only at the end (an unclosed `(`, the nesting and size limits).
  const angle = groupOpeners(source).find((i) => source.startsWith('(?<', i));
  if (angle !== undefined) {
    const angleError = new GoRegexpError('error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
    try {
      RE2JS.compile(source.slice(0, angle));
      throw angleError;
    } catch (e) {
      if (e === angleError || !(e instanceof RE2JSSyntaxException) || FOUND_AT_END.has(e.getDescription())) throw angleError;
    }
    try {
      RE2JS.compile(source);
    } catch (e) {
      throw goError(e, source);
    }
    throw angleError;
  }
  let re: Re2;
  try {
    re = RE2JS.compile(source).re2() as unknown as Re2;
  } catch (e) {
    throw goError(e, source);
  }
  const names = new Array<string>(re.numberOfCapturingGroups() + 1).fill('');
  for (const [name, index] of Object.entries(re.namedGroups)) names[index] = renamed.get(name) ?? name;
  return { re, names };
}

/**
 * The offsets of the `(` that open groups: not inside a class, an escape or \Q…\E. Follows go1.18
 * regexp/syntax's lexing: `]` first in a class is literal, `[:name:]` and `\p{…}` are units.
 */
function groupOpeners(re: string): number[] {
  const out: number[] = [];
  if (!re.includes('(?')) return out;
  // Only `(?` openers are wanted (named groups, flags, look-arounds).
  let i = 0;
  while (i < re.length) {
    const c = re[i];
    if (c === '\\') {
      if (re[i + 1] === 'Q') {
        const e = re.indexOf('\\E', i + 2);
        if (e < 0) break;
        i = e + 2;
      } else i += 2;
    } else if (c === '[') {
      i = classEnd(re, i);
    } else {
      if (c === '(' && re[i + 1] === '?') out.push(i);
      i++;
    }
  }
  return out;
}

/** The offset just past the class that starts at `start` (the end of the text when it is not closed). */
function classEnd(re: string, start: number): number {
  let i = start + 1;
  if (re[i] === '^') i++;
  let first = true;
  while (i < re.length && (re[i] !== ']' || first)) {
    first = false;
    if (re.startsWith('[:', i)) {
      const close = re.indexOf(':]', i + 2);
      if (close >= 0) {
        i = close + 2;
        continue;
      }
    }
    if (re[i] === '\\') {
      if ((re[i + 1] === 'p' || re[i + 1] === 'P') && re[i + 2] === '{') {
        const close = re.indexOf('}', i + 3);
        i = close < 0 ? re.length : close + 1;
      } else i += 2;
      continue;
    }
    i++;
  }
  return i + 1;
}
