// Go's time.Time for sprig's date functions: an instant (Unix seconds and nanoseconds), a Location, and
// the monotonic clock reading time.Now attaches. Format, Parse, Date, Add, Sub and String follow golang/go
// src/time/format.go and time.go as of go1.18, which built helm v3.10.1.
import { GoJsonError } from '../go-json.js';
import { GoStruct } from '../go-value.js';
import { GoTimeError, MAX_DURATION, MIN_DURATION, SECOND, timeQuote, toBytes } from './go-duration.js';
import { civilFromDays, daysFromCivil, daysIn, fixedZone, isLeap, localLocation, lookup, lookupName, UTC, type GoLocation, type ZoneAt } from './go-zoneinfo.js';

const SECONDS_PER_DAY = 86400;
/** Days before each month (index 0 = January) in a common year. */
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

export class GoTime extends GoStruct {
  constructor(
    /** Unix seconds. */
    readonly sec: number,
    /** Nanoseconds within the second, 0 to 999999999. */
    readonly nsec: number,
    readonly loc: GoLocation,
    /** The monotonic clock reading in nanoseconds, which time.Now adds and String prints as m=±s. */
    readonly mono?: bigint,
  ) {
    super();
  }

  get goType(): string {
    return 'time.Time';
  }

  override get stringer(): boolean {
    return true;
  }

  /** Time.MarshalJSON: RFC 3339 with nanoseconds, for years 0 to 9999 only. */
  jsonValue(): string {
    const year = civil(this).year;
    if (year < 0 || year > 9999) {
      throw new GoJsonError('json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: year outside of range [0,9999]');
    }
    return formatTime(this, '2006-01-02T15:04:05.999999999Z07:00');
  }

  /** Time.String, as fmt prints a time.Time: "2006-01-02 15:04:05.999999999 -0700 MST m=+0.000000001". */
  override toString(): string {
    const s = formatTime(this, '2006-01-02 15:04:05.999999999 -0700 MST');
    if (this.mono === undefined) return s;
    const neg = this.mono < 0n;
    const m = neg ? -this.mono : this.mono;
    return `${s} m=${neg ? '-' : '+'}${m / SECOND}.${(m % SECOND).toString().padStart(9, '0')}`;
  }

  // Methods a template can call on a time.Time ({{ now.Unix }}, {{ $t.Format "2006" }}); Go ints are bigints.
  String(): string {
    return this.toString();
  }
  Format(layout: unknown): string {
    if (typeof layout !== 'string') throw new Error(`wrong type for value; expected string`);
    return formatTime(this, layout);
  }
  Unix(): bigint {
    return BigInt(this.sec);
  }
  UnixMilli(): bigint {
    return BigInt(this.sec) * 1000n + BigInt(Math.floor(this.nsec / 1e6));
  }
  UnixMicro(): bigint {
    return BigInt(this.sec) * 1_000_000n + BigInt(Math.floor(this.nsec / 1e3));
  }
  UnixNano(): bigint {
    return BigInt.asIntN(64, BigInt(this.sec) * SECOND + BigInt(this.nsec));
  }
  Year(): bigint {
    return BigInt(civil(this).year);
  }
  YearDay(): bigint {
    return BigInt(civil(this).yday);
  }
  Day(): bigint {
    return BigInt(civil(this).day);
  }
  Hour(): bigint {
    return BigInt(civil(this).hour);
  }
  Minute(): bigint {
    return BigInt(civil(this).min);
  }
  Second(): bigint {
    return BigInt(civil(this).sec);
  }
  Nanosecond(): bigint {
    return BigInt(this.nsec);
  }
  IsZero(): boolean {
    return this.sec === ZERO_TIME.sec && this.nsec === 0;
  }
  UTC(): GoTime {
    return inLocation(this, UTC);
  }
  Local(): GoTime {
    return inLocation(this, localLocation());
  }
  Add(d: unknown): GoTime {
    if (typeof d !== 'bigint') throw new Error('wrong type for value; expected time.Duration');
    return addDuration(this, d);
  }
  Before(u: unknown): boolean {
    return compareTimes(this, requireGoTime(u)) < 0;
  }
  After(u: unknown): boolean {
    return compareTimes(this, requireGoTime(u)) > 0;
  }
  Equal(u: unknown): boolean {
    return compareTimes(this, requireGoTime(u)) === 0;
  }
}

