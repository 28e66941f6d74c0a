// Files are written whole or not at all: a temporary file beside the target, then a rename.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

export class OutsideDirectoryError extends Error {
  readonly code = 'OUTSIDE_OUTPUT_DIR';
  constructor(readonly path: string) {
    super(`refusing to write ${path}: it is outside the output directory`);
  }
}

/** Resolve `relative` inside `root`, refusing anything (`..`, absolute paths) that escapes it. */
export function insideDir(root: string, relative: string): string {
  const base = resolve(root);
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) throw new OutsideDirectoryError(relative);
  return target;
}

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Write several files: all temporary files first, then the renames, so a failure leaves no mix. */
export function writeFilesAtomic(files: ReadonlyArray<{ path: string; text: string }>): void {
  const staged: Array<{ tmp: string; path: string }> = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = `${f.path}.${process.pid}.${staged.length}.tmp`;
      writeFileSync(tmp, f.text);
      staged.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw e;
  }
  for (const s of staged) renameSync(s.tmp, s.path);
}
