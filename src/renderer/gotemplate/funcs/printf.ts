// Go's fmt.Sprintf / Sprint / Sprintln for template values; follows golang/go src/fmt/print.go and format.go
// for the verbs templates use (%v %s %d %q %f %e %g %t %x %X %o %b %c %T %%), flags, width and precision.
import {
  formatFloatE,
  formatFloatEShortest,
  formatFloatF,
  formatFloatG,
  formatFloatGPrec,
  goPrint,
  goQuote,
} from '../go-print.js';
import { GoStruct, goTypeName, isMap, isNil, sortedKeys } from '../go-value.js';

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: unknown[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += goPrint(args[i]);
  }
  return out;
}

/** fmt.Sprintln: always spaces, trailing newline. */
export function sprintln(args: unknown[]): string {
  return args.map(goPrint).join(' ') + '\n';
}

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width?: number;
  prec?: number;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const w = spec.width ?? 0;
  const len = Array.from(s).length;
  if (len >= w) return s;
  if (spec.minus) return s + ' '.repeat(w - len);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(w - len) + s.slice(sign.length);
  }
  return ' '.repeat(w - len) + s;
}

function badVerb(verb: string, v: unknown): string {
  if (isNil(v)) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(v)}=${goPrint(v)})`;
}

function signed(s: string, spec: Spec): string {
  if (s.startsWith('-')) return s;
  if (spec.plus) return '+' + s;
  if (spec.space) return ' ' + s;
  return s;
}

function fmtInt(v: bigint, verb: string, spec: Spec): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  let digits: string;
  switch (verb) {
    case 'd':
    case 'v':
      digits = a.toString(10);
      break;
    case 'x':
      digits = a.toString(16);
      if (spec.sharp) digits = '0x' + digits;
      break;
    case 'X':
      digits = a.toString(16).toUpperCase();
      if (spec.sharp) digits = '0X' + digits;
      break;
    case 'o':
      digits = a.toString(8);
      if (spec.sharp) digits = '0' + digits;
      break;
    case 'O':
      digits = '0o' + a.toString(8);
      break;
    case 'b':
      digits = a.toString(2);
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(v)), spec, false);
    case 'q': {
      // strconv.QuoteRune: %q's escaping with single quotes.
      const body = goQuote(String.fromCodePoint(Number(v))).slice(1, -1).replace('\\"', '"').replace("'", "\\'");
      return pad(`'${body}'`, spec, false);
    }
    case 'U':
      return pad('U+' + a.toString(16).toUpperCase().padStart(4, '0'), spec, false);
    default:
      return badVerb(verb, v);
  }
  if (spec.prec !== undefined) digits = digits.padStart(spec.prec, '0');
  return pad(signed((neg ? '-' : '') + digits, spec), spec, spec.prec === undefined);
}

/** A finite float64's sign, 53-bit mantissa and binary exponent (value = mant * 2^(exp-52)), as strconv reads its bits. */
function floatBits(f: number): { neg: boolean; mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f);
  const bits = view.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  if (exp === 0) exp++;
  else mant |= 1n << 52n;
  return { neg: bits >> 63n === 1n, mant, exp: exp - 1023 };
}

/** strconv.FormatFloat(f, 'b', -1, 64): decimal mantissa, binary exponent (`8804889115230208p-43`). */
function formatFloatB(f: number): string {
  const { neg, mant, exp } = floatBits(f);
  const e = exp - 52;
  return `${neg ? '-' : ''}${mant}p${e >= 0 ? '+' : '-'}${Math.abs(e)}`;
}

/** strconv.FormatFloat(f, 'x', -1, 64): shortest hexadecimal mantissa (`0x1.f48p+09`). */
function formatFloatX(f: number, verb: string): string {
  const hex = verb === 'X' ? '0123456789ABCDEF' : '0123456789abcdef';
  let { mant, exp } = floatBits(f);
  const { neg } = floatBits(f);
  if (mant === 0n) exp = 0;
  mant <<= 8n;
  const top = 1n << 60n;
  const mask = (1n << 64n) - 1n;
  while (mant !== 0n && (mant & top) === 0n) {
    mant = (mant << 1n) & mask;
    exp--;
  }
  let out = `${neg ? '-' : ''}0${verb}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & mask;
  if (mant !== 0n) {
    out += '.';
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & mask;
    }
  }
  const e = Math.abs(exp);
  return `${out}${verb === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
}

function fmtFloat(f: number, verb: string, spec: Spec): string {
  let s: string;
  const p = spec.prec;
  switch (verb) {
    case 'v':
    case 'g':
      s = p === undefined ? formatFloatG(f) : formatFloatGPrec(f, p);
      break;
    case 'G':
      s = (p === undefined ? formatFloatG(f) : formatFloatGPrec(f, p)).toUpperCase();
      break;
    case 'f':
    case 'F':
      s = formatFloatF(f, p ?? 6);
      break;
    case 'e':
      s = p === undefined ? formatFloatE(f, 6) : formatFloatE(f, p);
      break;
    case 'E':
      s = (p === undefined ? formatFloatE(f, 6) : formatFloatE(f, p)).toUpperCase();
      break;
    case 'x':
    case 'X':
      s = Number.isFinite(f) ? formatFloatX(f, verb) : formatFloatEShortest(f);
      break;
    case 'b':
      s = Number.isFinite(f) ? formatFloatB(f) : formatFloatEShortest(f);
      break;
    default:
      return badVerb(verb, f);
  }
  if (s === '+Inf') s = spec.plus ? '+Inf' : 'Inf';
  return pad(signed(s, spec), spec, Number.isFinite(f));
}

function fmtString(s: string, verb: string, spec: Spec): string {
  switch (verb) {
    case 'v':
    case 's': {
      const t = spec.prec !== undefined ? Array.from(s).slice(0, spec.prec).join('') : s;
      return pad(t, spec, false);
    }
    case 'q':
      return pad(spec.sharp && !s.includes('`') ? '`' + s + '`' : goQuote(s), spec, false);
    case 'x':
    case 'X': {
      const h = Buffer.from(s, 'utf8').toString('hex');
      return pad(verb === 'X' ? h.toUpperCase() : h, spec, false);
    }
    default:
      return badVerb(verb, s);
  }
}

