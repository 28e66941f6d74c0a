// sprig defaults, numbers, reflection and regex functions (sprig v3.2.2 defaults.go, numeric.go, reflect.go,
// regex.go; spf13/cast for conversions).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { empty, goKindName, goTypeName } from '../go-value.js';
import { toFloat64, toInt64 } from './convert.js';

const INT64_MIN = -(2n ** 63n);
const wrap64 = (v: bigint): bigint => BigInt.asIntN(64, v);

function divide(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
  if (a === INT64_MIN && b === -1n) return op === 'div' ? a : 0n;
  return op === 'div' ? a / b : a % b;
}

/** Go's regexp (RE2) syntax → a JS RegExp; named groups and leading inline flags are translated. */
export function goRegExp(re: string, global = false): RegExp {
  let src = re.replace(/\(\?P</g, '(?<');
  let flags = global ? 'g' : '';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    for (const f of m[1]) if (f !== 'U' && !flags.includes(f)) flags += f;
  }
  src = src.replace(/\\z/g, '$(?![\\s\\S])').replace(/\\A/g, '^(?<![\\s\\S])');
  try {
    return new RegExp(src, flags + 'u');
  } catch {
    try {
      return new RegExp(src, flags);
    } catch (e) {
      throw new FuncError(`error parsing regexp: ${(e as Error).message}`);
    }
  }
}

/** Regexp.Expand template syntax: $1, ${1}, $name, ${name}, $$. */
function expand(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_all, dollar: string, braced?: string, bare?: string) => {
    if (dollar === '$') return '$';
    const name = braced ?? bare ?? '';
    if (/^[0-9]+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}

/** Regexp.FindAllString(s, n): n < 0 means all; empty matches right after a match are skipped as Go does. */
function findAll(re: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (n === 0) return out;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let prevEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = g.exec(s)) !== null) {
    if (m[0] === '') {
      if (m.index === prevEnd) {
        g.lastIndex = m.index + 1;
        continue;
      }
      g.lastIndex = m.index + 1;
    }
    prevEnd = m.index + m[0].length;
    out.push(m);
    if (n > 0 && out.length >= n) break;
  }
  return out;
}

