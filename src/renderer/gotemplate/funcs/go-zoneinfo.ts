// Go's time.Location (go1.18, as in helm v3.10.1): zones loaded from the system's TZif files exactly as
// time.LoadLocation reads them (src/time/zoneinfo_read.go), the POSIX TZ rule that extends them past their
// last transition (zoneinfo.go tzset), and the lookups Format and Parse use. Reading the zone database is
// the one thing these functions take from the machine, as Go does: names, offsets and abbreviations ("CEST",
// "-03") come from the same files helm reads, so dateInZone prints what helm prints on the same machine.
import { readFileSync } from 'node:fs';

export interface Zone {
  name: string;
  /** Seconds east of UTC. */
  offset: number;
  isDST: boolean;
}

interface ZoneTrans {
  /** Unix seconds the zone starts at. */
  when: number;
  index: number;
}

export interface GoLocation {
  name: string;
  zones: Zone[];
  tx: ZoneTrans[];
  /** The POSIX TZ rule for times after the last transition. */
  extend: string;
}

export interface ZoneAt {
  name: string;
  offset: number;
  /** The span [start, end) of Unix seconds the answer holds for (Date uses it near transitions). */
  start: number;
  end: number;
  isDST: boolean;
}

const ALPHA = -Infinity;
const OMEGA = Infinity;
const SECONDS_PER_DAY = 86400;

/** time.UTC: no zones, so lookups answer "UTC", offset 0. */
export const UTC: GoLocation = Object.freeze({ name: 'UTC', zones: [], tx: [], extend: '' }) as GoLocation;

/** time.FixedZone: one zone in effect at all times (a parsed "+02:00" or an unknown "PST"). */
export function fixedZone(name: string, offset: number): GoLocation {
  return { name, zones: [{ name, offset, isDST: false }], tx: [{ when: ALPHA, index: 0 }], extend: '' };
}

/** Location.lookupFirstZone: the zone for times before the first transition. */
function firstZone(l: GoLocation): number {
  if (!l.tx.some((t) => t.index === 0)) return 0;
  if (l.tx.length > 0 && l.zones[l.tx[0].index].isDST) {
    for (let zi = l.tx[0].index - 1; zi >= 0; zi--) if (!l.zones[zi].isDST) return zi;
  }
  const std = l.zones.findIndex((z) => !z.isDST);
  return std >= 0 ? std : 0;
}

/** Location.lookup: the zone in effect at Unix second `sec`. */
export function lookup(l: GoLocation, sec: number): ZoneAt {
  if (l.zones.length === 0) return { name: 'UTC', offset: 0, start: ALPHA, end: OMEGA, isDST: false };
  if (l.tx.length === 0 || sec < l.tx[0].when) {
    const z = l.zones[firstZone(l)];
    return { name: z.name, offset: z.offset, start: ALPHA, end: l.tx.length > 0 ? l.tx[0].when : OMEGA, isDST: z.isDST };
  }
  let lo = 0;
  let hi = l.tx.length;
  let end = OMEGA;
  while (hi - lo > 1) {
    const m = lo + Math.floor((hi - lo) / 2);
    if (sec < l.tx[m].when) {
      end = l.tx[m].when;
      hi = m;
    } else lo = m;
  }
  const z = l.zones[l.tx[lo].index];
  if (lo === l.tx.length - 1 && l.extend !== '') {
    const rule = tzset(l.extend, end, sec);
    if (rule) return rule;
  }
  return { name: z.name, offset: z.offset, start: l.tx[lo].when, end, isDST: z.isDST };
}

/** Location.lookupName: the offset of a zone abbreviation, preferring one in effect around `unix`. */
export function lookupName(l: GoLocation, name: string, unix: number): number | undefined {
  // First a zone of that name actually in effect then (Sydney's "EST" is both standard and summer time).
  for (const z of l.zones) {
    if (z.name !== name) continue;
    const at = lookup(l, unix - z.offset);
    if (at.name === z.name) return at.offset;
  }
  for (const z of l.zones) if (z.name === name) return z.offset;
  return undefined;
}

// --- the POSIX TZ rule (e.g. "EST5EDT,M3.2.0,M11.1.0", "<-03>3") -------------------------------------------

