// sprig defaults, numbers, reflection and regex functions (sprig v3.2.2 defaults.go, numeric.go, reflect.go,
// regex.go on Go's regexp, see go-regexp.ts; spf13/cast for conversions).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goQuote } from '../go-print.js';
import { GoRegexp, GoRegexpError } from '../go-regexp.js';
import { empty, goKindName, goTypeName, nilSlice, withGoType } from '../go-value.js';
import { toFloat64, toInt64 } from './convert.js';

const INT64_MIN = -(2n ** 63n);
const wrap64 = (v: bigint): bigint => BigInt.asIntN(64, v);

function divide(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
  if (a === INT64_MIN && b === -1n) return op === 'div' ? a : 0n;
  return op === 'div' ? a / b : a % b;
}

/** sprig's non-must regex functions use regexp.MustCompile: a bad pattern is a panic, which text/template reports. */
function mustCompile(re: string): GoRegexp {
  try {
    return GoRegexp.compile(re);
  } catch (e) {
    if (e instanceof GoRegexpError) throw new FuncError(`regexp: Compile(${goBackquote(re)}): ${e.message}`);
    throw e;
  }
}

/** regexp's quote: `s` in backquotes when strconv.CanBackquote, else strconv.Quote. */
function goBackquote(s: string): string {
  return /^[^`\x00-\x08\x0a-\x1f\x7f\ufeff\ud800-\udfff]*$/u.test(s) ? '`' + s + '`' : goQuote(s);
}

/** A Go []string from FindAllString: nil when nothing matched (or n is 0). */
function stringSlice(a: string[] | null): unknown[] {
  return a === null || a.length === 0 ? nilSlice('[]string') : withGoType(a, '[]string');
}

/** A Go []string from Split: nil only when n is 0. */
function splitSlice(a: string[] | null, n: unknown): unknown[] {
  return a === null || n === 0n ? nilSlice('[]string') : withGoType(a, '[]string');
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

  // sprig regex.go: regexMatch ignores a compile error (false); the must* forms return it; the rest panic.
  regexMatch: fn(['string', 'string'], ([re, s]) => {
    try {
      return GoRegexp.compile(re as string).matchString(s as string);
    } catch (e) {
      if (e instanceof GoRegexpError) return false;
      throw e;
    }
  }),
  mustRegexMatch: fn(['string', 'string'], ([re, s]) => GoRegexp.compile(re as string).matchString(s as string)),
  regexFind: fn(['string', 'string'], ([re, s]) => mustCompile(re as string).findString(s as string)),
  mustRegexFind: fn(['string', 'string'], ([re, s]) => GoRegexp.compile(re as string).findString(s as string)),
  regexFindAll: fn(['string', 'string', 'int'], ([re, s, n]) => stringSlice(mustCompile(re as string).findAllString(s as string, Number(n)))),
  mustRegexFindAll: fn(['string', 'string', 'int'], ([re, s, n]) => stringSlice(GoRegexp.compile(re as string).findAllString(s as string, Number(n)))),
  regexReplaceAll: fn(['string', 'string', 'string'], ([re, s, repl]) => mustCompile(re as string).replaceAllString(s as string, repl as string)),
  mustRegexReplaceAll: fn(['string', 'string', 'string'], ([re, s, repl]) =>
    GoRegexp.compile(re as string).replaceAllString(s as string, repl as string),
  ),
  regexReplaceAllLiteral: fn(['string', 'string', 'string'], ([re, s, repl]) =>
    mustCompile(re as string).replaceAllLiteralString(s as string, repl as string),
  ),
  mustRegexReplaceAllLiteral: fn(['string', 'string', 'string'], ([re, s, repl]) =>
    GoRegexp.compile(re as string).replaceAllLiteralString(s as string, repl as string),
  ),
  regexSplit: fn(['string', 'string', 'int'], ([re, s, n]) => splitSlice(mustCompile(re as string).split(s as string, Number(n)), n)),
  mustRegexSplit: fn(['string', 'string', 'int'], ([re, s, n]) => splitSlice(GoRegexp.compile(re as string).split(s as string, Number(n)), n)),
  regexQuoteMeta: fn(['string'], ([s]) => (s as string).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};