function requireGoTime(u: unknown): GoTime {
  if (!(u instanceof GoTime)) throw new Error('wrong type for value; expected time.Time');
  return u;
}

const compareTimes = (a: GoTime, b: GoTime): number => (a.sec !== b.sec ? a.sec - b.sec : a.nsec - b.nsec);

/** The wall clock and calendar of a time in its zone. */
function civil(t: GoTime): { zone: ZoneAt; year: number; month: number; day: number; yday: number; weekday: number; hour: number; min: number; sec: number } {
  const zone = lookup(t.loc, t.sec);
  const local = t.sec + zone.offset;
  const days = Math.floor(local / SECONDS_PER_DAY);
  const clock = local - days * SECONDS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  return {
    zone,
    year,
    month,
    day,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    weekday: (((days + 4) % 7) + 7) % 7,
    hour: Math.floor(clock / 3600),
    min: Math.floor((clock % 3600) / 60),
    sec: clock % 60,
  };
}

/** Time{}: January 1, year 1, 00:00:00 UTC. */
export const ZERO_TIME = new GoTime(-62135596800, 0, UTC);

/** time.Unix(sec, 0), in the local zone. */
export const unixTime = (sec: number): GoTime => new GoTime(sec, 0, localLocation());

/** Time.In: the same instant shown in another zone (the monotonic reading is dropped). */
export const inLocation = (t: GoTime, loc: GoLocation): GoTime => new GoTime(t.sec, t.nsec, loc);

/** Wall seconds of a time carrying a monotonic reading count from 1885 in 33 bits (Go's compact encoding). */
const MONO_WALL_START = -2682288000;
const MONO_WALL_SPAN = 2 ** 33;

/**
 * Time.Add: nanosecond arithmetic. The monotonic reading moves along, unless the result leaves the years
 * Go's compact encoding holds (1885 to 2157) or the reading leaves int64: then it is dropped, as Go does.
 */
export function addDuration(t: GoTime, d: bigint): GoTime {
  let sec = t.sec + Number(d / SECOND);
  let nsec = t.nsec + Number(d % SECOND);
  if (nsec >= 1e9) {
    sec++;
    nsec -= 1e9;
  } else if (nsec < 0) {
    sec--;
    nsec += 1e9;
  }
  let mono: bigint | undefined;
  if (t.mono !== undefined) {
    const wall = sec - MONO_WALL_START;
    const moved = t.mono + d;
    if (wall >= 0 && wall < MONO_WALL_SPAN && moved === BigInt.asIntN(64, moved)) mono = moved;
  }
  return new GoTime(sec, nsec, t.loc, mono);
}

/** Time.Sub: t - u in nanoseconds, saturating at the Duration range. */
export function subTimes(t: GoTime, u: GoTime): bigint {
  const d = BigInt(t.sec - u.sec) * SECOND + BigInt(t.nsec - u.nsec);
  if (d > MAX_DURATION) return MAX_DURATION;
  if (d < MIN_DURATION) return MIN_DURATION;
  return d;
}

/** time.Date: fields normalised (a 13th month is next January), then placed in loc, adjusting near a zone change. */
export function goDate(year: number, month: number, day: number, hour: number, min: number, sec: number, nsec: number, loc: GoLocation): GoTime {
  const norm = (hi: number, lo: number, base: number): [number, number] => {
    const q = Math.floor(lo / base);
    return [hi + q, lo - q * base];
  };
  let m = month - 1;
  [year, m] = norm(year, m, 12);
  [sec, nsec] = norm(sec, nsec, 1e9);
  [min, sec] = norm(min, sec, 60);
  [hour, min] = norm(hour, min, 60);
  [day, hour] = norm(day, hour, 24);
  const days = daysFromCivil(year, m + 1, 1) + day - 1;
  let unix = days * SECONDS_PER_DAY + hour * 3600 + min * 60 + sec;
  // The wall clock is local; find the offset that was in effect, trying again across a transition.
  const first = lookup(loc, unix);
  let offset = first.offset;
  if (offset !== 0) {
    const utc = unix - offset;
    if (utc < first.start || utc >= first.end) offset = lookup(loc, utc).offset;
    unix -= offset;
  }
  return new GoTime(unix, nsec, loc);
}

