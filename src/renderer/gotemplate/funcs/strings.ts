// sprig string functions (Masterminds/sprig v3.2.2 functions.go, strings.go; huandu/xstrings for case changes).
import { createHash } from 'node:crypto';
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goQuote } from '../go-print.js';
import { isNil, newMap, setKey, withGoType } from '../go-value.js';
import { strval } from './convert.js';

const s = (v: unknown): string => v as string;
const n = (v: unknown): number => Number(v as bigint);

/** Byte-wise slicing as Go does on strings (a cut inside a multi-byte char yields U+FFFD, as printing would). */
function byteSlice(str: string, start: number, end?: number): string {
  return Buffer.from(str, 'utf8').subarray(start, end).toString('utf8');
}
const byteLen = (str: string): number => Buffer.byteLength(str, 'utf8');

/** strings.Title: upper-case the first letter of each word (separators: non-letter/digit/underscore). */
function title(str: string): string {
  let prev = ' ';
  let out = '';
  for (const c of str) {
    // strings.Title isSeparator: ASCII non-alphanumerics (but '_'), and non-ASCII spaces.
    const cp = prev.codePointAt(0) ?? 0;
    const sep = cp <= 0x7f ? !/[A-Za-z0-9_]/.test(prev) : !/[\p{L}\p{Nd}]/u.test(prev) && /\s/u.test(prev);
    out += sep ? c.toUpperCase() : c;
    prev = c;
  }
  return out;
}

/** strings.Split semantics (sep "" splits into UTF-8 chars). */
export function goSplit(str: string, sep: string, limit = -1): string[] {
  if (limit === 0) return [];
  if (sep === '') {
    const chars = Array.from(str);
    if (limit > 0 && chars.length > limit) return [...chars.slice(0, limit - 1), chars.slice(limit - 1).join('')];
    return chars;
  }
  const parts = str.split(sep);
  if (limit > 0 && parts.length > limit) return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(sep)];
  return parts;
}

/** sprig split/splitn: a map[string]string, keys `_0`, `_1`, ... */
function splitMap(parts: string[]): Record<string, unknown> {
  const m = newMap();
  parts.forEach((p, i) => setKey(m, '_' + i, p));
  return withGoType(m, 'map[string]string');
}

/** huandu/xstrings word splitting shared by snakecase/kebabcase. */
function delimited(str: string, sep: string): string {
  // xstrings.ToSnakeCase: words split at case changes, digits kept with the preceding word.
  const words: string[] = [];
  let cur = '';
  const chars = Array.from(str);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (!/[\p{L}\p{N}]/u.test(c)) {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const isUpper = c !== c.toLowerCase();
    if (cur && isUpper && prev !== undefined) {
      const prevLower = prev !== prev.toUpperCase() || /\p{N}/u.test(prev);
      const nextLower = next !== undefined && next !== next.toUpperCase();
      if (prevLower || nextLower) {
        words.push(cur);
        cur = '';
      }
    }
    cur += c;
  }
  if (cur) words.push(cur);
  return words.map((w) => w.toLowerCase()).join(sep);
}

function camelcase(str: string): string {
  // xstrings.ToCamelCase: "_"-separated words capitalised, the first too; other characters kept.
  return str
    .split('_')
    .map((w, i) => (w === '' ? (i === 0 ? '' : '_') : w[0].toUpperCase() + w.slice(1)))
    .join('');
}

/**
 * goutils.AbbreviateFull on bytes: keep `maxWidth` bytes around `offset`, marking cuts with "...". Its
 * errors (a width too small) come back as "", since sprig ignores the error and returns the empty result.
 */
