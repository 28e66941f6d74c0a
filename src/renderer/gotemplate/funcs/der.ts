// The little DER the key formats need without loading an ASN.1 library: walk a structure (a PKCS#8
// algorithm OID, a certificate's raw subject) and write sprig's DSA key, a SEQUENCE of INTEGERs.

export class DerError extends Error {}

/** One TLV: its tag byte, where its header starts, where its value starts and where it ends. */
export interface Tlv {
  tag: number;
  start: number;
  valueStart: number;
  end: number;
}

export const TAG = { INTEGER: 0x02, BIT_STRING: 0x03, OCTET_STRING: 0x04, NULL: 0x05, OID: 0x06, SEQUENCE: 0x30 } as const;

/** The TLV at `offset`, within `limit`; single-byte tags and definite lengths only, as DER has them. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated tag');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('high-tag-number form');
  let len = buf[offset + 1];
  let valueStart = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || valueStart + n > limit) throw new DerError('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[valueStart + i];
    valueStart += n;
  }
  const end = valueStart + len;
  if (end > limit) throw new DerError('truncated value');
  return { tag, start: offset, valueStart, end };
}

/** The TLVs inside a constructed one. */
export function childrenOf(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = parent.valueStart; at < parent.end; ) {
    const t = readTlv(buf, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

export const valueOf = (buf: Uint8Array, t: Tlv): Uint8Array => buf.subarray(t.valueStart, t.end);

/** Dotted text of an OBJECT IDENTIFIER's value, as Go's asn1.ObjectIdentifier prints. */
export function oidText(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let n = 0n;
  for (const b of value) {
    n = (n << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(n);
      n = 0n;
    }
  }
  if (arcs.length === 0) return '';
  const first = arcs[0] < 80n ? arcs[0] / 40n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

/** A non-negative INTEGER's value as a bigint. */
export function unsignedOf(value: Uint8Array): bigint {
  return value.length === 0 ? 0n : BigInt('0x' + Buffer.from(value).toString('hex'));
}

function lengthBytes(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const encodeTlv = (tag: number, value: Uint8Array): Buffer => Buffer.concat([Buffer.from([tag]), lengthBytes(value.length), value]);

/** A non-negative INTEGER in its shortest two's-complement form (a 0x00 lead when the top bit is set). */
export function encodeUnsigned(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return encodeTlv(TAG.INTEGER, bytes);
}

export const encodeSequence = (items: Uint8Array[]): Buffer => encodeTlv(TAG.SEQUENCE, Buffer.concat(items));