// --- layouts -------------------------------------------------------------------------------------------------

type StdKind =
  | 'LongMonth' | 'Month' | 'NumMonth' | 'ZeroMonth' | 'LongWeekDay' | 'WeekDay' | 'Day' | 'UnderDay' | 'ZeroDay'
  | 'UnderYearDay' | 'ZeroYearDay' | 'Hour' | 'Hour12' | 'ZeroHour12' | 'Minute' | 'ZeroMinute' | 'Second'
  | 'ZeroSecond' | 'LongYear' | 'Year' | 'PM' | 'pm' | 'TZ' | 'ISO8601TZ' | 'ISO8601SecondsTZ' | 'ISO8601ShortTZ'
  | 'ISO8601ColonTZ' | 'ISO8601ColonSecondsTZ' | 'NumTZ' | 'NumSecondsTz' | 'NumShortTZ' | 'NumColonTZ'
  | 'NumColonSecondsTZ' | 'FracSecond0' | 'FracSecond9';

interface Std {
  kind: StdKind;
  /** Fractional seconds: how many digits, and the separator ('.' or ','). */
  digits: number;
  sep: string;
}

interface Chunk {
  prefix: string;
  std?: Std;
  /** The layout text of the element. */
  text: string;
  suffix: string;
}

const ZERO_X: StdKind[] = ['ZeroMonth', 'ZeroDay', 'ZeroHour12', 'ZeroMinute', 'ZeroSecond', 'Year'];
const NUMERIC_ZONES: Array<[string, StdKind]> = [
  ['-070000', 'NumSecondsTz'], ['-07:00:00', 'NumColonSecondsTZ'], ['-0700', 'NumTZ'], ['-07:00', 'NumColonTZ'], ['-07', 'NumShortTZ'],
  ['Z070000', 'ISO8601SecondsTZ'], ['Z07:00:00', 'ISO8601ColonSecondsTZ'], ['Z0700', 'ISO8601TZ'], ['Z07:00', 'ISO8601ColonTZ'], ['Z07', 'ISO8601ShortTZ'],
];
const lowerAt = (s: string, i: number): boolean => i < s.length && s[i] >= 'a' && s[i] <= 'z';
const digitAt = (s: string, i: number): boolean => i < s.length && s[i] >= '0' && s[i] <= '9';

/** nextStdChunk: the text before the first layout element, the element, and the rest. */
function nextStdChunk(layout: string): Chunk {
  const at = (i: number, len: number, kind: StdKind, skip = 0): Chunk => ({
    prefix: layout.slice(0, i + skip),
    std: { kind, digits: 0, sep: '.' },
    text: layout.slice(i + skip, i + len),
    suffix: layout.slice(i + len),
  });
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const has = (word: string): boolean => layout.startsWith(word, i);
    switch (c) {
      case 'J':
        if (has('Jan')) {
          if (has('January')) return at(i, 7, 'LongMonth');
          if (!lowerAt(layout, i + 3)) return at(i, 3, 'Month');
        }
        break;
      case 'M':
        if (has('Mon')) {
          if (has('Monday')) return at(i, 6, 'LongWeekDay');
          if (!lowerAt(layout, i + 3)) return at(i, 3, 'WeekDay');
        }
        if (has('MST')) return at(i, 3, 'TZ');
        break;
      case '0':
        if (layout[i + 1] >= '1' && layout[i + 1] <= '6') return at(i, 2, ZERO_X[layout.charCodeAt(i + 1) - 49]);
        if (has('002')) return at(i, 3, 'ZeroYearDay');
        break;
      case '1':
        return has('15') ? at(i, 2, 'Hour') : at(i, 1, 'NumMonth');
      case '2':
        return has('2006') ? at(i, 4, 'LongYear') : at(i, 1, 'Day');
      case '_':
        if (layout[i + 1] === '2') {
          // "_2006" is a literal underscore and the year.
          if (layout.startsWith('2006', i + 1)) return at(i, 5, 'LongYear', 1);
          return at(i, 2, 'UnderDay');
        }
        if (has('__2')) return at(i, 3, 'UnderYearDay');
        break;
      case '3':
        return at(i, 1, 'Hour12');
      case '4':
        return at(i, 1, 'Minute');
      case '5':
        return at(i, 1, 'Second');
      case 'P':
        if (has('PM')) return at(i, 2, 'PM');
        break;
      case 'p':
        if (has('pm')) return at(i, 2, 'pm');
        break;
      case '-':
      case 'Z':
        for (const [word, kind] of NUMERIC_ZONES) if (has(word)) return at(i, word.length, kind);
        break;
      case '.':
      case ',':
        // A run of 0s or 9s after the separator, not followed by another digit, is a fractional second.
        if (layout[i + 1] === '0' || layout[i + 1] === '9') {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          if (!digitAt(layout, j)) {
            const chunk = at(i, j - i, ch === '0' ? 'FracSecond0' : 'FracSecond9');
            (chunk.std as Std).digits = j - (i + 1);
            (chunk.std as Std).sep = c;
            return chunk;
          }
        }
        break;
    }
  }
  return { prefix: layout, text: '', suffix: '' };
}

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));