/** One operand under one verb. Slices and maps apply the verb to their elements, as fmt does. */
function formatOne(v: unknown, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(v), spec, false);
  if (isNil(v)) return verb === 'v' ? pad('<nil>', spec, false) : badVerb(verb, v);
  if (verb === 'v' && spec.sharp) return pad(goPrint(v), spec, false);
  switch (typeof v) {
    case 'string':
      return fmtString(v, verb, spec);
    case 'boolean':
      return verb === 'v' || verb === 't' ? pad(v ? 'true' : 'false', spec, false) : badVerb(verb, v);
    case 'number':
      return fmtFloat(v, verb, spec);
    case 'bigint':
      return fmtInt(v, verb, spec);
    default:
      break;
  }
  if (Array.isArray(v)) return '[' + v.map((x) => formatOne(x, verb, { ...spec, width: undefined })).join(' ') + ']';
  if (isMap(v)) {
    return 'map[' + sortedKeys(v).map((k) => formatOne(k, verb, spec) + ':' + formatOne(v[k], verb, spec)).join(' ') + ']';
  }
  // A Stringer (time.Time, semver.Version): fmt formats its String() for the string verbs.
  if (v instanceof GoStruct && v.stringer && 'vsqxX'.includes(verb)) return fmtString(v.toString(), verb, spec);
  return pad(goPrint(v), spec, false);
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: unknown[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    i = pct + 1;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false };
    for (; i < n; i++) {
      const c = format[i];
      if (c === '-') spec.minus = true;
      else if (c === '+') spec.plus = true;
      else if (c === '#') spec.sharp = true;
      else if (c === ' ') spec.space = true;
      else if (c === '0') spec.zero = !spec.minus;
      else break;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return typeof a === 'bigint' ? Number(a) : undefined;
      }
      const m = /^[0-9]+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = num();
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === '.') {
      i++;
      spec.prec = num() ?? 0;
    }
    if (i >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOne(args[argi++], verb, spec);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => (isNil(a) ? '<nil>' : `${goTypeName(a)}=${goPrint(a)}`)).join(', ') + ')';
  }
  return out;
}
