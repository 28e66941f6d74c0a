// Go's encoding/pem (go1.18): Encode as sprig writes keys and certificates, and Decode as sprig reads
// them back (the first well-formed block wins; a block that looks like PEM but is not is skipped).
import { goBase64Decode } from './go-base64.js';

export interface PemBlock {
  type: string;
  headers: Record<string, string>;
  bytes: Buffer;
}

/** pem.EncodeToMemory of a block without headers: base64 in lines of 64, each ending in '\n'. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`;
}

const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const PEM_END_OF_LINE = '-----';

/** getLine: the text up to the next '\n' without trailing spaces, tabs and '\r'; and what follows it. */
function getLine(data: string): [string, string] {
  const i = data.indexOf('\n');
  const line = i < 0 ? data : data.slice(0, i);
  const rest = i < 0 ? '' : data.slice(i + 1);
  return [line.replace(/[ \t\r]+$/, ''), rest];
}

/**
 * pem.Decode: the first PEM block in `text`, or undefined (Go's nil) when there is none. Offsets are
 * Go's byte offsets, so the text is searched as the latin1 spelling of its UTF-8 bytes.
 */
export function pemDecode(text: string): PemBlock | undefined {
  let rest = Buffer.from(text, 'utf8').toString('latin1');
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) rest = rest.slice(PEM_START.length - 1);
    else {
      const at = rest.indexOf(PEM_START);
      if (at < 0) return undefined;
      rest = rest.slice(at + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(PEM_END_OF_LINE)) continue;
    typeLine = typeLine.slice(0, -PEM_END_OF_LINE.length);

    const headers: Record<string, string> = {};
    let headerCount = 0;
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const colon = line.indexOf(':');
      if (colon < 0) break;
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      headerCount++;
      rest = next;
    }
    // A block that runs out inside its headers ends the search: Go returns nil for the whole input.
    if (truncated) return undefined;

    let endIndex: number;
    let endTrailerIndex: number;
    // Without headers the END line may follow at once, with no newline before it.
    if (headerCount === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;

    // The END line names the same type, closes with five dashes and has nothing after them but blanks.
    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLen = typeLine.length + PEM_END_OF_LINE.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLen);
    endTrailer = endTrailer.slice(0, endTrailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(PEM_END_OF_LINE)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;

    const base64Data = rest.slice(0, endIndex).replace(/[ \t]/g, '');
    const decoded = goBase64Decode(Buffer.from(base64Data, 'latin1'));
    if (decoded.error !== undefined) continue;
    return { type: Buffer.from(typeLine, 'latin1').toString('utf8'), headers, bytes: decoded.bytes };
  }
}