/** appendInt: decimal, zero-padded to width, a minus sign before the padding. */
function padInt(x: number, width: number): string {
  const digits = String(Math.abs(x)).padStart(width, '0');
  return x < 0 ? '-' + digits : digits;
}

/** formatNano: the fraction to `digits` places (at most 9); the 9s form drops trailing zeros, and all of it when zero. */
function formatNano(nsec: number, std: Std): string {
  let n = Math.min(std.digits, 9);
  const buf = String(nsec).padStart(9, '0');
  if (std.kind === 'FracSecond9') {
    while (n > 0 && buf[n - 1] === '0') n--;
    if (n === 0) return '';
  }
  return std.sep + buf.slice(0, n);
}

/** Time.Format. */
export function formatTime(t: GoTime, layout: string): string {
  const { zone, year, month, day, yday, weekday, hour, min, sec } = civil(t);
  let out = '';
  let rest = layout;
  while (rest !== '') {
    const { prefix, std, suffix } = nextStdChunk(rest);
    out += prefix;
    if (!std) break;
    rest = suffix;
    switch (std.kind) {
      case 'Year':
        out += padInt(Math.abs(year) % 100, 2);
        break;
      case 'LongYear':
        out += padInt(year, 4);
        break;
      case 'Month':
        out += SHORT_MONTHS[month - 1];
        break;
      case 'LongMonth':
        out += LONG_MONTHS[month - 1];
        break;
      case 'NumMonth':
        out += month;
        break;
      case 'ZeroMonth':
        out += padInt(month, 2);
        break;
      case 'WeekDay':
        out += SHORT_DAYS[weekday];
        break;
      case 'LongWeekDay':
        out += LONG_DAYS[weekday];
        break;
      case 'Day':
        out += day;
        break;
      case 'UnderDay':
        out += (day < 10 ? ' ' : '') + day;
        break;
      case 'ZeroDay':
        out += padInt(day, 2);
        break;
      case 'UnderYearDay':
        out += String(yday).padStart(3, ' ');
        break;
      case 'ZeroYearDay':
        out += padInt(yday, 3);
        break;
      case 'Hour':
        out += padInt(hour, 2);
        break;
      case 'Hour12':
        out += hour % 12 === 0 ? 12 : hour % 12;
        break;
      case 'ZeroHour12':
        out += padInt(hour % 12 === 0 ? 12 : hour % 12, 2);
        break;
      case 'Minute':
        out += min;
        break;
      case 'ZeroMinute':
        out += padInt(min, 2);
        break;
      case 'Second':
        out += sec;
        break;
      case 'ZeroSecond':
        out += padInt(sec, 2);
        break;
      case 'PM':
        out += hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += hour >= 12 ? 'pm' : 'am';
        break;
      case 'TZ':
        // A zone without a name (a parsed "+02:00") prints its offset instead.
        out += zone.name !== '' ? zone.name : numericZone(zone.offset, false, true, false);
        break;
      case 'FracSecond0':
      case 'FracSecond9':
        out += formatNano(t.nsec, std);
        break;
      default: {
        const iso = std.kind.startsWith('ISO8601');
        if (iso && zone.offset === 0) {
          out += 'Z';
          break;
        }
        const colon = std.kind.includes('Colon');
        const short = std.kind.endsWith('ShortTZ');
        const seconds = std.kind.includes('Seconds');
        out += numericZone(zone.offset, colon, !short, seconds);
      }
    }
  }
  return out;
}

