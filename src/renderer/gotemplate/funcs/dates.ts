// sprig's date functions (sprig v3.2.2 date.go, functions.go) over Go's time.Time (go-time.ts): the clock is
// the injected env.now(), zones are Go's (go-zoneinfo.ts), durations print as time.Duration does.
import { fn, FuncError, type FuncEnv, type FuncMap } from '../func-types.js';
import { goTypeName, isNil } from '../go-value.js';
import { formatDuration, GoTimeError, HOUR, MINUTE, parseDuration, roundDuration, SECOND } from './go-duration.js';
import { addDuration, formatTime, GoTime, inLocation, parseInLocation, subTimes, unixTime, ZERO_TIME } from './go-time.js';
import { loadLocation, localLocation, UTC } from './go-zoneinfo.js';

/**
 * When the process started, in epoch milliseconds: Go's monotonic clock counts from there. Read on
 * first use: the `performance` global loads perf_hooks, which a render that never asks the time skips.
 */
let processStartMs: number | undefined;

/** time.Now: the host's clock, in the local zone, with a monotonic reading (which String prints as m=+s). */
function now(env: FuncEnv): GoTime {
  const ms = env.now().getTime();
  const sec = Math.floor(ms / 1000);
  const mono = BigInt(Math.round((ms - (processStartMs ??= performance.timeOrigin)) * 1e6));
  return new GoTime(sec, Math.round((ms - sec * 1000) * 1e6), localLocation(), mono);
}

/** A JavaScript Date a host passed in, as the time.Time it stands for. */
const fromDate = (d: Date): GoTime => {
  const ms = d.getTime();
  const sec = Math.floor(ms / 1000);
  return new GoTime(sec, Math.round((ms - sec * 1000) * 1e6), localLocation());
};

/** A time.Time parameter: anything else is the type error text/template gives. */
function requireTime(v: unknown): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof Date) return fromDate(v);
  if (isNil(v)) throw new FuncError('invalid value; expected time.Time');
  throw new FuncError(`wrong type for value; expected time.Time; got ${goTypeName(v)}`);
}

/** sprig's date argument: a time, or Unix seconds (any Go integer); anything else means now. */
function timeArg(v: unknown, env: FuncEnv): GoTime {
  if (v instanceof GoTime) return v;
  if (v instanceof Date) return fromDate(v);
  if (typeof v === 'bigint') return unixTime(Number(v));
  return now(env);
}

/** sprig dateInZone: an unknown zone name formats in UTC. */
function dateInZone(layout: string, date: unknown, zone: string, env: FuncEnv): string {
  return formatTime(inLocation(timeArg(date, env), loadLocation(zone) ?? UTC), layout);
}

/** sprig dateModify: a bad duration leaves the time as it was; the must form fails with the parse error. */
function dateModify(duration: string, t: unknown, must: boolean): GoTime {
  const time = requireTime(t);
  try {
    return addDuration(time, parseDuration(duration));
  } catch (e) {
    if (!(e instanceof GoTimeError)) throw e;
    if (must) throw new FuncError(e.message);
    return time;
  }
}

/** sprig toDate: time.ParseInLocation in the local zone; a failed parse is the zero time (mustToDate: the error). */
function toDate(layout: string, value: string, must: boolean): GoTime {
  try {
    return parseInLocation(layout, value, localLocation());
  } catch (e) {
    if (!(e instanceof GoTimeError)) throw e;
    if (must) throw new FuncError(e.message);
    return ZERO_TIME;
  }
}

/** sprig ago: time since a time (or Unix seconds), to the second. */
function ago(date: unknown, env: FuncEnv): string {
  return formatDuration(roundDuration(subTimes(now(env), timeArg(date, env)), SECOND));
}

/** strconv.ParseInt(s, 10, 64) as sprig uses it: out of range gives the nearest int64, bad syntax 0. */
function parseInt64(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const v = BigInt(s);
  if (v > 2n ** 63n - 1n) return 2n ** 63n - 1n;
  if (v < -(2n ** 63n)) return -(2n ** 63n);
  return v;
}

/**
 * sprig duration: seconds (a string of digits, or an int64) as a Duration, multiplied in int64 as Go does.
 * Go's sprig only counts an int64 here, not an int; integers are int64 in this evaluator, so `duration 90`
 * prints 1m30s where helm, seeing a literal int, prints 0s (an int64 from --set prints 1m30s in both).
 */
function duration(sec: unknown): string {
  let n = 0n;
  if (typeof sec === 'string') n = parseInt64(sec);
  else if (typeof sec === 'bigint') n = sec;
  return formatDuration(BigInt.asIntN(64, n * SECOND));
}

const YEAR = HOUR * 24n * 365n;
const MONTH = HOUR * 24n * 30n;
const DAY = HOUR * 24n;

/** sprig durationRound: a duration (string, int64 nanoseconds, or the time since a time) in its largest whole unit. */
function durationRound(v: unknown, env: FuncEnv): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch (e) {
      if (!(e instanceof GoTimeError)) throw e;
    }
  } else if (typeof v === 'bigint') d = BigInt.asIntN(64, v);
  else if (v instanceof GoTime) d = subTimes(now(env), v);
  const u = d < 0n ? -d : d;
  const units: Array<[bigint, string]> = [[YEAR, 'y'], [MONTH, 'mo'], [DAY, 'd'], [HOUR, 'h'], [MINUTE, 'm'], [SECOND, 's']];
  for (const [size, suffix] of units) if (u > size) return (u / size).toString() + suffix;
  return '0s';
}

const dateInZoneFn = fn(['string', 'any', 'string'], ([layout, d, zone], env) => dateInZone(layout as string, d, zone as string, env));
const dateModifyFn = fn(['string', 'any'], ([dur, t]) => dateModify(dur as string, t, false));
const mustDateModifyFn = fn(['string', 'any'], ([dur, t]) => dateModify(dur as string, t, true));

export const dateFuncs: FuncMap = {
  now: fn([], (_a, env) => now(env)),
  date: fn(['string', 'any'], ([layout, d], env) => dateInZone(layout as string, d, 'Local', env)),
  dateInZone: dateInZoneFn,
  date_in_zone: dateInZoneFn,
  htmlDate: fn(['any'], ([d], env) => dateInZone('2006-01-02', d, 'Local', env)),
  htmlDateInZone: fn(['any', 'string'], ([d, zone], env) => dateInZone('2006-01-02', d, zone as string, env)),
  dateModify: dateModifyFn,
  date_modify: dateModifyFn,
  mustDateModify: mustDateModifyFn,
  must_date_modify: mustDateModifyFn,
  toDate: fn(['string', 'string'], ([layout, value]) => toDate(layout as string, value as string, false)),
  mustToDate: fn(['string', 'string'], ([layout, value]) => toDate(layout as string, value as string, true)),
  unixEpoch: fn(['any'], ([t]) => String(requireTime(t).sec)),
  ago: fn(['any'], ([d], env) => ago(d, env)),
  duration: fn(['any'], ([sec]) => duration(sec)),
  durationRound: fn(['any'], ([d], env) => durationRound(d, env)),
};
