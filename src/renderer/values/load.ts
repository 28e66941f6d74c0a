// Step 2–3 of render: read the `-f` files, merge them in order, then apply the --set family in
// Helm's fixed group order (all --set-json, then --set, --set-string, --set-file), whatever their
// order on the command line (helm/helm pkg/cli/values/options.go, MergeValues).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { deepCopy, isMap, newMap, type ValueMap } from './maps.js';
import { mergeMaps } from './merge.js';
import { parseSetInto, type SetKind } from './strvals.js';
import { keyPositionOf, positionOf, readYaml, type ParsedYaml, type YamlPosition } from './yaml-read.js';
import { firstNonFiniteError } from './non-finite.js';

export interface ValueSources {
  /** `-f/--values` files, in order; later files win. */
  valueFiles?: readonly string[];
  set?: readonly string[];
  setString?: readonly string[];
  setJson?: readonly string[];
  setFile?: readonly string[];
}

/** Raw values text instead of a file path, for the API and for tests (`file` names it in messages). */
export interface InlineValues {
  file: string;
  text: string;
}

export class ValuesFileError extends Error {
  readonly code = 'VALUES_FILE';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export class ValuesShapeError extends Error {
  readonly code = 'VALUES_NOT_A_MAP';
  constructor(readonly file: string) {
    super(`${file}:1:1: a values file must hold a map of keys at the top level`);
  }
}

/** Where a value came from, to point messages at it. */
export interface ValueOrigin {
  /** `file:line:col`, or the flag and its expression. */
  where: string;
  line?: number;
  col?: number;
  file?: string;
}

export interface LoadedValues {
  values: ValueMap;
  /** Parsed files, in the order given. */
  files: ParsedYaml[];
  /** Flags as applied, in Helm's order. */
  flags: Array<{ kind: SetKind; expression: string }>;
}

export type TextReader = (path: string) => string;

/**
 * The largest file `-f` or `--set-file` reads. A release's values end up in a 1 MiB Kubernetes Secret, so
 * real values files are far smaller; the bound keeps YAML parsing under the time and memory stated in the
 * README ("Limits") and turns a 50 MB file into an immediate error instead of gigabytes of parser nodes.
 */
export const MAX_FILE_BYTES = 1024 * 1024;

function tooBig(file: string, bytes: number): ValuesFileError {
  const n = (x: number): string => x.toLocaleString('en-US');
  return new ValuesFileError(file, `is ${n(bytes)} bytes; values and --set-file files are limited to ${MAX_FILE_BYTES / (1024 * 1024)} MiB (${n(MAX_FILE_BYTES)} bytes)`);
}

/** Read at most MAX_FILE_BYTES + 1 bytes: a FIFO, /dev/stdin or /dev/zero has no size to check up front. */
function readBounded(fd: number, path: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // A non-blocking stdin with nothing yet: wait briefly and try again.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw e;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total > MAX_FILE_BYTES) throw tooBig(path, total);
  }
  return Buffer.concat(chunks, total);
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a parent in the path is not a directory)',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the file name is too long',
};