interface Rule {
  kind: 'julian' | 'doy' | 'monthWeekDay';
  day: number;
  week: number;
  mon: number;
  /** Seconds after local midnight the change happens (2am by default). */
  time: number;
}

/** tzsetName: an alphabetic name of 3 or more, or any text in <>. */
function tzsetName(s: string): [string, string] | undefined {
  if (s === '') return undefined;
  if (s[0] !== '<') {
    for (let i = 0; i < s.length; i++) {
      if ('0123456789,-+'.includes(s[i])) return i < 3 ? undefined : [s.slice(0, i), s.slice(i)];
    }
    return s.length < 3 ? undefined : [s, ''];
  }
  const close = s.indexOf('>');
  return close < 0 ? undefined : [s.slice(1, close), s.slice(close + 1)];
}

function tzsetNum(s: string, min: number, max: number): [number, string] | undefined {
  if (s === '') return undefined;
  let num = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      if (i === 0 || num < min) return undefined;
      return [num, s.slice(i)];
    }
    num = num * 10 + (c - 48);
    if (num > max) return undefined;
  }
  return num < min ? undefined : [num, ''];
}

/** tzsetOffset: [+-]hh[:mm[:ss]], in seconds. */
function tzsetOffset(s: string): [number, string] | undefined {
  if (s === '') return undefined;
  let neg = false;
  if (s[0] === '+') s = s.slice(1);
  else if (s[0] === '-') {
    s = s.slice(1);
    neg = true;
  }
  const sign = (v: number): number => (neg ? -v : v);
  const hours = tzsetNum(s, 0, 24 * 7);
  if (!hours) return undefined;
  let off = hours[0] * 3600;
  s = hours[1];
  if (s === '' || s[0] !== ':') return [sign(off), s];
  const mins = tzsetNum(s.slice(1), 0, 59);
  if (!mins) return undefined;
  off += mins[0] * 60;
  s = mins[1];
  if (s === '' || s[0] !== ':') return [sign(off), s];
  const secs = tzsetNum(s.slice(1), 0, 59);
  if (!secs) return undefined;
  return [sign(off + secs[0]), secs[1]];
}

function tzsetRule(s: string): [Rule, string] | undefined {
  if (s === '') return undefined;
  const r: Rule = { kind: 'doy', day: 0, week: 0, mon: 0, time: 2 * 3600 };
  if (s[0] === 'J') {
    const jday = tzsetNum(s.slice(1), 1, 365);
    if (!jday) return undefined;
    [r.kind, r.day, s] = ['julian', jday[0], jday[1]];
  } else if (s[0] === 'M') {
    const mon = tzsetNum(s.slice(1), 1, 12);
    if (!mon || mon[1] === '' || mon[1][0] !== '.') return undefined;
    const week = tzsetNum(mon[1].slice(1), 1, 5);
    if (!week || week[1] === '' || week[1][0] !== '.') return undefined;
    const day = tzsetNum(week[1].slice(1), 0, 6);
    if (!day) return undefined;
    [r.kind, r.day, r.week, r.mon, s] = ['monthWeekDay', day[0], week[0], mon[0], day[1]];
  } else {
    const day = tzsetNum(s, 0, 365);
    if (!day) return undefined;
    [r.day, s] = [day[0], day[1]];
  }
  if (s === '' || s[0] !== '/') return [r, s];
  const time = tzsetOffset(s.slice(1));
  if (!time) return undefined;
  r.time = time[0];
  return [r, time[1]];
}

export const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS_BEFORE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
export const daysIn = (month: number, year: number): number =>
  month === 2 && isLeap(year) ? 29 : DAYS_BEFORE[month] - DAYS_BEFORE[month - 1];

/** tzruleTime: seconds after the start of `year` (local standard time) the rule fires. */
function tzruleTime(year: number, r: Rule, off: number): number {
  let s: number;
  if (r.kind === 'julian') {
    s = (r.day - 1) * SECONDS_PER_DAY;
    if (isLeap(year) && r.day >= 60) s += SECONDS_PER_DAY;
  } else if (r.kind === 'doy') {
    s = r.day * SECONDS_PER_DAY;
  } else {
    // Zeller's congruence: the weekday of the first of the month, then the week-th such weekday.
    const m1 = ((r.mon + 9) % 12) + 1;
    const yy0 = r.mon <= 2 ? year - 1 : year;
    const yy1 = Math.trunc(yy0 / 100);
    const yy2 = yy0 % 100;
    let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let d = r.day - dow;
    if (d < 0) d += 7;
    for (let i = 1; i < r.week; i++) {
      if (d + 7 >= daysIn(r.mon, year)) break;
      d += 7;
    }
    d += DAYS_BEFORE[r.mon - 1];
    if (isLeap(year) && r.mon > 2) d++;
    s = d * SECONDS_PER_DAY;
  }
  return s + r.time - off;
}