function abbreviateFull(str: string, offset: number, maxWidth: number): string {
  if (str === '' || maxWidth < 4) return '';
  const len = byteLen(str);
  if (len <= maxWidth) return str;
  let from = Math.min(offset, len);
  if (len - from < maxWidth - 3) from = len - (maxWidth - 3);
  if (from <= 4) return byteSlice(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (from + maxWidth - 3 < len) return '...' + abbreviateFull(byteSlice(str, from), 0, maxWidth - 3);
  return '...' + byteSlice(str, len - (maxWidth - 3));
}

/** sprig abbrev: widths below 4 leave the string alone. */
function abbrev(width: number, str: string): string {
  return width < 4 ? str : abbreviateFull(str, 0, width);
}

/** sprig abbrevboth: too narrow a window (below 4, or below 7 with a left offset) leaves the string alone. */
function abbrevboth(left: number, right: number, str: string): string {
  if (right < 4 || (left > 0 && right < 7)) return str;
  return abbreviateFull(str, left, right);
}

function trunc(c: number, str: string): string {
  const len = byteLen(str);
  if (c < 0 && len + c > 0) return byteSlice(str, len + c);
  if (c >= 0 && len > c) return byteSlice(str, 0, c);
  return str;
}

export const stringFuncs: FuncMap = {
  upper: fn(['string'], ([a]) => s(a).toUpperCase()),
  lower: fn(['string'], ([a]) => s(a).toLowerCase()),
  title: fn(['string'], ([a]) => title(s(a))),
  untitle: fn(['string'], ([a]) => (s(a) ? s(a)[0].toLowerCase() + s(a).slice(1) : '')),
  trim: fn(['string'], ([a]) => s(a).replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/gu, '')),
  trimAll: fn(['string', 'string'], ([cut, str]) => trimChars(s(str), s(cut))),
  trimall: fn(['string', 'string'], ([cut, str]) => trimChars(s(str), s(cut))),
  trimPrefix: fn(['string', 'string'], ([p, str]) => (s(str).startsWith(s(p)) ? s(str).slice(s(p).length) : s(str))),
  trimSuffix: fn(['string', 'string'], ([p, str]) =>
    s(p) !== '' && s(str).endsWith(s(p)) ? s(str).slice(0, s(str).length - s(p).length) : s(str),
  ),
  trunc: fn(['int', 'string'], ([c, str]) => trunc(n(c), s(str))),
  abbrev: fn(['int', 'string'], ([w, str]) => abbrev(n(w), s(str))),
  substr: fn(['int', 'int', 'string'], ([a, b, str]) => {
    const start = n(a);
    const end = n(b);
    const len = byteLen(s(str));
    if (start < 0) {
      if (end < 0 || end > len) throw new FuncError(`runtime error: slice bounds out of range [:${end}] with length ${len}`);
      return byteSlice(s(str), 0, end);
    }
    if (start > len) throw new FuncError(`runtime error: slice bounds out of range [${start}:${len}]`);
    if (end < 0 || end > len) return byteSlice(s(str), start);
    if (start > end) throw new FuncError(`runtime error: slice bounds out of range [${start}:${end}]`);
    return byteSlice(s(str), start, end);
  }),
  repeat: fn(['int', 'string'], ([c, str], env) => {
    const count = n(c);
    if (count < 0) throw new FuncError('strings: negative Repeat count');
    env.charge(count * s(str).length);
    return s(str).repeat(count);
  }),
  replace: fn(['string', 'string', 'string'], ([o, nw, src]) => goReplaceAll(s(src), s(o), s(nw))),
  contains: fn(['string', 'string'], ([sub, str]) => s(str).includes(s(sub))),
  hasPrefix: fn(['string', 'string'], ([p, str]) => s(str).startsWith(s(p))),
  hasSuffix: fn(['string', 'string'], ([p, str]) => s(str).endsWith(s(p))),
  quote: fn([], (a) => a.filter((v) => !isNil(v)).map((v) => goQuote(strval(v))).join(' '), 'any'),
  squote: fn([], (a) => a.filter((v) => !isNil(v)).map((v) => `'${strval(v)}'`).join(' '), 'any'),
  cat: fn([], (a) => a.filter((v) => !isNil(v)).map(strval).join(' '), 'any'),
  indent: fn(['int', 'string'], ([c, str]) => indent(n(c), s(str))),
  nindent: fn(['int', 'string'], ([c, str]) => '\n' + indent(n(c), s(str))),
  nospace: fn(['string'], ([a]) => s(a).replace(/\s/gu, '')),
  split: fn(['string', 'string'], ([sep, str]) => splitMap(goSplit(s(str), s(sep)))),
  splitn: fn(['string', 'int', 'string'], ([sep, c, str]) => splitMap(goSplit(s(str), s(sep), n(c)))),
  splitList: fn(['string', 'string'], ([sep, str]) => withGoType(goSplit(s(str), s(sep)), '[]string')),
  plural: fn(['string', 'string', 'int'], ([one, many, c]) => (c === 1n ? one : many)),
  snakecase: fn(['string'], ([a]) => delimited(s(a), '_')),
  kebabcase: fn(['string'], ([a]) => delimited(s(a), '-')),
  camelcase: fn(['string'], ([a]) => camelcase(s(a))),
  initials: fn(['string'], ([a]) =>
    s(a)
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => Array.from(w)[0])
      .join(''),
  ),
  b64enc: fn(['string'], ([a]) => Buffer.from(s(a), 'utf8').toString('base64')),
  b64dec: fn(['string'], ([a]) => {
    const str = s(a);
    // base64.StdEncoding is strict: padding required, no stray characters.
    if (str.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(str)) {
      const bad = str.search(/[^A-Za-z0-9+/=]/);
      return `illegal base64 data at input byte ${bad >= 0 ? bad : Math.floor(str.length / 4) * 4}`;
    }
    return Buffer.from(str, 'base64').toString('utf8');
  }),
  b32enc: fn(['string'], ([a]) => base32(Buffer.from(s(a), 'utf8'))),
  sha256sum: fn(['string'], ([a]) => createHash('sha256').update(s(a), 'utf8').digest('hex')),
  sha1sum: fn(['string'], ([a]) => createHash('sha1').update(s(a), 'utf8').digest('hex')),
  toString: fn(['any'], ([a]) => strval(a)),
  wrap: fn(['int', 'string'], ([w, str], env) => wrapCustom(s(str), n(w), '', false, (c) => env.charge(c))),
  wrapWith: fn(['int', 'string', 'string'], ([w, sep, str], env) => wrapCustom(s(str), n(w), s(sep), true, (c) => env.charge(c))),
  abbrevboth: fn(['int', 'int', 'string'], ([l, r, str]) => abbrevboth(n(l), n(r), s(str))),
  swapcase: fn(['string'], ([a]) => swapCase(s(a))),
  adler32sum: fn(['string'], ([a]) => String(adler32(Buffer.from(s(a), 'utf8')))),
  b32dec: fn(['string'], ([a]) => base32Decode(s(a))),
  hello: fn([], () => 'Hello!'),
};

