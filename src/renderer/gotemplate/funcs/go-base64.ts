// Go's encoding/base64 StdEncoding.DecodeString (go1.18), for sprig's decryptAES and buildCustomCert and
// for PEM bodies: '=' padding is required, '\r' and '\n' are skipped anywhere, trailing bits are not
// checked (StdEncoding is not Strict), and an error names the byte offset Go reports.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const PAD = 0x3d;
const isNewline = (b: number): boolean => b === 0x0a || b === 0x0d;

export interface GoBase64Result {
  bytes: Buffer;
  /** `illegal base64 data at input byte N` (Go's CorruptInputError), when the input is not valid. */
  error?: string;
  /** cap() of the slice Go returns: DecodedLen of the input, which shows in the panic of a short read. */
  capacity: number;
}

const corrupt = (offset: number): string => `illegal base64 data at input byte ${offset}`;

/** Decode `src` (raw bytes, e.g. a string's UTF-8) as Go's base64.StdEncoding.Decode does. */
export function goBase64Decode(src: Uint8Array): GoBase64Result {
  const out: number[] = [];
  const capacity = Math.floor(src.length / 4) * 3;
  const fail = (offset: number): GoBase64Result => ({ bytes: Buffer.from(out), error: corrupt(offset), capacity });
  let si = 0;
  // One quantum (up to four alphabet characters) per turn, as decodeQuantum: Go's 8- and 4-byte fast
  // paths fall back to it on anything unusual, so the results and error offsets are this loop's.
  while (si < src.length) {
    const dbuf = [0, 0, 0, 0];
    let dlen = 4;
    let trailingGarbageAt = -1;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: Buffer.from(out), capacity };
        // A quantum cut short without padding.
        return fail(si - j);
      }
      const c = src[si++];
      const v = DECODE[c];
      if (v >= 0) {
        dbuf[j] = v;
        continue;
      }
      if (isNewline(c)) {
        j--;
        continue;
      }
      if (c !== PAD) return fail(si - 1);
      // Padding: only after two or three characters, "==" after two.
      if (j < 2) return fail(si - 1);
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return fail(src.length);
        if (src[si] !== PAD) return fail(si - 1);
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) trailingGarbageAt = si;
      dlen = j;
      break;
    }
    const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
    const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
    for (let k = 0; k < dlen - 1; k++) out.push(bytes[k]);
    if (trailingGarbageAt >= 0) return fail(trailingGarbageAt);
  }
  return { bytes: Buffer.from(out), capacity };
}

/** DecodeString of a Go string (its UTF-8 bytes). */
export function goBase64DecodeString(s: string): GoBase64Result {
  return goBase64Decode(Buffer.from(s, 'utf8'));
}