/** Days from 1970-01-01 to year-month-day, proleptic Gregorian (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** tzset: the zone a POSIX TZ rule gives at Unix second `sec`; undefined when the rule does not parse. */
function tzset(rule: string, initEnd: number, sec: number): ZoneAt | undefined {
  let s = rule;
  const std = tzsetName(s);
  if (!std) return undefined;
  let stdName = std[0];
  const stdOff = tzsetOffset(std[1]);
  if (!stdOff) return undefined;
  // TZ offsets are west of UTC; Go's are east.
  let stdOffset = -stdOff[0];
  s = stdOff[1];
  if (s === '' || s[0] === ',') return { name: stdName, offset: stdOffset, start: initEnd, end: OMEGA, isDST: false };

  const dst = tzsetName(s);
  if (!dst) return undefined;
  let dstName = dst[0];
  s = dst[1];
  let dstOffset: number;
  if (s === '' || s[0] === ',') dstOffset = stdOffset + 3600;
  else {
    const off = tzsetOffset(s);
    if (!off) return undefined;
    dstOffset = -off[0];
    s = off[1];
  }
  if (s === '') s = ',M3.2.0,M11.1.0';
  if (s[0] !== ',' && s[0] !== ';') return undefined;
  const start = tzsetRule(s.slice(1));
  if (!start || start[1] === '' || start[1][0] !== ',') return undefined;
  const end = tzsetRule(start[1].slice(1));
  if (!end || end[1] !== '') return undefined;

  // The year and day of year of `sec` in UTC, as Go computes them.
  const days = Math.floor(sec / SECONDS_PER_DAY);
  const { year } = civilFromDays(days);
  const yearStartDays = daysFromCivil(year, 1, 1);
  const ysec = (days - yearStartDays) * SECONDS_PER_DAY + (sec % SECONDS_PER_DAY);
  const abs = yearStartDays * SECONDS_PER_DAY;
  let startSec = tzruleTime(year, start[0], stdOffset);
  let endSec = tzruleTime(year, end[0], dstOffset);
  let dstIsDST = true;
  let stdIsDST = false;
  // Southern hemisphere: daylight time spans the new year, so the labels swap.
  if (endSec < startSec) {
    [startSec, endSec] = [endSec, startSec];
    [stdName, dstName] = [dstName, stdName];
    [stdOffset, dstOffset] = [dstOffset, stdOffset];
    [stdIsDST, dstIsDST] = [dstIsDST, stdIsDST];
  }
  if (ysec < startSec) return { name: stdName, offset: stdOffset, start: abs, end: startSec + abs, isDST: stdIsDST };
  if (ysec >= endSec) return { name: stdName, offset: stdOffset, start: endSec + abs, end: abs + 365 * SECONDS_PER_DAY, isDST: stdIsDST };
  return { name: dstName, offset: dstOffset, start: startSec + abs, end: endSec + abs, isDST: dstIsDST };
}

// --- TZif files ---------------------------------------------------------------------------------------------

