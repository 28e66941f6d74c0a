// sprig string functions (Masterminds/sprig v3.2.2 functions.go, strings.go; huandu/xstrings for case changes).
import { createHash } from 'node:crypto';
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goQuote } from '../go-print.js';
import { isNil, newMap, setKey } from '../go-value.js';
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

function splitMap(parts: string[]): Record<string, unknown> {
  const m = newMap();
  parts.forEach((p, i) => setKey(m, '_' + i, p));
  return m;
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

function abbrev(width: number, str: string): string {
  if (width < 4) return str;
  // goutils.Abbreviate(str, maxWidth): offset 0.
  if (byteLen(str) <= width) return str;
  return byteSlice(str, 0, width - 3) + '...';
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
  splitList: fn(['string', 'string'], ([sep, str]) => goSplit(s(str), s(sep))),
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
  base: fn(['string'], ([a]) => pathBase(s(a))),
  dir: fn(['string'], ([a]) => pathDir(s(a))),
  ext: fn(['string'], ([a]) => {
    const str = s(a);
    for (let i = str.length - 1; i >= 0 && str[i] !== '/'; i--) if (str[i] === '.') return str.slice(i);
    return '';
  }),
  wrap: fn(['int', 'string'], ([w, str]) => wrap(s(str), n(w))),
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
  const pad = ' '.repeat(Math.max(spaces, 0));
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

/** path.Clean, enough for path.Base/Dir. */
function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const r = (rooted ? '/' : '') + out.join('/');
  return r === '' ? '.' : r;
}

function pathBase(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function pathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return pathClean(p.slice(0, i + 1));
}

/** goutils.Wrap: break lines longer than width at spaces. */
function wrap(str: string, width: number): string {
  const w = width < 1 ? 1 : width;
  return str
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > w) {
        let cut = rest.lastIndexOf(' ', w);
        if (cut <= 0) {
          cut = rest.indexOf(' ', w);
          if (cut < 0) break;
        }
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}
