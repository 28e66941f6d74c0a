// sprig `sha256sum` of rendered text, as the charts' `checksum/...` annotations use it.
import { sha256OfText } from './sha256.js';

/**
 * Hex SHA-256 of text (UTF-8). The text hashed is usually the same from render to render (a ConfigMap
 * built from the same values), so recent digests are remembered by their text: a pure function's
 * result, looked up by its whole input. Bounded in count and in text length.
 */
export function sha256Hex(text: string): string {
  let digest = digests.get(text);
  if (digest === undefined) {
    digest = sha256OfText(text);
    if (text.length <= MAX_TEXT) {
      if (digests.size >= MAX_DIGESTS) digests.clear();
      digests.set(text, digest);
    }
  }
  return digest;
}

const digests = new Map<string, string>();
const MAX_DIGESTS = 64;
const MAX_TEXT = 64 * 1024;
