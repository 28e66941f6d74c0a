// README.md.gotmpl as helm-docs reads it: a Go text/template over the same data (helm-docs' field names), run
// by our Go template evaluator, with `template`/`include` of helm-docs' names served by our partials and sprig
// available. The text is used as it is; defines in it win over the built-in names.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { tpl, TemplateError } from '../renderer/gotemplate/index.js';
import type { ChartDocData } from './chart-info.js';
import { DocsError } from './errors.js';
import { isBuiltin, runBuiltin, type Call } from './partials.js';

/**
 * Our evaluator resolves `template` against defines in the text only; `include` also asks the host. Rewriting
 * `{{ template "x" ARG }}` to `{{ include "x" ARG }}` prints the same text and reaches the built-ins. The rewrite
 * keeps every line where it was, so error positions still point into the user's file.
 */
export function templateToInclude(text: string): string {
  return text
    .replace(/(\{\{-?\s*)template(\s+)("(?:[^"\\\n]|\\.)*"|`[^`]*`)(\s*-?\}\})/g, '$1include$2$3 nil$4')
    .replace(/(\{\{-?\s*)template(?=\s+(?:"|`))/g, '$1include');
}

/** helm-docs' `.Files`: Get and Lines of files inside the chart directory ("" when missing). */
function chartFiles(chartDir: string): Record<string, (name: string) => unknown> {
  const read = (name: string): string => {
    const path = resolve(chartDir, String(name));
    const rel = relative(chartDir, path);
    if (rel.startsWith('..') || rel.split(sep)[0] === '..' || !existsSync(path)) return '';
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    Get: read,
    Lines: (name: string) => read(name).split('\n'),
  };
}

/**
 * The `{{ define }}` blocks of a template, everything else reduced to its newlines inside a comment (so lines
 * still match the file), and their names. Scans actions, skipping comments and string literals, counting block nesting.
 */
export function userDefines(text: string): { names: Set<string>; text: string } {
  const names = new Set<string>();
  const keep: Array<[number, number]> = [];
  const stack: Array<{ word: string; start: number }> = [];
  const action = /\{\{(-?)(\s*)(\/\*[\s\S]*?\*\/|(?:[^}"`']|"(?:[^"\\\n]|\\.)*"|`[^`]*`|'(?:[^'\\\n]|\\.)*'|\}(?!\}))*)\}\}/g;
  for (let m = action.exec(text); m; m = action.exec(text)) {
    const body = m[3].replace(/-$/, '').trim();
    const word = /^[a-z]+/.exec(body)?.[0] ?? '';
    if (['if', 'range', 'with', 'define', 'block'].includes(word)) {
      stack.push({ word, start: m.index });
      if (word === 'define') {
        const name = /^define\s+("(?:[^"\\]|\\.)*"|`[^`]*`)/.exec(body)?.[1];
        if (name) names.add(name.startsWith('`') ? name.slice(1, -1) : (JSON.parse(name) as string));
      }
    } else if (word === 'end') {
      const open = stack.pop();
      if (open?.word === 'define' && stack.length === 0) keep.push([open.start, m.index + m[0].length]);
    }
  }
  // The text between defines becomes a comment holding its newlines: it prints nothing, lines stay in place.
  const blank = (t: string): string => {
    const n = t.replace(/[^\n]/g, '');
    return n ? `{{/*${n}*/}}` : '';
  };
  let out = '';
  let at = 0;
  for (const [a, b] of keep) {
    out += blank(text.slice(at, a)) + text.slice(a, b);
    at = b;
  }
  return { names, text: out + blank(text.slice(at)) };
}

export function renderGotmpl(text: string, data: ChartDocData, file: string): string {
  const source = templateToInclude(text);
  const defines = userDefines(source);
  // A built-in's parts: the user's definition when the file has one (rendered with the file's defines), else ours.
  const call: Call = (name, dot) =>
    defines.names.has(name) ? run(`${defines.text}{{ include ${JSON.stringify(name)} . }}`, dot) : runBuiltin(name, dot, call);
  const host = {
    include(name: string, dot: unknown): string | undefined {
      if (!isBuiltin(name)) return undefined;
      if (dot === null || typeof dot !== 'object') {
        throw new DocsError('DOCS_TEMPLATE', `template "${name}" needs the chart data as its argument, as in {{ template "${name}" . }}`, file);
      }
      return runBuiltin(name, dot, call);
    },
  };
  const run = (t: string, dot: unknown): string => {
    try {
      return tpl(t, dot, { name: file, host });
    } catch (e) {
      if (e instanceof TemplateError) throw new DocsError('DOCS_TEMPLATE', e.message, file, e.line, e.col);
      throw e;
    }
  };
  return run(source, { ...data, Files: chartFiles(data.ChartDirectory), HelmDocsVersion: '', SkipVersionFooter: false });
}

export const GOTMPL_NAME = 'README.md.gotmpl';
export const gotmplPath = (chartDir: string): string => join(chartDir, GOTMPL_NAME);
