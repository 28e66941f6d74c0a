// Go's time.Duration (an int64 count of nanoseconds) as sprig's date functions use it: ParseDuration,
// String and Round, following golang/go src/time/time.go and format.go (go1.18).

const NANOSECOND = 1n;
const MICROSECOND = 1000n;
const MILLISECOND = 1_000_000n;
export const SECOND = 1_000_000_000n;
export const MINUTE = 60n * SECOND;
export const HOUR = 60n * MINUTE;

export const MAX_DURATION = 2n ** 63n - 1n;
export const MIN_DURATION = -(2n ** 63n);

/** A time-package error (its Error() text). */
export class GoTimeError extends Error {}

/** time's own quote: printable ASCII as is, other bytes as \xNN. */
export function timeQuote(bytes: string): string {
  let out = '"';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    if (c >= 0x80 || c < 0x20) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += (c === 0x22 || c === 0x5c ? '\\' : '') + bytes[i];
  }
  return out + '"';
}

/** A string as Go sees it: one character per UTF-8 byte (Latin-1), so indexes are byte offsets. */
export const toBytes = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

const UNITS: Record<string, bigint> = {
  ns: NANOSECOND,
  us: MICROSECOND,
  '\u00c2\u00b5s': MICROSECOND, // µ (U+00B5) in UTF-8
  '\u00ce\u00bcs': MICROSECOND, // μ (U+03BC) in UTF-8
  ms: MILLISECOND,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/** ParseDuration's uint64 bound: 2^63, the magnitude of the most negative Duration. */
const LIMIT = 2n ** 63n;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration (go1.18): [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, counted in uint64 up to 2^63 (so -2^63ns parses). */
export function parseDuration(text: string): bigint {
  const orig = toBytes(text);
  const invalid = (): GoTimeError => new GoTimeError(`time: invalid duration ${timeQuote(orig)}`);
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) throw invalid();
    let i = 0;
    while (isDigit(s[i])) i++;
    const pre = i > 0;
    const whole = pre ? BigInt(s.slice(0, i)) : 0n;
    if (whole > LIMIT) throw invalid();
    s = s.slice(i);
    let frac = 0n;
    let scale = 1;
    let post = false;
    if (s[0] === '.') {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      // leadingFraction: digits past int64 precision are consumed but ignored.
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        const next = frac * 10n + BigInt(s.charCodeAt(j) - 48);
        if (frac > MAX_DURATION / 10n || next > LIMIT) {
          overflow = true;
          continue;
        }
        frac = next;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) throw invalid();
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) throw new GoTimeError(`time: missing unit in duration ${timeQuote(orig)}`);
    const unitText = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS[unitText];
    if (unit === undefined) throw new GoTimeError(`time: unknown unit ${timeQuote(unitText)} in duration ${timeQuote(orig)}`);
    if (whole > LIMIT / unit) throw invalid();
    let v = whole * unit;
    if (frac > 0n) {
      // Go computes the fraction in float64, nanosecond-accurate for fractions of an hour.
      v += BigInt(Math.trunc(Number(frac) * (Number(unit) / scale)));
      if (v > LIMIT) throw invalid();
    }
    d += v;
    if (d > LIMIT) throw invalid();
  }
  if (neg) return -d;
  if (d > MAX_DURATION) throw invalid();
  return d;
}

/** The fraction v/10^prec without trailing zeros (and no point when it is zero), and v/10^prec. */
function fmtFrac(v: bigint, prec: number): [string, bigint] {
  let digits = '';
  let printed = false;
  for (let i = 0; i < prec; i++) {
    const digit = v % 10n;
    printed = printed || digit !== 0n;
    if (printed) digits = digit.toString() + digits;
    v /= 10n;
  }
  return [printed ? '.' + digits : '', v];
}

/** Duration.String: "72h3m0.5s", "1.5ms", "0s". */
export function formatDuration(d: bigint): string {
  const neg = d < 0n;
  let u = neg ? -d : d;
  let out: string;
  if (u < SECOND) {
    if (u === 0n) return '0s';
    let unit: string;
    let prec: number;
    if (u < MICROSECOND) [unit, prec] = ['ns', 0];
    else if (u < MILLISECOND) [unit, prec] = ['\u00b5s', 3];
    else [unit, prec] = ['ms', 6];
    const [frac, whole] = fmtFrac(u, prec);
    out = whole.toString() + frac + unit;
  } else {
    const [frac, secs] = fmtFrac(u, 9);
    u = secs;
    out = (u % 60n).toString() + frac + 's';
    u /= 60n;
    if (u > 0n) {
      out = (u % 60n).toString() + 'm' + out;
      u /= 60n;
      if (u > 0n) out = u.toString() + 'h' + out;
    }
  }
  return neg ? '-' + out : out;
}

/** Duration.Round(m): halfway rounds away from zero; a result past int64 saturates. */
export function roundDuration(d: bigint, m: bigint): bigint {
  if (m <= 0n) return d;
  let r = d % m;
  const lessThanHalf = (x: bigint): boolean => x + x < m;
  if (d < 0n) {
    r = -r;
    if (lessThanHalf(r)) return d + r;
    const d1 = d - m + r;
    return d1 >= MIN_DURATION ? d1 : MIN_DURATION;
  }
  if (lessThanHalf(r)) return d - r;
  const d1 = d + m - r;
  return d1 <= MAX_DURATION ? d1 : MAX_DURATION;
}