export const valueFuncs: FuncMap = {
  default: fn(['any'], ([d, ...given]) => (given.length === 0 || empty(given[0]) ? d : given[0]), 'any'),
  empty: fn(['any'], ([v]) => empty(v)),
  coalesce: fn([], (vs) => vs.find((v) => !empty(v)) ?? null, 'any'),
  all: fn([], (vs) => vs.every((v) => !empty(v)), 'any'),
  any: fn([], (vs) => vs.some((v) => !empty(v)), 'any'),
  ternary: fn(['any', 'any', 'bool'], ([t, f, c]) => (c ? t : f)),

  typeOf: fn(['any'], ([v]) => goTypeName(v)),
  typeIs: fn(['string', 'any'], ([t, v]) => t === goTypeName(v)),
  typeIsLike: fn(['string', 'any'], ([t, v]) => t === goTypeName(v) || t === '*' + goTypeName(v)),
  kindOf: fn(['any'], ([v]) => goKindName(v)),
  kindIs: fn(['string', 'any'], ([t, v]) => t === goKindName(v)),

  int: fn(['any'], ([v]) => toInt64(v)),
  int64: fn(['any'], ([v]) => toInt64(v)),
  float64: fn(['any'], ([v]) => toFloat64(v)),
  atoi: fn(['string'], ([s]) => {
    const m = /^[+-]?[0-9]+$/.exec(s as string);
    if (!m) return 0n;
    const v = BigInt(s as string);
    return v >= INT64_MIN && v < 2n ** 63n ? v : 0n;
  }),
  toDecimal: fn(['any'], ([v]) => {
    const str = typeof v === 'string' ? v : String(v);
    return /^[+-]?[0-7]+$/.test(str) ? BigInt.asIntN(64, BigInt('0o' + str.replace(/^[+-]/, ''))) * (str.startsWith('-') ? -1n : 1n) : 0n;
  }),
  add: fn([], (vs) => vs.reduce<bigint>((a, b) => wrap64(a + toInt64(b)), 0n), 'any'),
  add1: fn(['any'], ([v]) => wrap64(toInt64(v) + 1n)),
  sub: fn(['any', 'any'], ([a, b]) => wrap64(toInt64(a) - toInt64(b))),
  mul: fn(['any'], ([a, ...vs]) => vs.reduce<bigint>((x, y) => wrap64(x * toInt64(y)), toInt64(a)), 'any'),
  div: fn(['any', 'any'], ([a, b]) => divide(toInt64(a), toInt64(b), 'div')),
  mod: fn(['any', 'any'], ([a, b]) => divide(toInt64(a), toInt64(b), 'mod')),
  max: fn(['any'], ([a, ...vs]) => vs.reduce<bigint>((x, y) => (toInt64(y) > x ? toInt64(y) : x), toInt64(a)), 'any'),
  biggest: fn(['any'], ([a, ...vs]) => vs.reduce<bigint>((x, y) => (toInt64(y) > x ? toInt64(y) : x), toInt64(a)), 'any'),
  min: fn(['any'], ([a, ...vs]) => vs.reduce<bigint>((x, y) => (toInt64(y) < x ? toInt64(y) : x), toInt64(a)), 'any'),
  maxf: fn(['any'], ([a, ...vs]) => vs.reduce<number>((x, y) => Math.max(x, toFloat64(y)), toFloat64(a)), 'any'),
  minf: fn(['any'], ([a, ...vs]) => vs.reduce<number>((x, y) => Math.min(x, toFloat64(y)), toFloat64(a)), 'any'),
  floor: fn(['any'], ([a]) => Math.floor(toFloat64(a))),
  ceil: fn(['any'], ([a]) => Math.ceil(toFloat64(a))),
  round: fn(['any', 'int'], ([a, p, ...opt]) => {
    const roundOn = opt.length ? toFloat64(opt[0]) : 0.5;
    const pow = 10 ** Number(p);
    const digit = pow * toFloat64(a);
    const frac = digit - Math.trunc(digit);
    return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
  }, 'float64'),
  addf: fn([], (vs) => vs.reduce<number>((x, y) => x + toFloat64(y), 0), 'any'),
  add1f: fn(['any'], ([a]) => toFloat64(a) + 1),
  subf: fn(['any'], ([a, ...vs]) => vs.reduce<number>((x, y) => x - toFloat64(y), toFloat64(a)), 'any'),
  mulf: fn(['any'], ([a, ...vs]) => vs.reduce<number>((x, y) => x * toFloat64(y), toFloat64(a)), 'any'),
  divf: fn(['any'], ([a, ...vs]) => vs.reduce<number>((x, y) => x / toFloat64(y), toFloat64(a)), 'any'),

  regexMatch: fn(['string', 'string'], ([re, s]) => goRegExp(re as string).test(s as string)),
  mustRegexMatch: fn(['string', 'string'], ([re, s]) => goRegExp(re as string).test(s as string)),
  regexFind: fn(['string', 'string'], ([re, s]) => goRegExp(re as string).exec(s as string)?.[0] ?? ''),
  regexFindAll: fn(['string', 'string', 'int'], ([re, s, n]) => findAll(goRegExp(re as string), s as string, Number(n)).map((m) => m[0])),
  regexReplaceAll: fn(['string', 'string', 'string'], ([re, s, repl]) => {
    const str = s as string;
    let out = '';
    let last = 0;
    for (const m of findAll(goRegExp(re as string), str, -1)) {
      out += str.slice(last, m.index) + expand(repl as string, m);
      last = m.index + m[0].length;
    }
    return out + str.slice(last);
  }),
  regexReplaceAllLiteral: fn(['string', 'string', 'string'], ([re, s, repl]) => {
    const str = s as string;
    let out = '';
    let last = 0;
    for (const m of findAll(goRegExp(re as string), str, -1)) {
      out += str.slice(last, m.index) + (repl as string);
      last = m.index + m[0].length;
    }
    return out + str.slice(last);
  }),
  regexSplit: fn(['string', 'string', 'int'], ([re, s, n]) => {
    // Regexp.Split: n == 0 → nil; n < 0 → all; an empty match at the start is dropped.
    const str = s as string;
    const count = Number(n);
    if (count === 0) return null;
    if ((re as string).length > 0 && str.length === 0) return [''];
    const matches = findAll(goRegExp(re as string), str, count);
    const out: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of matches) {
      if (count > 0 && out.length === count - 1) break;
      end = m.index;
      if (m.index + m[0].length !== 0) out.push(str.slice(beg, end));
      beg = m.index + m[0].length;
    }
    if (end !== str.length) out.push(str.slice(beg));
    return out;
  }),
  regexQuoteMeta: fn(['string'], ([s]) => (s as string).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};

