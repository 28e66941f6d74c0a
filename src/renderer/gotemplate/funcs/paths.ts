// sprig's path functions: Go's path package (base, dir, clean, ext, isAbs) and path/filepath (the os* forms).
// On Linux, where helm runs charts, filepath uses '/' and no volume names, so each os* form is its path twin.
import { fn, type FuncMap } from '../func-types.js';

/** path.Clean: one slash between elements, no "." elements, ".." resolved lexically, "." for nothing. */
function pathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const r = (rooted ? '/' : '') + out.join('/');
  return r === '' ? '.' : r;
}

/** path.Base: the last element, trailing slashes ignored; "/" for only slashes, "." for nothing. */
function pathBase(p: string): string {
  if (p === '') return '.';
  const t = p.replace(/\/+$/, '');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

/** path.Dir: everything up to the last slash, cleaned. */
function pathDir(p: string): string {
  return pathClean(p.slice(0, p.lastIndexOf('/') + 1));
}

/** path.Ext: from the last dot of the last element, or "". */
function pathExt(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const base = fn(['string'], ([p]) => pathBase(p as string));
const dir = fn(['string'], ([p]) => pathDir(p as string));
const clean = fn(['string'], ([p]) => pathClean(p as string));
const ext = fn(['string'], ([p]) => pathExt(p as string));
const isAbs = fn(['string'], ([p]) => (p as string).startsWith('/'));

export const pathFuncs: FuncMap = {
  base,
  dir,
  clean,
  ext,
  isAbs,
  osBase: base,
  osDir: dir,
  osClean: clean,
  osExt: ext,
  osIsAbs: isAbs,
};
