// From a value path to the place the user wrote it: the last flag or file that sets it, with the
// line of its key (ignore comments may sit above a block value's key).
import { originOf, type LoadedValues } from '../renderer/values/load.js';
import { keyPositionOf } from '../renderer/values/yaml-read.js';
import type { LintIssue } from './issue.js';

export type Place = Pick<LintIssue, 'file' | 'line' | 'col' | 'flag' | 'keyLine'>;

export function placeOf(loaded: LoadedValues, segments: ReadonlyArray<string | number>, atKey = false): Place | undefined {
  const origin = originOf(loaded, segments, atKey);
  if (!origin) return undefined;
  if (!origin.file) return { flag: origin.where };
  const parsed = loaded.files.findLast((f) => f.file === origin.file);
  const key = parsed ? keyPositionOf(parsed, segments) : undefined;
  return { file: origin.file, line: origin.line, col: origin.col, keyLine: key?.line };
}

/**
 * Where a value that may be missing belongs: the value itself, else its nearest ancestor the user
 * wrote (the map it should go in), else the last values file.
 */
export function placeOrParent(loaded: LoadedValues, segments: ReadonlyArray<string | number>): Place | undefined {
  const exact = placeOf(loaded, segments);
  if (exact) return exact;
  for (let n = segments.length - 1; n > 0; n--) {
    const p = placeOf(loaded, segments.slice(0, n), true);
    if (p) return p;
  }
  const last = loaded.files[loaded.files.length - 1];
  return last ? { file: last.file } : undefined;
}
