// Reading YAML the way Helm reads values (sigs.k8s.io/yaml over yaml.v2): YAML 1.1 scalars
// (yes/no/on/off are booleans, 0755 is octal), merge keys, last duplicate key wins, timestamps
// stay strings. Documents are kept so messages can point at file:line:col.
import type { Document, LineCounter, Node, Tags } from 'yaml';
import { yamlLib } from '../yaml-lib.js';
import { MAX_VALUE_DEPTH } from './maps.js';
import { lenientText, v2KeyProblem } from './yaml-v2.js';

export interface YamlPosition {
  line: number;
  col: number;
}

export class YamlSyntaxError extends Error {
  readonly code = 'YAML_SYNTAX';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${col}: ${reason}`);
  }
}

/** Values nested deeper than this are refused: real charts use under 20 levels. */
export const MAX_DEPTH = MAX_VALUE_DEPTH;

export interface ParsedYaml {
  file: string;
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

const YAML_ORG = 'tag:yaml.org,2002:';

const UINT64_MAX = 2n ** 64n - 1n;

/**
 * Integers yaml.v2 reads with strconv.ParseInt(text, 0, 64) after dropping underscores, that YAML 1.1
 * itself has no form for: `0o17`, `0O17`, `0X1F`, `0B101` (so 15, 31, 5). Out of int64 (and, unsigned,
 * of uint64) range they stay strings, as yaml.v2 leaves them.
 */
const GO_PREFIXED_INT = {
  tag: `${YAML_ORG}int`,
  default: true,
  format: 'GO',
  test: /^[-+]?0(?:[oO](?:_*[0-7])+|[xX](?:_*[0-9a-fA-F])+|[bB](?:_*[01])+)_*$/,
  identify: (): boolean => false,
  resolve(text: string): number | string {
    const t = text.replaceAll('_', '');
    const neg = t.startsWith('-');
    const body = t.replace(/^[-+]/, '');
    const n = BigInt(`0${body[1].toLowerCase()}${body.slice(2)}`);
    if (neg ? n > 2n ** 63n : n > UINT64_MAX) return text;
    return Number(neg ? -n : n);
  },
};

/**
 * The yaml package's YAML 1.1 tags, cut down to what helm's yaml.v2 decodes into interface{}: timestamps and
 * sexagesimal numbers (`12:30`) stay strings; `!!set`, `!!omap` and `!!pairs` are the plain maps and lists they
 * are written as (not JS Set/Map objects); `!!binary` is the decoded text (not a Uint8Array).
 */
export function yamlV2Tags(tags: Tags, keepTimestamps = false): Tags {
  const dropped = new Set([...(keepTimestamps ? [] : ['timestamp']), 'set', 'omap', 'pairs', 'binary'].map((t) => YAML_ORG + t));
  const kept = tags.filter((t) => typeof t === 'string' || (!dropped.has(t.tag) && t.format !== 'TIME'));
  return [
    GO_PREFIXED_INT,
    ...kept,
    {
      tag: `${YAML_ORG}binary`,
      identify: () => false,
      resolve: (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8'),
    },
  ];
}

const PARSE_OPTIONS = {
  version: '1.1' as const,
  merge: true,
  uniqueKeys: false,
  customTags: (tags: Tags): Tags => yamlV2Tags(tags),
  // An alias bomb expands past this many nodes: refuse instead of exhausting memory.
  maxAliasCount: 1000,
};

const TOO_DEEP = `values nest deeper than ${MAX_DEPTH} levels`;

function cleanReason(message: string): string {
  // The parser recursed past the JavaScript stack: only nesting far past MAX_DEPTH does that.
  if (/call stack/i.test(message)) return TOO_DEEP;
  // yaml's messages end with a code frame and a position we already print; keep the first line.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The offset of the first `[` or `{` that opens a flow collection deeper than `max`, or -1. A cheap scan
 * before parsing, because the yaml parser spends seconds and gigabytes on thousands of unclosed `[`
 * before it gives up. Brackets count only where a node can start (after `:`, `-`, `,`, `?`, another
 * bracket, or at a line start); quoted strings and comments are skipped.
 */
export function deepFlowOffset(text: string, max: number): number {
  let depth = 0;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '\n' || ch === '\r') {
      prev = '\n';
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    const atNodeStart = prev === '\n' || '[{,:-?'.includes(prev);
    if (atNodeStart && (ch === '"' || ch === "'")) {
      for (i++; i < text.length && text[i] !== ch; i++) if (ch === '"' && text[i] === '\\') i++;
      prev = ch;
      continue;
    }
    if (atNodeStart && (ch === '[' || ch === '{')) {
      if (++depth > max) return i;
      prev = ch;
    } else if (depth > 0 && (ch === ']' || ch === '}')) {
      depth--;
      prev = ch;
    } else {
      // Inside a scalar (`x[[`): a bracket there starts nothing, and neither does the next one.
      prev = ch === '[' || ch === '{' ? 'x' : ch;
    }
  }
  return -1;
}

/** Parse one YAML text (a single document). `file` names it in errors. */
export function readYaml(text: string, file: string): ParsedYaml {
  const { parsed, errors } = readYamlAll(text, file);
  if (errors.length) throw errors[0];
  return parsed!;
}

/** Like readYaml, but every syntax error at once instead of throwing the first (for lint). */
export function readYamlAll(text: string, file: string): { parsed?: ParsedYaml; errors: YamlSyntaxError[] } {
  try {
    return { parsed: finishYaml(text, file), errors: [] };
  } catch (e) {
    if (e instanceof YamlErrors) return { errors: e.errors };
    if (e instanceof YamlSyntaxError) return { errors: [e] };
    throw e;
  }
}

class YamlErrors extends Error {
  constructor(readonly errors: YamlSyntaxError[]) {
    super(errors[0]?.message);
  }
}

function finishYaml(text: string, file: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlLib();
  let lines = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A lone CR is a line break to yaml.v2 (libyaml's IS_BREAK), not to the yaml package; same length, same positions.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const deep = deepFlowOffset(text, MAX_DEPTH);
  if (deep >= 0) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < deep; i = text.indexOf('\n', i + 1)) line++;
    throw new YamlSyntaxError(file, line, deep - text.lastIndexOf('\n', deep - 1), TOO_DEEP);
  }
  let doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length) {
    // What yaml.v2 reads and the yaml package refuses (see lenientText).
    const lenient = lenientText(text, (t) => {
      const e = parseDocument(t, { ...PARSE_OPTIONS, prettyErrors: false }).errors[0];
      return e === undefined ? undefined : { offset: e.pos[0], message: e.message };
    });
    if (lenient !== undefined) {
      const againLines = new LineCounter();
      const again = parseDocument(lenient, { ...PARSE_OPTIONS, lineCounter: againLines, prettyErrors: false });
      if (!again.errors.length) {
        doc = again;
        lines = againLines;
      }
    }
  }
  if (doc.errors.length) {
    throw new YamlErrors(
      doc.errors.map((err) => {
        const pos = lines.linePos(err.pos[0]);
        return new YamlSyntaxError(file, pos.line, pos.col, cleanReason(err.message));
      }),
    );
  }
  const badKey = v2KeyProblem(doc);
  if (badKey) {
    const pos = badKey.node?.range ? lines.linePos(badKey.node.range[0]) : { line: 1, col: 1 };
    const reason = badKey.message.startsWith('invalid map key')
      ? 'invalid map key: a key must be a string, number or boolean, not a list or map'
      : badKey.message.startsWith('Unsupported')
        ? 'invalid map key: a key must be a string, number or boolean, not null'
        : badKey.message;
    throw new YamlSyntaxError(file, pos.line, pos.col, reason);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: PARSE_OPTIONS.maxAliasCount });
  } catch (e) {
    throw new YamlSyntaxError(file, 1, 1, cleanReason((e as Error).message));
  }
  checkDepth(data, file, doc, lines);
  return { file, data, doc, lines };
}

function checkDepth(data: unknown, file: string, doc: Document, lines: LineCounter): void {
  const stack: Array<[unknown, number]> = [[data, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > MAX_DEPTH) {
      const pos = doc.contents?.range ? lines.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
      throw new YamlSyntaxError(file, pos.line, pos.col, TOO_DEEP);
    }
    if (Array.isArray(v)) for (const x of v) stack.push([x, d + 1]);
    else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
}

/** The position of the node at `path` (keys and list indexes) in a parsed document, if present. */
export function positionOf(parsed: ParsedYaml, path: ReadonlyArray<string | number>): YamlPosition | undefined {
  const { isMap: isYamlMap, isScalar, isSeq } = yamlLib();
  let node: unknown = parsed.doc.contents;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (isYamlMap(node)) {
      const pair = node.items.findLast((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
      if (!pair) return undefined;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(step)];
      if (item === undefined) return undefined;
      keyNode = undefined;
      node = item;
    } else return undefined;
  }
  const target = (node as Node | null) ?? keyNode;
  const range = target?.range ?? keyNode?.range;
  if (!range) return undefined;
  const p = parsed.lines.linePos(range[0]);
  return { line: p.line, col: p.col };
}

/** Position of the key itself (for "unknown key" messages). */
export function keyPositionOf(parsed: ParsedYaml, path: ReadonlyArray<string | number>): YamlPosition | undefined {
  if (path.length === 0) return undefined;
  const { isMap: isYamlMap, isScalar, isSeq } = yamlLib();
  let node: unknown = parsed.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isYamlMap(node)) {
      const pair = node.items.findLast((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(step));
      if (!pair) return undefined;
      if (i === path.length - 1) {
        const r = (pair.key as Node).range;
        if (!r) return undefined;
        const p = parsed.lines.linePos(r[0]);
        return { line: p.line, col: p.col };
      }
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(step)];
    } else return undefined;
  }
  return undefined;
}
