// Files are written whole or not at all: a temporary file beside the target, then a rename.
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

export class OutsideDirectoryError extends Error {
  readonly code = 'OUTSIDE_OUTPUT_DIR';
  constructor(readonly path: string) {
    super(`refusing to write ${path}: it is outside the output directory`);
  }
}

/** A file could not be written; `message` names the file and says why in words (never Node's errno text). */
export class WriteError extends Error {
  readonly code = 'WRITE_FAILED';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
  }
}

/** Resolve `relative` inside `root`, refusing anything (`..`, absolute paths) that escapes it. */
export function insideDir(root: string, relative: string): string {
  const base = resolve(root);
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) throw new OutsideDirectoryError(relative);
  return target;
}

/** `path` or its nearest existing ancestor, when that is not a directory (what makes mkdir fail). */
function fileInTheWay(path: string): string | undefined {
  for (let p = path; p !== dirname(p); p = dirname(p)) {
    if (existsSync(p)) return statSync(p).isDirectory() ? undefined : p;
  }
  return undefined;
}

/** Node's error as a WriteError in words, naming `shown(path)`. */
function writeError(e: unknown, path: string, shown: (p: string) => string): Error {
  if (e instanceof WriteError || e instanceof OutsideDirectoryError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const blocker = code === 'ENOTDIR' || code === 'EEXIST' ? fileInTheWay(path) : undefined;
  const reason = blocker
    ? `${shown(blocker)} is a file, not a directory`
    : code === 'EISDIR'
      ? 'a directory is in the way'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'ENOSPC'
          ? 'no space left on the device'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : `${(e as Error).message.split(':')[0]}`;
  return new WriteError(shown(path), reason);
}

const asGiven = (p: string): string => p;

export function writeFileAtomic(path: string, text: string, shown: (p: string) => string = asGiven): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(e, path, shown);
  }
}

/**
 * Write several files under `root`: every temporary file first, then every target checked, then the renames,
 * so a failure while writing leaves every existing file as it was, and no temporary file behind. A directory
 * reached through a symlink that leads outside `root` is refused.
 */
export function writeFilesAtomic(
  files: ReadonlyArray<{ path: string; text: string }>,
  root?: string,
  shown: (p: string) => string = asGiven,
): void {
  const staged: Array<{ tmp: string; path: string }> = [];
  const cleanUp = (): void => {
    for (const s of staged) rmSync(s.tmp, { force: true });
  };
  let current = root ?? '';
  try {
    const realRoot = root === undefined ? undefined : (mkdirSync(root, { recursive: true }), realpathSync(root));
    for (const f of files) {
      current = f.path;
      mkdirSync(dirname(f.path), { recursive: true });
      if (realRoot !== undefined) {
        const realDir = realpathSync(dirname(f.path));
        if (realDir !== realRoot && !realDir.startsWith(realRoot + sep)) throw new OutsideDirectoryError(shown(f.path));
      }
      const tmp = `${f.path}.${process.pid}.${staged.length}.tmp`;
      staged.push({ tmp, path: f.path });
      writeFileSync(tmp, f.text);
    }
    for (const s of staged) {
      current = s.path;
      if (existsSync(s.path) && statSync(s.path).isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    }
  } catch (e) {
    cleanUp();
    throw writeError(e, current, shown);
  }
  for (let i = 0; i < staged.length; i++) {
    try {
      renameSync(staged[i].tmp, staged[i].path);
    } catch (e) {
      // Files renamed so far are whole new versions; the rest keep their old content.
      for (const s of staged.slice(i)) rmSync(s.tmp, { force: true });
      throw writeError(e, staged[i].path, shown);
    }
  }
}

/** `path` relative to `from` when inside it, else as it is: for messages. */
export function relativeTo(from: string): (p: string) => string {
  return (p) => {
    const r = relative(from, p);
    return r && !r.startsWith('..') ? r : p;
  };
}