export const defaultReader: TextReader = (path) => {
  let fd: number | undefined;
  try {
    if (path !== '-') {
      const st = statSync(path);
      if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      if (st.size > MAX_FILE_BYTES) throw tooBig(path, st.size);
      fd = openSync(path, 'r');
    }
    return readBounded(fd ?? 0, path).toString('utf8');
  } catch (e) {
    if (e instanceof ValuesFileError) throw e;
    const err = e as NodeJS.ErrnoException;
    // Never Node's own message: it holds the absolute path and the syscall.
    throw new ValuesFileError(path, (err.code && REASONS[err.code]) ?? `cannot be read (${err.code ?? err.message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/** Text that is not UTF-8 (or holds NUL bytes) is a binary file, not values. */
export function checkText(text: string, file: string): void {
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    throw new ValuesFileError(file, 'is not a UTF-8 text file (binary or another encoding)');
  }
}

export function parseValuesText(text: string, file: string): ParsedYaml {
  // Inline text (the API) meets the same bound; a UTF-16 length over a third of it may be over it in UTF-8.
  if (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES) throw tooBig(file, Buffer.byteLength(text));
  checkText(text, file);
  const parsed = readYaml(text, file);
  if (parsed.data === null || parsed.data === undefined) parsed.data = newMap();
  if (!isMap(parsed.data)) throw new ValuesShapeError(file);
  const nonFinite = firstNonFiniteError(parsed);
  if (nonFinite) throw nonFinite;
  return parsed;
}

export function loadValues(
  sources: ValueSources,
  inline: readonly InlineValues[] = [],
  read: TextReader = defaultReader,
): LoadedValues {
  const none = (list: readonly unknown[] | undefined): boolean => list === undefined || list.length === 0;
  if (none(inline) && none(sources.valueFiles) && none(sources.setJson) && none(sources.set) && none(sources.setString) && none(sources.setFile)) {
    return { values: newMap(), files: [], flags: [] };
  }
  const texts = readTexts(inline, sources.valueFiles ?? [], read);
  // The same texts and flags load the same values: remembered (not with --set-file, whose files are read
  // while the flags apply). The result is only ever read: render freezes the values it prepares from it.
  const key = sources.setFile?.length ? undefined : JSON.stringify([texts, sources.setJson, sources.set, sources.setString]);
  const hit = key === undefined ? undefined : loadedByKey.get(key);
  if (hit) return hit;
  const loaded = loadFresh(sources, texts, read);
  if (key !== undefined && key.length <= MAX_REMEMBERED_KEY) {
    if (loadedByKey.size >= MAX_REMEMBERED) loadedByKey.clear();
    loadedByKey.set(key, loaded);
  }
  return loaded;
}

/**
 * The values texts in order. helm reads and parses one file after another, so when a file cannot be
 * read, a syntax error in an earlier one is what it reports: those are parsed before the read error
 * is thrown.
 */
function readTexts(inline: readonly InlineValues[], paths: readonly string[], read: TextReader): InlineValues[] {
  const texts = [...inline];
  for (const path of paths) {
    try {
      texts.push({ file: path, text: read(path) });
    } catch (e) {
      for (const t of texts) parseValuesText(t.text, t.file);
      throw e;
    }
  }
  return texts;
}

const loadedByKey = new Map<string, LoadedValues>();
const MAX_REMEMBERED = 32;
const MAX_REMEMBERED_KEY = 1 << 20;

function loadFresh(sources: ValueSources, texts: readonly InlineValues[], read: TextReader): LoadedValues {
  const files: ParsedYaml[] = [];
  let values = newMap();
  for (const f of texts) files.push(parseValuesText(f.text, f.file));
  // A copy: YAML aliases come back as shared objects, and a later --set must change only the path it names
  // (helm's YAML-to-JSON step expands each alias into its own copy). It also keeps files[].data as read.
  for (const f of files) values = mergeMaps(values, deepCopy(f.data as ValueMap));

  const flags: LoadedValues['flags'] = [];
  const groups: Array<[SetKind, readonly string[] | undefined]> = [
    ['set-json', sources.setJson],
    ['set', sources.set],
    ['set-string', sources.setString],
    ['set-file', sources.setFile],
  ];
  const readForSetFile = (path: string): string => {
    const text = read(path);
    return text;
  };
  for (const [kind, list] of groups) {
    for (const expression of list ?? []) {
      parseSetInto(kind, expression, values, readForSetFile);
      flags.push({ kind, expression });
    }
  }
  return { values, files, flags };
}

/** Where the value at `path` was set: the last flag that sets it, else the last file that holds it. */
export function originOf(loaded: LoadedValues, path: ReadonlyArray<string | number>, key = false): ValueOrigin | undefined {
  for (let i = loaded.flags.length - 1; i >= 0; i--) {
    const { kind, expression } = loaded.flags[i];
    const probe = newMap();
    try {
      parseSetInto(kind, expression, probe, () => '');
    } catch {
      continue;
    }
    if (hasPath(probe, path)) return { where: `--${kind} ${expression}` };
  }
  for (let i = loaded.files.length - 1; i >= 0; i--) {
    const f = loaded.files[i];
    if (!hasPath(f.data, path)) continue;
    const pos: YamlPosition | undefined = key ? keyPositionOf(f, path) : positionOf(f, path);
    if (pos) return { where: `${f.file}:${pos.line}:${pos.col}`, file: f.file, line: pos.line, col: pos.col };
    return { where: f.file, file: f.file };
  }
  return undefined;
}

function hasPath(data: unknown, path: ReadonlyArray<string | number>): boolean {
  let cur = data;
  for (const step of path) {
    if (Array.isArray(cur)) {
      const i = Number(step);
      if (!(i >= 0 && i < cur.length)) return false;
      cur = cur[i];
    } else if (isMap(cur)) {
      if (!Object.hasOwn(cur, String(step))) return false;
      cur = cur[String(step)];
    } else return false;
  }
  return true;
}
