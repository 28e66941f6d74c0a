// Go's fmt printing of template values (%v as text/template prints them) and strconv float/quote formatting.
// Follows golang/go src/fmt/print.go and src/strconv/ftoa.go, src/strconv/quote.go.
import { isMap, isNil, sortedKeys } from './go-value.js';

/** Shortest round-trip decimal digits of a finite non-zero |f| and its decimal exponent (d.ddd × 10^exp). */
export function shortestDigits(f: number): { digits: string; exp: number } {
  const s = Math.abs(f).toExponential(); // JS gives the shortest digits that round-trip, like Go's shortest mode
  const e = s.indexOf('e');
  return { digits: s.slice(0, e).replace('.', ''), exp: Number(s.slice(e + 1)) };
}

function expSuffix(exp: number): string {
  const sign = exp < 0 ? '-' : '+';
  const a = Math.abs(exp);
  return 'e' + sign + (a < 10 ? '0' + a : String(a)); // Go prints at least two exponent digits
}

function specialFloat(f: number): string | undefined {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  return undefined;
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits; exponent form when exp < -4 || exp >= 6, because
 * shortest %g fixes the precision used for that choice at 6 (so 1e+06 but 100000). */
export function formatFloatG(f: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // Ports, counts, sizes: an integer below 1e6 has no exponent in %g, so it prints as JS prints it.
  if (Number.isInteger(f) && f < 1e6 && f > -1e6) return String(f);
  const sign = f < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(f);
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mant + expSuffix(exp);
  }
  return sign + fixedFromDigits(digits, exp);
}

/** Place the decimal point in shortest digits (d.ddd × 10^exp) without trailing zeros. */
function fixedFromDigits(digits: string, exp: number): string {
  const dp = exp + 1; // digits before the decimal point
  if (dp <= 0) return '0.' + '0'.repeat(-dp) + digits;
  if (dp >= digits.length) return digits + '0'.repeat(dp - digits.length);
  return digits.slice(0, dp) + '.' + digits.slice(dp);
}

/** strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent. */
export function formatFloatFShortest(f: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const { digits, exp } = shortestDigits(f);
  return (f < 0 ? '-' : '') + fixedFromDigits(digits, exp);
}

/** strconv.FormatFloat(f, 'e', -1, 64). */
export function formatFloatEShortest(f: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  if (f === 0) return (Object.is(f, -0) ? '-' : '') + '0e+00';
  const { digits, exp } = shortestDigits(f);
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  return (f < 0 ? '-' : '') + mant + expSuffix(exp);
}

/** strconv.FormatFloat(f, 'e', prec, 64). */
export function formatFloatE(f: number, prec: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  const s = f.toExponential(Math.min(prec, 100));
  const e = s.indexOf('e');
  const out = s.slice(0, e) + expSuffix(Number(s.slice(e + 1)));
  return Object.is(f, -0) ? '-' + out : out;
}

/** strconv.FormatFloat(f, 'f', prec, 64). */
export function formatFloatF(f: number, prec: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  if (Math.abs(f) >= 1e21) {
    // toFixed falls back to exponent form above 1e21; expand through BigInt instead.
    const int = BigInt(f).toString();
    return prec > 0 ? int + '.' + '0'.repeat(prec) : int;
  }
  const out = f.toFixed(Math.min(prec, 100));
  return Object.is(f, -0) ? '-' + out : out;
}

/** strconv.FormatFloat(f, 'g', prec, 64) for an explicit precision (%.3g). */
export function formatFloatGPrec(f: number, prec: number): string {
  const sp = specialFloat(f);
  if (sp !== undefined) return sp;
  const p = prec === 0 ? 1 : prec;
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const s = Math.abs(f).toExponential(p - 1);
  const e = s.indexOf('e');
  let digits = s.slice(0, e).replace('.', '');
  const exp = Number(s.slice(e + 1));
  digits = digits.replace(/0+$/, '') || '0'; // %g drops trailing zeros
  let eprec = p;
  if (eprec > digits.length && digits.length >= exp + 1) eprec = digits.length;
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= eprec) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mant + expSuffix(exp);
  }
  return sign + fixedFromDigits(digits, exp);
}

/** fmt's %v of a value (nested nil prints `<nil>`; the `<no value>` of a top-level nil is the caller's). */
export function goPrint(v: unknown): string {
  if (isNil(v)) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatFloatG(v);
    case 'bigint':
      return v.toString();
    case 'function':
      return '<func>';
    default:
      break;
  }
  if (Array.isArray(v)) return '[' + v.map(goPrint).join(' ') + ']';
  if (isMap(v)) return 'map[' + sortedKeys(v).map((k) => k + ':' + goPrint(v[k])).join(' ') + ']';
  return String(v);
}

// Made on first use: V8 builds the Unicode classes when the literal is created (about 1 ms at start-up).
let printable: RegExp | undefined;

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrint(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  return (printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u).test(String.fromCodePoint(cp));
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

const QUOTE_AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** strconv.Quote, Go's %q of a string. */
export function goQuote(s: string): string {
  // Printable ASCII without `"` or `\`: every character stands for itself (the usual names and URLs).
  if (QUOTE_AS_IS.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd; // a lone surrogate is what Go sees as invalid UTF-8
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (isGoPrint(cp)) out += String.fromCodePoint(cp);
    else if (cp === 7) out += '\\a';
    else if (cp === 8) out += '\\b';
    else if (cp === 12) out += '\\f';
    else if (cp === 10) out += '\\n';
    else if (cp === 13) out += '\\r';
    else if (cp === 9) out += '\\t';
    else if (cp === 11) out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x10000) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + '"';
}
