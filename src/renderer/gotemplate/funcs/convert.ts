// Value conversions sprig relies on: strval (sprig strings.go) and spf13/cast v1.3.1 ToInt64/ToFloat64.
import { goPrint } from '../go-print.js';
import { isNil } from '../go-value.js';

/** sprig strval: strings as they are, everything else through fmt %v. */
export function strval(v: unknown): string {
  return typeof v === 'string' ? v : goPrint(v);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go's int64(f) conversion of a float (truncation; out of range gives MinInt64 on amd64). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f)) return INT64_MIN;
  const t = BigInt(Math.trunc(f));
  return t < INT64_MIN || t > INT64_MAX ? INT64_MIN : t;
}

/** strconv.ParseInt(s, 0, 64), undefined on error. */
export function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+(?:_?[0-9a-fA-F]+)*|0[oO]?[0-7]+(?:_?[0-7]+)*|0[bB][01]+(?:_?[01]+)*|0|[1-9][0-9]*(?:_?[0-9]+)*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2].replaceAll('_', '');
  if (/^0[0-7]/.test(body)) body = '0o' + body.slice(1);
  let v = BigInt(body);
  if (m[1] === '-') v = -v;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** cast.ToInt64: numbers truncate, strings parse with base prefixes, bools are 0/1, anything else 0. */
export function toInt64(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'string') return parseGoInt(v) ?? 0n;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return 0n;
}

/** cast.ToFloat64. */
export function toFloat64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const t = v.trim() === v ? v : '';
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) || /^[+-]?(inf|infinity|nan)$/i.test(t)) {
      const n = Number(t.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^[+-]?nan$/i, 'NaN'));
      return n;
    }
    return 0;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return 0;
}

/** The elements of a Go slice value, or undefined when v is not one. */
export function asList(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export const notNil = (v: unknown): boolean => !isNil(v);