/** ±hh[:]mm[:ss] of an offset in seconds; the sign is that of the whole minutes, as Go prints it. */
function numericZone(offset: number, colon: boolean, minutes: boolean, seconds: boolean): string {
  let zone = Math.trunc(offset / 60);
  let absOffset = offset;
  let out = '+';
  if (zone < 0) {
    out = '-';
    zone = -zone;
    absOffset = -absOffset;
  }
  out += padInt(Math.trunc(zone / 60), 2);
  if (colon) out += ':';
  if (minutes) out += padInt(zone % 60, 2);
  if (seconds) {
    if (colon) out += ':';
    out += padInt(absOffset % 60, 2);
  }
  return out;
}

// --- parsing ---------------------------------------------------------------------------------------------------

/** The error Parse returns; `message` set for range and trailing-text errors, as ParseError prints them. */
function parseError(layout: string, value: string, layoutElem: string, valueElem: string, message = ''): GoTimeError {
  if (message !== '') return new GoTimeError(`parsing time ${timeQuote(value)}${message}`);
  return new GoTimeError(`parsing time ${timeQuote(value)} as ${timeQuote(layout)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`);
}

/** A field that did not parse: the caller reports the layout element and what is left of the value. */
const BAD = Symbol('bad');

/** leadingInt: the leading decimal digits as a number (undefined past 2^63), and the rest. */
function leadingInt(s: string): [number, string] | undefined {
  let i = 0;
  while (digitAt(s, i)) i++;
  const x = i === 0 ? 0n : BigInt(s.slice(0, i));
  if (x > 2n ** 63n) return undefined;
  return [Number(x), s.slice(i)];
}

/** time's atoi: an optional sign and digits, nothing else. */
function atoi(s: string): number | typeof BAD {
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const r = leadingInt(s);
  if (!r || r[1] !== '') return BAD;
  return neg ? -r[0] : r[0];
}

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): [number, string] | typeof BAD {
  if (!digitAt(s, 0)) return BAD;
  if (!digitAt(s, 1)) return fixed ? BAD : [s.charCodeAt(0) - 48, s.slice(1)];
  return [(s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48), s.slice(2)];
}

/** getnum3: one to three digits (exactly three when fixed). */
function getnum3(s: string, fixed: boolean): [number, string] | typeof BAD {
  let n = 0;
  let i = 0;
  for (; i < 3 && digitAt(s, i); i++) n = n * 10 + (s.charCodeAt(i) - 48);
  if (i === 0 || (fixed && i !== 3)) return BAD;
  return [n, s.slice(i)];
}

/** lookup: a name from the table at the start of val, ignoring ASCII case. */
function lookupTable(tab: string[], val: string): [number, string] | typeof BAD {
  for (let i = 0; i < tab.length; i++) {
    const v = tab[i];
    if (val.length >= v.length && val.slice(0, v.length).toLowerCase() === v.toLowerCase()) {
      return [i, val.slice(v.length)];
    }
  }
  return BAD;
}

/** skip: remove the layout's literal text from the value (a run of spaces matches any run of spaces); on a
 * mismatch, what is left of the value, which the error then quotes. */
