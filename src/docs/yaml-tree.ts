// values.yaml as helm-docs sees it through gopkg.in/yaml.v3: nodes with positions, yaml.v3's scalar typing, and
// each key's (or list item's) head comment — the comment lines yaml.v3 attaches above it.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { DocsError } from './errors.js';

/** yaml.v3's resolved tags for scalars (timestamps stay strings: helm-docs prints their text). */
export type ScalarTag = 'null' | 'bool' | 'int' | 'float' | 'str';

export type DocNode =
  | { kind: 'map'; entries: DocEntry[] }
  | { kind: 'seq'; items: DocItem[] }
  | { kind: 'scalar'; tag: ScalarTag; value: null | boolean | number | bigint | string };

/** A mapping key with its value. Line and column are 1-based, as yaml.v3 reports them. */
export interface DocEntry {
  key: string;
  line: number;
  col: number;
  headComment: string;
  value: DocNode;
}

/** A list item: helm-docs reads the item node's own head comment. */
export interface DocItem {
  line: number;
  col: number;
  headComment: string;
  value: DocNode;
}

const MAX_DEPTH = 200;

// yaml.v3 resolve.go: a plain scalar is a float when it looks like one of these (after dropping `_`).
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['true', 'True', 'TRUE']);
const FALSES = new Set(['false', 'False', 'FALSE']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
};

/** Go's strconv.ParseInt(s, 0, 64) (and ParseUint as a fallback): sign, 0x/0o/0b prefixes, a leading 0 is octal. */
function goParseInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  let digits = m[2];
  if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
  const v = BigInt(digits.toLowerCase().replace(/^0([xob])/, '0$1'));
  const signed = m[1] === '-' ? -v : v;
  // Out of int64 and uint64 range: yaml.v3 gives up on the number and keeps a string.
  if (signed < -(2n ** 63n) || signed >= 2n ** 64n) return undefined;
  return signed;
}

function intValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** yaml.v3 resolve() for a plain (unquoted, untagged) scalar. */
export function resolvePlain(text: string): { tag: ScalarTag; value: null | boolean | number | bigint | string } {
  if (NULLS.has(text)) return { tag: 'null', value: null };
  if (TRUES.has(text)) return { tag: 'bool', value: true };
  if (FALSES.has(text)) return { tag: 'bool', value: false };
  if (Object.hasOwn(SPECIAL_FLOATS, text)) return { tag: 'float', value: SPECIAL_FLOATS[text] };
  if (/^[-+.0-9]/.test(text)) {
    const plain = text.replaceAll('_', '');
    const i = goParseInt(plain);
    if (i !== undefined) return { tag: 'int', value: intValue(i) };
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: 'float', value: Number(plain) };
  }
  return { tag: 'str', value: text };
}

type LineKind = 'blank' | 'comment' | 'content';

/** Which lines are comments, blank or content; comment lines inside multi-line scalars count as content. */
class CommentIndex {
  readonly lines: string[];
  readonly kinds: LineKind[];

  constructor(text: string, scalarLineSpans: Array<[number, number]>) {
    this.lines = text.split('\n');
    this.kinds = this.lines.map((l) => {
      const t = l.trim();
      return t === '' ? 'blank' : t.startsWith('#') ? 'comment' : 'content';
    });
    for (const [a, b] of scalarLineSpans) for (let i = a; i <= b && i < this.kinds.length; i++) this.kinds[i] = 'content';
  }

  private indent(i: number): number {
    return this.lines[i].length - this.lines[i].trimStart().length;
  }

