// Where yaml.v2 (libyaml, as helm and Kubernetes read YAML) is more lenient than the `yaml` package,
// or stricter: the text or document adjusted so both read it alike.
import type { Document, Node } from 'yaml';
import { yamlLib } from '../yaml-lib.js';

/** What a parse attempt reports: the offset and message of its first error, or undefined when it read the text. */
export type FirstError = (text: string) => { offset: number; message: string } | undefined;

/**
 * The text adjusted for what yaml.v2 reads and the `yaml` package refuses, or undefined when that does
 * not make it readable: a `#` right after a quoted scalar or flow collection starts a comment (libyaml
 * needs no space before it), and lines continuing a quoted scalar or flow collection may sit at any
 * indentation. Only offered a text that failed; the adjustments add spaces only, so lines keep their numbers.
 */
export function lenientText(text: string, firstError: FirstError): string | undefined {
  let t = text;
  let indented = false;
  for (let tries = 0; tries < 100; tries++) {
    const e = firstError(t);
    if (e === undefined) return t === text ? undefined : t;
    if (/^Comments must be separated from other tokens by white space/.test(e.message) && t[e.offset] === '#') {
      t = t.slice(0, e.offset) + ' ' + t.slice(e.offset);
      continue;
    }
    if (indented) return undefined;
    const again = indentFlowContinuations(t);
    if (again === undefined) return undefined;
    t = again;
    indented = true;
  }
  return undefined;
}

/**
 * The text with every line that continues a quoted scalar or a flow collection (`[`, `{`) indented
 * past the column it started at, or undefined when there is no such line. A scan of YAML's block
 * structure: indicators (`- `, `? `, `key: `), anchors and tags, comments, and block scalars
 * (`|`, `>`), whose more indented lines are content and skipped.
 */
export function indentFlowContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  let blockIndent = -1;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) {
        i++;
        continue;
      }
      blockIndent = -1;
    }
    let p = indent;
    let row = i;
    let next = i + 1;
    scan: while (p < lines[row].length) {
      const l = lines[row];
      const c = l[p];
      if (c === ' ' || c === '\t') {
        p++;
        continue;
      }
      const after = l[p + 1];
      const sep = after === undefined || after === ' ' || after === '\t';
      if (c === '#') break;
      if ((c === '-' || c === '?' || c === ':') && sep) {
        p++;
        continue;
      }
      if (c === '&' || c === '!') {
        while (p < l.length && l[p] !== ' ' && l[p] !== '\t') p++;
        continue;
      }
      if (c === '|' || c === '>') {
        blockIndent = indent;
        break;
      }
      if (c === "'" || c === '"' || c === '[' || c === '{') {
        const end = flowEnd(lines, row, p);
        if (end === undefined) return undefined;
        for (let j = row + 1; j <= end.row; j++) {
          lines[j] = ' '.repeat(p + 1) + lines[j];
          changed = true;
        }
        if (end.row > row) end.col += p + 1;
        row = end.row;
        p = end.col;
        next = row + 1;
        continue;
      }
      // A plain scalar: to `: ` (a key) or the end of the line (` #` starts a comment).
      while (p < l.length) {
        if (l[p] === ':' && (p + 1 === l.length || l[p + 1] === ' ' || l[p + 1] === '\t')) {
          p++;
          continue scan;
        }
        if (l[p] === '#' && (l[p - 1] === ' ' || l[p - 1] === '\t')) break scan;
        p++;
      }
    }
    i = next;
  }
  return changed ? lines.join('\n') : undefined;
}

/** Where the quoted scalar or flow collection starting at lines[row][col] ends (just past it). */
function flowEnd(lines: string[], row: number, col: number): { row: number; col: number } | undefined {
  const closers: string[] = [];
  let r = row;
  let p = col;
  let quote = '';
  while (r < lines.length) {
    const l = lines[r];
    while (p < l.length) {
      const c = l[p];
      if (quote === "'") {
        if (c === "'") {
          if (l[p + 1] === "'") p++;
          else quote = '';
        }
      } else if (quote === '"') {
        if (c === '\\') p++;
        else if (c === '"') quote = '';
      } else if (c === "'" || c === '"') {
        quote = c;
      } else if (c === '[') closers.push(']');
      else if (c === '{') closers.push('}');
      else if (c === ']' || c === '}') {
        if (closers.pop() !== c) return undefined;
      } else if (c === '#' && (l[p - 1] === ' ' || l[p - 1] === '\t') && closers.length) {
        break;
      }
      p++;
      if (quote === '' && closers.length === 0) return { row: r, col: p };
    }
    r++;
    p = 0;
  }
  return undefined;
}

/**
 * A map key yaml.v2 cannot turn into JSON: a list or map (`? [a]`, "invalid map key"), or null (`~: x`,
 * an empty key `: x`), as a message; undefined when every key is fine.
 */
export function v2KeyProblem(doc: Document): { node: Node | null; message: string } | undefined {
  const { visit, isAlias, isCollection, isScalar } = yamlLib();
  let problem: { node: Node | null; message: string } | undefined;
  visit(doc, {
    Pair(_, pair) {
      const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
      if (isCollection(key)) problem = { node: pair.key as Node, message: `invalid map key: ${String(pair.key)}` };
      else if (key === null || (isScalar(key) && key.value === null)) {
        // No key text at all (`: x`) is a syntax error to yaml.v2; `~` or `null` a key JSON cannot hold.
        const empty = key === null || key.source === '' || key.source === undefined;
        problem = { node: pair.key as Node | null, message: empty ? 'did not find expected key' : 'Unsupported map key of type: %!s(<nil>), key: <nil>' };
      } else return undefined;
      return visit.BREAK;
    },
  });
  return problem;
}

/** Text a map key may be null in: a key that is empty, `~` or `null` (most texts have none, so no visit is needed). */
export const MAY_HAVE_NULL_KEY = /(?:^|\n)[ \t]*(?:(?:-|\?)[ \t]+)*(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)/m;