function skip(value: string, prefix: string): { value: string; ok: boolean } {
  while (prefix.length > 0) {
    if (prefix[0] === ' ') {
      if (value.length > 0 && value[0] !== ' ') return { value, ok: false };
      prefix = prefix.replace(/^ +/, '');
      value = value.replace(/^ +/, '');
      continue;
    }
    if (value.length === 0 || value[0] !== prefix[0]) return { value, ok: false };
    prefix = prefix.slice(1);
    value = value.slice(1);
  }
  return { value, ok: true };
}

/** parseSignedOffset: "+3", "-11" (hours, -23 to 23); the length taken, 0 for none. */
function parseSignedOffset(value: string): number {
  if (value[0] !== '-' && value[0] !== '+') return 0;
  const r = leadingInt(value.slice(1));
  if (!r || r[1] === value.slice(1)) return 0;
  const x = value[0] === '-' ? -r[0] : r[0];
  if (x < -23 || x > 23) return 0;
  return value.length - r[1].length;
}

/** parseTimeZone: the length of a zone abbreviation at the start of value (3 to 5 capitals, ChST, GMT+h, +hh), or 0. */
function parseTimeZone(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return value.length === 3 ? 3 : 3 + parseSignedOffset(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return parseSignedOffset(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper] >= 'A' && value[upper] <= 'Z') upper++;
  if (upper === 3) return 3;
  if (upper === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (upper === 5 && value[4] === 'T') return 5;
  return 0;
}

/** parseNanoseconds: the fraction after the separator, scaled to nanoseconds. */
function parseNanoseconds(value: string, nbytes: number): { ns: number; range?: string } | typeof BAD {
  if (value[0] !== '.' && value[0] !== ',') return BAD;
  if (nbytes > 10) nbytes = 10;
  const ns = atoi(value.slice(1, nbytes));
  if (ns === BAD) return BAD;
  if (ns < 0 || ns >= 1e9) return { ns, range: 'fractional second' };
  return { ns: ns * 10 ** (10 - nbytes) };
}

/** time.ParseInLocation: throws GoTimeError with Go's message. */
export function parseInLocation(layoutText: string, valueText: string, loc: GoLocation): GoTime {
  const alayout = toBytes(layoutText);
  const avalue = toBytes(valueText);
  let layout = alayout;
  let value = avalue;
  let rangeErr = '';
  let amSet = false;
  let pmSet = false;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let min = 0;
  let sec = 0;
  let nsec = 0;
  let z: GoLocation | undefined;
  let zoneOffset = -1;
  let zoneName = '';

  for (;;) {
    const { prefix, std, text, suffix } = nextStdChunk(layout);
    const skipped = skip(value, prefix);
    value = skipped.value;
    if (!skipped.ok) throw parseError(alayout, avalue, prefix, value);
    if (!std) {
      if (value.length !== 0) throw parseError(alayout, avalue, '', value, `: extra text: ${timeQuote(value)}`);
      break;
    }
    layout = suffix;
    let bad = false;
    const take = <T>(r: [T, string] | typeof BAD): T | undefined => {
      if (r === BAD) {
        bad = true;
        return undefined;
      }
      value = r[1];
      return r[0];
    };
    switch (std.kind) {
      case 'Year': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 2));
        value = value.slice(2);
        if (y === BAD) bad = true;
        else year = y >= 69 ? y + 1900 : y + 2000;
        break;
      }
      case 'LongYear': {
        if (value.length < 4 || !digitAt(value, 0)) {
          bad = true;
          break;
        }
        const y = atoi(value.slice(0, 4));
        value = value.slice(4);
        if (y === BAD) bad = true;
        else year = y;
        break;
      }
      case 'Month':
      case 'LongMonth': {
        const m = take(lookupTable(std.kind === 'Month' ? SHORT_MONTHS : LONG_MONTHS, value));
        if (m !== undefined) month = m + 1;
        break;
      }
      case 'NumMonth':
      case 'ZeroMonth': {
        const m = take(getnum(value, std.kind === 'ZeroMonth'));
        if (m !== undefined) {
          month = m;
          if (m <= 0 || m > 12) rangeErr = 'month';
        }
        break;
      }
      case 'WeekDay':
      case 'LongWeekDay':
        take(lookupTable(std.kind === 'WeekDay' ? SHORT_DAYS : LONG_DAYS, value));
        break;
      case 'Day':
      case 'UnderDay':
      case 'ZeroDay': {
        if (std.kind === 'UnderDay' && value[0] === ' ') value = value.slice(1);
        const d = take(getnum(value, std.kind === 'ZeroDay'));
        if (d !== undefined) day = d;
        break;
      }
      case 'UnderYearDay':
      case 'ZeroYearDay': {
        for (let i = 0; i < 2; i++) if (std.kind === 'UnderYearDay' && value[0] === ' ') value = value.slice(1);
        const d = take(getnum3(value, std.kind === 'ZeroYearDay'));
        if (d !== undefined) yday = d;
        break;
      }
      case 'Hour': {
        const h = take(getnum(value, false));
        hour = h ?? 0;
        if (hour < 0 || hour >= 24) rangeErr = 'hour';
        break;
      }
      case 'Hour12':
      case 'ZeroHour12': {
        const h = take(getnum(value, std.kind === 'ZeroHour12'));
        hour = h ?? 0;
        if (hour < 0 || hour > 12) rangeErr = 'hour';
        break;
      }
      case 'Minute':
      case 'ZeroMinute': {
        const m = take(getnum(value, std.kind === 'ZeroMinute'));
        min = m ?? 0;
        if (min < 0 || min >= 60) rangeErr = 'minute';
        break;
      }
      case 'Second':
      case 'ZeroSecond': {
        // Go goes on to the fraction check even when the seconds did not parse (and then forgets that error).
        const s = getnum(value, std.kind === 'ZeroSecond');
        if (s === BAD) bad = true;
        else [sec, value] = s;
        if (sec < 0 || sec >= 60) {
          rangeErr = 'second';
          break;
        }
        // A fraction in the value that the layout does not ask for is read here.
        if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && digitAt(value, 1)) {
          const next = nextStdChunk(layout).std?.kind;
          if (next === 'FracSecond0' || next === 'FracSecond9') break;
          let n = 2;
          while (digitAt(value, n)) n++;
          const r = parseNanoseconds(value, n);
          bad = r === BAD;
          if (r !== BAD) {
            nsec = r.ns;
            if (r.range) rangeErr = r.range;
          }
          value = value.slice(n);
        }
        break;
      }
      case 'PM':
      case 'pm': {
        if (value.length < 2) {
          bad = true;
          break;
        }
        const p = value.slice(0, 2);
        value = value.slice(2);
        const [pm, am] = std.kind === 'PM' ? ['PM', 'AM'] : ['pm', 'am'];
        if (p === pm) pmSet = true;
        else if (p === am) amSet = true;
        else bad = true;
        break;
      }
      case 'TZ': {
        if (value.startsWith('UTC')) {
          z = UTC;
          value = value.slice(3);
          break;
        }
        const n = parseTimeZone(value);
        if (n === 0) {
          bad = true;
          break;
        }
        zoneName = value.slice(0, n);
        value = value.slice(n);
        break;
      }
      case 'FracSecond0': {
        const ndigit = 1 + std.digits;
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const r = parseNanoseconds(value, ndigit);
        if (r === BAD) bad = true;
        else {
          nsec = r.ns;
          if (r.range) rangeErr = r.range;
        }
        value = value.slice(ndigit);
        break;
      }
      case 'FracSecond9': {
        if (value.length < 2 || (value[0] !== '.' && value[0] !== ',') || !digitAt(value, 1)) break;
        // go1.18 takes at most nine digits here.
        let i = 0;
        while (i < 9 && digitAt(value, i + 1)) i++;
        const r = parseNanoseconds(value, 1 + i);
        if (r === BAD) bad = true;
        else {
          nsec = r.ns;
          if (r.range) rangeErr = r.range;
        }
        value = value.slice(1 + i);
        break;
      }
      default: {
        // Numeric zones; the ISO 8601 forms also accept "Z" for UTC.
        if (std.kind.startsWith('ISO8601') && value[0] === 'Z') {
          value = value.slice(1);
          z = UTC;
          break;
        }
        const colon = std.kind === 'ISO8601ColonTZ' || std.kind === 'NumColonTZ';
        const short = std.kind === 'NumShortTZ' || std.kind === 'ISO8601ShortTZ';
        const colonSeconds = std.kind === 'ISO8601ColonSecondsTZ' || std.kind === 'NumColonSecondsTZ';
        const seconds = std.kind === 'ISO8601SecondsTZ' || std.kind === 'NumSecondsTz';
        let parts: [string, string, string, string];
        if (colon) {
          if (value.length < 6 || value[3] !== ':') {
            bad = true;
            break;
          }
          parts = [value[0], value.slice(1, 3), value.slice(4, 6), '00'];
          value = value.slice(6);
        } else if (short) {
          if (value.length < 3) {
            bad = true;
            break;
          }
          parts = [value[0], value.slice(1, 3), '00', '00'];
          value = value.slice(3);
        } else if (colonSeconds) {
          if (value.length < 9 || value[3] !== ':' || value[6] !== ':') {
            bad = true;
            break;
          }
          parts = [value[0], value.slice(1, 3), value.slice(4, 6), value.slice(7, 9)];
          value = value.slice(9);
        } else if (seconds) {
          if (value.length < 7) {
            bad = true;
            break;
          }
          parts = [value[0], value.slice(1, 3), value.slice(3, 5), value.slice(5, 7)];
          value = value.slice(7);
        } else {
          if (value.length < 5) {
            bad = true;
            break;
          }
          parts = [value[0], value.slice(1, 3), value.slice(3, 5), '00'];
          value = value.slice(5);
        }
        const nums = parts.slice(1).map((p) => getnum(p, true));
        if (nums.some((x) => x === BAD)) {
          bad = true;
          break;
        }
        const [hr, mm, ss] = nums.map((x) => (x as [number, string])[0]);
        zoneOffset = (hr * 60 + mm) * 60 + ss;
        if (parts[0] === '-') zoneOffset = -zoneOffset;
        else if (parts[0] !== '+') bad = true;
      }
    }
    if (rangeErr !== '') throw parseError(alayout, avalue, text, value, `: ${rangeErr} out of range`);
    // go1.18 quotes the value as it stands after the element consumed what it took.
    if (bad) throw parseError(alayout, avalue, text, value);
  }
  if (pmSet && hour < 12) hour += 12;
  else if (amSet && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    if (isLeap(year)) {
      if (yday === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yday > 31 + 29) yday--;
    }
    if (yday < 1 || yday > 365) throw parseError(alayout, avalue, '', value, ': day-of-year out of range');
    if (m === 0) {
      m = Math.floor((yday - 1) / 31) + 1;
      if (DAYS_BEFORE[m] < yday) m++;
      d = yday - DAYS_BEFORE[m - 1];
    }
    if (month >= 0 && month !== m) throw parseError(alayout, avalue, '', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw parseError(alayout, avalue, '', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysIn(month, year)) throw parseError(alayout, avalue, '', value, ': day out of range');

  if (z) return goDate(year, month, day, hour, min, sec, nsec, z);
  if (zoneOffset !== -1) {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const unix = t.sec - zoneOffset;
    // The local zone, when it had that offset (and name) then; otherwise a zone that only records the offset.
    const local = lookup(loc, unix);
    if (local.offset === zoneOffset && (zoneName === '' || local.name === zoneName)) return new GoTime(unix, nsec, loc);
    return new GoTime(unix, nsec, fixedZone(zoneName, zoneOffset));
  }
  if (zoneName !== '') {
    const t = goDate(year, month, day, hour, min, sec, nsec, UTC);
    const offset = lookupName(loc, zoneName, t.sec);
    if (offset !== undefined) return new GoTime(t.sec - offset, nsec, loc);
    // An unknown abbreviation keeps its name with offset 0; "GMT+3" means what it says.
    const gmt = zoneName.length > 3 && zoneName.startsWith('GMT') ? atoi(zoneName.slice(3)) : 0;
    return new GoTime(t.sec, nsec, fixedZone(zoneName, gmt === BAD ? 0 : gmt * 3600));
  }
  return goDate(year, month, day, hour, min, sec, nsec, loc);
}
