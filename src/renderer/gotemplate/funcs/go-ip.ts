// Go's net.ParseIP (go1.18), for the IP SANs of sprig's certificates: dotted IPv4 without leading zeros,
// IPv6 with at most one '::' and an optional dotted tail, no zones, no surrounding blanks.

const IPV4_LEN = 4;
const IPV6_LEN = 16;
/** Go's dtoi/xtoi give up at this value. */
const BIG = 0xffffff;

/** Decimal digits at the start of `s`: [value, count], or undefined when there are none or too many. */
function dtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

/** Hexadecimal digits at the start of `s`: [value, count], or undefined when there are none or too many. */
function xtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i], 16);
    if (Number.isNaN(d)) break;
    n = n * 16 + d;
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

function parseIPv4(s: string): number[] | undefined {
  const p: number[] = [];
  for (let i = 0; i < IPV4_LEN; i++) {
    if (s.length === 0) return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const d = dtoi(s);
    if (d === undefined || d[0] > 0xff) return undefined;
    // go1.17 and later refuse a component with a leading zero ("01").
    if (d[1] > 1 && s[0] === '0') return undefined;
    s = s.slice(d[1]);
    p.push(d[0]);
  }
  return s.length === 0 ? p : undefined;
}

function parseIPv6(s: string): number[] | undefined {
  const ip = new Array<number>(IPV6_LEN).fill(0);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < IPV6_LEN) {
    const x = xtoi(s);
    if (x === undefined || x[0] > 0xffff) return undefined;
    const [n, c] = x;
    // A dot: the rest is an IPv4 tail, allowed only in the last four bytes.
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== IPV6_LEN - IPV4_LEN) return undefined;
      if (i + IPV4_LEN > IPV6_LEN) return undefined;
      const v4 = parseIPv4(s);
      if (v4 === undefined) return undefined;
      ip.splice(i, IPV4_LEN, ...v4);
      s = '';
      i += IPV4_LEN;
      break;
    }
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < IPV6_LEN) {
    if (ellipsis < 0) return undefined;
    const n = IPV6_LEN - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    // '::' must stand for at least one group of zeros.
    return undefined;
  }
  return ip;
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/**
 * net.ParseIP followed by To4 where it applies, as x509 writes an IP SAN: 4 bytes for IPv4 and for
 * IPv4-mapped IPv6 ("::ffff:1.2.3.4"), 16 otherwise. Undefined when Go would return nil.
 */
export function parseIpForSan(s: string): Uint8Array | undefined {
  // The first '.' or ':' decides the family, as in ParseIP.
  for (const ch of s) {
    if (ch === '.') {
      const v4 = parseIPv4(s);
      return v4 && Uint8Array.from(v4);
    }
    if (ch === ':') {
      const v6 = parseIPv6(s);
      if (v6 === undefined) return undefined;
      const mapped = V4_IN_V6_PREFIX.every((b, k) => v6[k] === b);
      return Uint8Array.from(mapped ? v6.slice(12) : v6);
    }
  }
  return undefined;
}
