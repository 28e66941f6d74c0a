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

// sprig's addf/subf/mulf/divf (execDecimalOp): each float64 becomes shopspring/decimal's shortest exact
// decimal, the arithmetic is decimal (a quotient rounded half away from zero to 16 places), and the
// result is the nearest float64: `addf 0.1 0.2` is 0.3, `divf 2 3` 0.6666666666666667.
interface Decimal {
  coef: bigint;
  exp: number;
}

function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new FuncError(`Cannot create a Decimal from ${Number.isNaN(f) ? 'NaN' : f > 0 ? '+Inf' : '-Inf'}`);
  const [mant, e] = f.toExponential().split('e');
  const digits = mant.replace('.', '');
  const frac = mant.includes('.') ? mant.length - mant.indexOf('.') - 1 : 0;
  return { coef: BigInt(digits), exp: Number(e) - frac };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function decimalAdd(x: Decimal, y: Decimal): Decimal {
  const exp = Math.min(x.exp, y.exp);
  return { coef: x.coef * pow10(x.exp - exp) + y.coef * pow10(y.exp - exp), exp };
}

function decimalDiv(x: Decimal, y: Decimal): Decimal {
  if (y.coef === 0n) throw new FuncError('decimal division by 0');
  const k = x.exp + 16 - y.exp;
  let num = x.coef;
  let den = y.coef;
  if (k >= 0) num *= pow10(k);
  else den *= pow10(-k);
  let q = num / den;
  const r = num % den;
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  if (2n * abs(r) >= abs(den)) q += (num < 0n) === (den < 0n) ? 1n : -1n;
  return { coef: q, exp: -16 };
}

function decimalOp(a: unknown, rest: unknown[], op: (x: Decimal, y: Decimal) => Decimal): number {
  let acc = decimalFromFloat(toFloat64(a));
  for (const v of rest) acc = op(acc, decimalFromFloat(toFloat64(v)));
  return Number(`${acc.coef}e${acc.exp}`);
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
  addf: fn([], (vs) => decimalOp(0, vs, decimalAdd), 'any'),
  add1f: fn(['any'], ([a]) => toFloat64(a) + 1),
  subf: fn(['any'], ([a, ...vs]) => decimalOp(a, vs, (x, y) => decimalAdd(x, { coef: -y.coef, exp: y.exp })), 'any'),
  mulf: fn(['any'], ([a, ...vs]) => decimalOp(a, vs, (x, y) => ({ coef: x.coef * y.coef, exp: x.exp + y.exp })), 'any'),
  divf: fn(['any'], ([a, ...vs]) => decimalOp(a, vs, decimalDiv), 'any'),

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