/** strings.Replace(s, old, new, -1): an empty `old` inserts `new` around every UTF-8 char. */
function goReplaceAll(src: string, old: string, nw: string): string {
  if (old === '') return nw + Array.from(src).join(nw) + (src === '' ? '' : nw);
  return src.split(old).join(nw);
}

function trimChars(str: string, cut: string): string {
  const set = new Set(Array.from(cut));
  const chars = Array.from(str);
  let a = 0;
  let b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

function indent(spaces: number, v: string): string {
  // strings.Repeat panics on a negative count.
  if (spaces < 0) throw new FuncError('strings: negative Repeat count');
  const pad = ' '.repeat(spaces);
  return pad + v.replaceAll('\n', '\n' + pad);
}

function base32(buf: Buffer): string {
  const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alpha[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alpha[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * goutils.WrapCustom, on bytes as Go indexes strings: break at the last space within `width`, dropping the
 * spaces a line would start with. Newlines already in the text are ordinary characters to it. A word longer
 * than `width` is cut (`wrapLongWords`, wrapWith) or left whole up to the next space (wrap).
 */
function wrapCustom(str: string, width: number, newLine: string, wrapLongWords: boolean, charge: (n: number) => void): string {
  if (str === '') return '';
  // Latin-1 strings hold one UTF-8 byte per character, so indexes below are Go's byte offsets.
  const b = Buffer.from(str, 'utf8').toString('latin1');
  const nl = Buffer.from(newLine === '' ? '\n' : newLine, 'utf8').toString('latin1');
  const w = width < 1 ? 1 : width;
  let out = '';
  let offset = 0;
  while (b.length - offset > w) {
    if (b[offset] === ' ') {
      offset++;
      continue;
    }
    // Each break adds the separator: a long one at width 1 multiplies the text, so it counts as output.
    charge(nl.length);
    const space = b.slice(offset, w + offset + 1).lastIndexOf(' ');
    if (space >= 0) {
      out += b.slice(offset, offset + space) + nl;
      offset += space + 1;
    } else if (wrapLongWords) {
      out += b.slice(offset, offset + w) + nl;
      offset += w;
    } else {
      const next = b.indexOf(' ', offset + w);
      if (next < 0) {
        out += b.slice(offset);
        offset = b.length;
      } else {
        out += b.slice(offset, next) + nl;
        offset = next + 1;
      }
    }
  }
  out += b.slice(offset);
  return Buffer.from(out, 'latin1').toString('utf8');
}

/** unicode.IsSpace. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;

/** Lower-case letters whose single-rune upper (and title) case JavaScript only knows as two letters. */
function ypogegrammeniUpper(cp: number): number | undefined {
  if ((cp >= 0x1f80 && cp <= 0x1f87) || (cp >= 0x1f90 && cp <= 0x1f97) || (cp >= 0x1fa0 && cp <= 0x1fa7)) return cp + 8;
  if (cp === 0x1fb3 || cp === 0x1fc3 || cp === 0x1ff3) return cp + 9;
  return undefined;
}

/** Go's one-rune case mappings (unicode.ToUpper/ToLower/ToTitle): a change that needs two letters is no change. */
function simpleCase(c: string, kind: 'upper' | 'lower' | 'title'): string {
  const cp = c.codePointAt(0) ?? 0;
  if (kind === 'title') {
    // The Latin digraphs have a title case of their own (ǆ → ǅ).
    const title = TITLE_DIGRAPHS.get(cp);
    if (title !== undefined) return String.fromCodePoint(title);
  }
  if (kind === 'lower') {
    if (cp === 0x130) return 'i'; // İ: JavaScript adds a combining dot; Go's simple mapping does not
    const lower = c.toLowerCase();
    return Array.from(lower).length === 1 ? lower : c;
  }
  const special = ypogegrammeniUpper(cp);
  if (special !== undefined) return String.fromCodePoint(special);
  const upper = c.toUpperCase();
  return Array.from(upper).length === 1 ? upper : c;
}

const TITLE_DIGRAPHS = new Map<number, number>([
  [0x1c4, 0x1c5], [0x1c5, 0x1c5], [0x1c6, 0x1c5],
  [0x1c7, 0x1c8], [0x1c8, 0x1c8], [0x1c9, 0x1c8],
  [0x1ca, 0x1cb], [0x1cb, 0x1cb], [0x1cc, 0x1cb],
  [0x1f1, 0x1f2], [0x1f2, 0x1f2], [0x1f3, 0x1f2],
]);

/**
 * goutils.SwapCase: upper and title case letters go lower; a lower-case letter goes upper, or title case
 * when it starts a word (after whitespace, or at the start).
 */
function swapCase(str: string): string {
  let out = '';
  let afterSpace = true;
  for (const c of str) {
    if (/\p{Lu}/u.test(c) || /\p{Lt}/u.test(c)) {
      out += simpleCase(c, 'lower');
      afterSpace = false;
    } else if (/\p{Ll}/u.test(c)) {
      out += simpleCase(c, afterSpace ? 'title' : 'upper');
      afterSpace = false;
    } else {
      out += c;
      afterSpace = GO_SPACE.test(c);
    }
  }
  return out;
}

/** hash/adler32 Checksum. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return b * 65536 + a;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * sprig b32dec: base32.StdEncoding.DecodeString, whose error text is returned as the result. Newlines are
 * skipped; input is read in blocks of 8 that padding may end early (with 2, 4, 5 or 7 data characters);
 * bytes after the padded block are ignored, as Go does.
 */
function base32Decode(str: string): string {
  const src = Buffer.from(str.replace(/[\r\n]/g, ''), 'utf8');
  const bad = (at: number): string => `illegal base32 data at input byte ${at}`;
  const out: number[] = [];
  let i = 0;
  let end = false;
  while (i < src.length && !end) {
    const block: number[] = [];
    let dlen = 8;
    for (let j = 0; j < 8; ) {
      if (i === src.length) return bad(i - j);
      const c = src[i++];
      const rest = src.length - i;
      if (c === 0x3d && j >= 2 && rest < 8) {
        if (rest + j < 7) return bad(src.length);
        for (let k = 0; k < 7 - j; k++) if (k < rest && src[i + k] !== 0x3d) return bad(i + k - 1);
        dlen = j;
        end = true;
        if (dlen === 1 || dlen === 3 || dlen === 6) return bad(i - 1);
        break;
      }
      const v = c < 0x80 ? BASE32.indexOf(String.fromCharCode(c)) : -1;
      if (v < 0) return bad(i - 1);
      block[j++] = v;
    }
    // Each 8 characters carry 40 bits; a short block carries whole bytes only.
    let bits = 0n;
    for (let j = 0; j < 8; j++) bits = (bits << 5n) | BigInt(block[j] ?? 0);
    const bytes = { 8: 5, 7: 4, 5: 3, 4: 2, 2: 1 }[dlen] ?? 0;
    for (let k = 0; k < bytes; k++) out.push(Number((bits >> BigInt(32 - 8 * k)) & 0xffn));
  }
  return Buffer.from(out).toString('utf8');
}