  /** Whether the content line ends with `key:` or `-` — yaml.v3's VALUE / BLOCK-ENTRY token, opening a block. */
  private opensBlock(i: number): boolean {
    const t = this.lines[i].replace(/[ \t]+#.*$/, '').trimEnd();
    return t.endsWith(':') || t === '-' || t.endsWith(' -');
  }

  /**
   * The head comment of the node starting at 0-based `line`, `col`, following yaml.v3's scanner: comments after
   * content and before a blank line are the foot of that content; comments indented deeper than the node after a
   * deeper block are that block's foot; at the top of the file, only the group touching the first node is its own.
   */
  head(line: number, col: number): string {
    // A comment above a line belongs to the line's first node: a key after `- ` or inside `{...}` gets none.
    if (this.lines[line].slice(0, col).trim() !== '') return '';
    let p = line - 1;
    while (p >= 0 && this.kinds[p] !== 'content') p--;
    // Runs of comment lines at one column, split by blank lines and by column changes.
    const runs: Array<{ start: number; end: number; col: number; blankBefore: boolean }> = [];
    let blank = false;
    for (let i = p + 1; i < line; i++) {
      if (this.kinds[i] === 'blank') {
        blank = true;
        continue;
      }
      const c = this.indent(i);
      const last = runs[runs.length - 1];
      if (last && !blank && last.end === i - 1 && last.col === c) last.end = i;
      else runs.push({ start: i, end: i, col: c, blankBefore: blank });
      blank = false;
    }
    const blankAfter = (k: number): boolean => (k + 1 < runs.length ? runs[k + 1].blankBefore : runs[k].end < line - 1);
    let first = 0;
    if (p < 0) {
      // yaml.v3 gives everything up to the last blank line to the document.
      for (let k = 0; k < runs.length; k++) if (blankAfter(k)) first = k + 1;
    } else {
      // Leaving a deeper block: comments still indented like it are its foot.
      while (first < runs.length && runs[first].col > col && this.indent(p) > col) first++;
      if (first < runs.length && runs[first].start === p + 1 && blankAfter(first) && !this.opensBlock(p)) first++;
    }
    const out: string[] = [];
    for (let k = first; k < runs.length; k++) {
      if (k > first && runs[k].blankBefore) out.push('');
      for (let i = runs[k].start; i <= runs[k].end; i++) out.push(this.lines[i].trim());
    }
    if (out.length && blankAfter(runs.length - 1)) out.push('');
    return out.join('\n');
  }
}

export interface ValuesTree {
  /** The top-level mapping, or undefined for an empty file. */
  root?: DocNode & { kind: 'map' };
}

/** Parse values.yaml (`file` names it in errors) into helm-docs' view of it, `@ignore`d nodes removed. */
export function readValuesTree(text: string, file: string): ValuesTree {
  const src = text.replace(/\r\n/g, '\n');
  const lc = new LineCounter();
  const doc = parseDocument(src, { lineCounter: lc, version: '1.2', uniqueKeys: false, keepSourceTokens: true, merge: false });
  const err = doc.errors[0];
  if (err) {
    const pos = lc.linePos(err.pos[0]);
    throw new DocsError('DOCS_YAML', err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), file, pos.line, pos.col);
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return {};

  const spans: Array<[number, number]> = [];
  collectScalarSpans(doc.contents, lc, spans);
  const comments = new CommentIndex(src, spans);
  const pos = (offset: number): { line: number; col: number } => lc.linePos(offset);

  const build = (node: Node | null, depth: number): DocNode => {
    if (depth > MAX_DEPTH) throw new DocsError('DOCS_YAML', `values nest deeper than ${MAX_DEPTH} levels`, file);
    if (node === null) return { kind: 'scalar', tag: 'null', value: null };
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      if (!target) throw new DocsError('DOCS_YAML', `unknown alias *${node.source}`, file, pos(node.range![0]).line);
      return build(target as Node, depth + 1);
    }
    if (isMap(node)) {
      const entries: DocEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = pair.key as Scalar;
        const at = pos(key.range![0]);
        const headComment = comments.head(at.line - 1, at.col - 1);
        // yaml.v3 drops a node whose head comment mentions @ignore (helm-docs removeIgnored).
        if (headComment.includes('@ignore')) continue;
        entries.push({ key: scalarText(key), line: at.line, col: at.col, headComment, value: build(pair.value as Node | null, depth + 1) });
      }
      return { kind: 'map', entries };
    }
    if (isSeq(node)) {
      const items: DocItem[] = [];
      for (const item of node.items) {
        const n = item as Node | null;
        const start = n?.range?.[0];
        // yaml.v3 places an item at its content; its head comment is the one above the dash.
        const at = start === undefined ? { line: 0, col: 0 } : pos(start);
        const dash = start === undefined ? undefined : dashPosition(src, start, pos);
        const headComment = dash === undefined ? '' : comments.head(dash.line - 1, dash.col - 1);
        if (headComment.includes('@ignore')) continue;
        items.push({ line: at.line, col: at.col, headComment, value: build(n, depth + 1) });
      }
      return { kind: 'seq', items };
    }
    if (isScalar(node)) return scalarNode(node as Scalar);
    throw new DocsError('DOCS_YAML', 'unsupported YAML node', file);
  };

  const root = build(doc.contents as Node, 0);
  if (root.kind !== 'map') throw new DocsError('DOCS_YAML', 'values file must be a map of keys to values', file, 1);
  return { root };
}

/** A key's text: yaml.v3's Node.Value (the source text of a plain scalar, the decoded text otherwise). */
function scalarText(s: Scalar): string {
  if (s.type === Scalar.PLAIN && typeof s.source === 'string') return s.source;
  return s.value === null ? '' : String(s.value);
}

function scalarNode(s: Scalar): DocNode {
  const tag = s.tag?.replace(/^tag:yaml\.org,2002:/, '!!');
  const text = scalarText(s);
  if (tag === '!!str' || tag === '!!binary' || tag === '!!timestamp') return { kind: 'scalar', tag: 'str', value: text };
  if (tag === '!!null') return { kind: 'scalar', tag: 'null', value: null };
  if (tag === '!!bool' || tag === '!!int' || tag === '!!float') {
    const r = resolvePlain(text);
    if (tag === '!!float' && r.tag === 'int') return { kind: 'scalar', tag: 'float', value: Number(r.value) };
    return { kind: 'scalar', ...r };
  }
  if (s.type !== Scalar.PLAIN) return { kind: 'scalar', tag: 'str', value: text };
  return { kind: 'scalar', ...resolvePlain(text) };
}

/** The `-` of a list item (yaml.v3 positions an item at its content; its head comment sits above the dash line). */
function dashPosition(src: string, start: number, pos: (o: number) => { line: number; col: number }): { line: number; col: number } {
  let i = start - 1;
  while (i >= 0 && (src[i] === ' ' || src[i] === '\t')) i--;
  return src[i] === '-' ? pos(i) : pos(start);
}

function collectScalarSpans(node: unknown, lc: LineCounter, out: Array<[number, number]>): void {
  if (isScalar(node)) {
    const r = node.range;
    if (r && r[1] > r[0]) {
      const a = lc.linePos(r[0]).line - 1;
      const b = lc.linePos(r[1] - 1).line - 1;
      if (b > a) out.push([a, b]);
    }
  } else if (isMap(node)) {
    for (const p of node.items) {
      collectScalarSpans(p.key, lc, out);
      collectScalarSpans(p.value, lc, out);
    }
  } else if (isSeq(node)) {
    for (const it of node.items) collectScalarSpans(it, lc, out);
  }
}