/** LoadLocationFromTZData: version 1 data, or the 64-bit data and footer rule of version 2 and later. */
function parseTzif(name: string, data: Buffer): GoLocation | undefined {
  let p = 0;
  const read = (n: number): Buffer | undefined => {
    if (n < 0 || p + n > data.length) return undefined;
    const b = data.subarray(p, p + n);
    p += n;
    return b;
  };
  const magic = read(4);
  if (!magic || magic.toString('latin1') !== 'TZif') return undefined;
  // The version byte: NUL for version 1, '2' or '3' (go1.18 knows no others).
  const header = read(16);
  if (!header || ![0, 0x32, 0x33].includes(header[0])) return undefined;
  const version = header[0] === 0 ? 1 : header[0] - 0x30;
  const counts = (): number[] | undefined => {
    const b = read(24);
    if (!b) return undefined;
    return [0, 1, 2, 3, 4, 5].map((i) => b.readUInt32BE(i * 4));
  };
  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  let n = counts();
  if (!n) return undefined;
  let size = 4;
  // Version 2 and later repeat the data with 64-bit times after the 32-bit block: skip to those.
  if (version > 1) {
    const skip = n[3] * 4 + n[3] + n[4] * 6 + n[5] + n[2] * 8 + n[1] + n[0];
    if (!read(skip) || !read(4 + 16)) return undefined;
    n = counts();
    if (!n) return undefined;
    size = 8;
  }
  const [nUTC, nStd, nLeap, nTime, nZone, nChar] = n;
  const txTimes = read(nTime * size);
  const txZones = read(nTime);
  const zoneData = read(nZone * 6);
  const abbrev = read(nChar);
  if (!txTimes || !txZones || !zoneData || !abbrev || !read(nLeap * (size + 4)) || !read(nStd) || !read(nUTC)) return undefined;
  const rest = data.subarray(p).toString('latin1');
  const extend = rest.length > 2 && rest[0] === '\n' && rest[rest.length - 1] === '\n' ? rest.slice(1, -1) : '';
  if (nZone === 0) return undefined;
  const zones: Zone[] = [];
  for (let i = 0; i < nZone; i++) {
    // utcoff[4] isdst[1] abbrind[1]; the abbreviation runs to the next NUL.
    const from = zoneData[i * 6 + 5];
    if (from >= abbrev.length) return undefined;
    const to = abbrev.indexOf(0, from);
    zones.push({
      offset: zoneData.readInt32BE(i * 6),
      isDST: zoneData[i * 6 + 4] !== 0,
      name: abbrev.subarray(from, to < 0 ? abbrev.length : to).toString('latin1'),
    });
  }
  const tx: ZoneTrans[] = [];
  for (let i = 0; i < nTime; i++) {
    const when = size === 8 ? Number(txTimes.readBigInt64BE(i * 8)) : txTimes.readInt32BE(i * 4);
    if (txZones[i] >= zones.length) return undefined;
    tx.push({ when, index: txZones[i] });
  }
  // A zone without transitions (Etc/GMT+5) holds at all times.
  if (tx.length === 0) tx.push({ when: ALPHA, index: 0 });
  return { name, zones, tx, extend };
}

/** Where Go looks for zone files on Unix (go1.18 platformZoneSources). */
const ZONE_SOURCES = ['/usr/share/zoneinfo/', '/usr/share/lib/zoneinfo/', '/usr/lib/locale/TZ/'];

const loaded = new Map<string, GoLocation | undefined>();
const LOADED_LIMIT = 256;

function loadFromSources(name: string): GoLocation | undefined {
  for (const dir of ZONE_SOURCES) {
    let data: Buffer;
    try {
      data = readFileSync(dir + name);
    } catch {
      continue;
    }
    const loc = parseTzif(name, data);
    if (loc) return loc;
  }
  return undefined;
}

/**
 * time.LoadLocation; undefined where Go returns an error (sprig then uses UTC). "" and "UTC" are UTC,
 * "Local" the local zone; names with ".." or a leading slash are refused before any file is read.
 */
export function loadLocation(name: string): GoLocation | undefined {
  if (name === '' || name === 'UTC') return UTC;
  if (name === 'Local') return localLocation();
  if (name.includes('..') || name[0] === '/' || name[0] === '\\' || name.includes('\0')) return undefined;
  if (loaded.has(name)) return loaded.get(name);
  const loc = loadFromSources(name);
  if (loaded.size >= LOADED_LIMIT) loaded.delete(loaded.keys().next().value as string);
  loaded.set(name, loc);
  return loc;
}

/**
 * time.Local. Go reads $TZ, else /etc/localtime; the process's zone as the JavaScript runtime resolved it
 * (from the same two places) names the zone file to load. A zone that cannot be loaded is UTC, as in Go.
 */
export function localLocation(): GoLocation {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === 'UTC' || zone === 'Local') return UTC;
  return loadLocation(zone) ?? UTC;
}
