// Manifest data → YAML text, as `helm template` lays it out: `---`, `# Source: <path>`, the document.
// A purpose-built emitter (block style, two-space indent) whose only hard rule is that the text reads
// back under YAML 1.1 — as Kubernetes reads it — into exactly the data given: strings that would read
// as anything else (`yes`, `on`, `0755`, `1e3`, `""`, `~`) are quoted.

import { isDeeplyFrozen } from './values/maps.js';

/** A rendered document and the template it came from. */
export interface SourcedDoc {
  source: string;
  object: Record<string, unknown>;
}

// Plain scalars YAML 1.1 would type: booleans, null, ints (any base, `_`, sexagesimal), floats, merge key.
const YAML11_SPECIAL =
  /^(?:[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|<<|=|[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*|(?:[0-9][0-9_]*)?\.[0-9_.]*(?:[eE][-+]?[0-9]+)?|(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+|\.(?:inf|Inf|INF))|\.(?:nan|NaN|NAN)|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/;

// A plain scalar may not start with an indicator, nor hold `: ` or ` #`, nor end in space or `:`.
const SAFE_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n\r\t]*$/;

/**
 * Names, words, label keys and paths: a letter, then letters, digits and `_ . / -`. Such text is plain
 * unless YAML 1.1 reads the word as a boolean or null. Most keys and values are like this, and one
 * small pattern answers for them: the full checks are compiled, on a cold start, only if other text
 * comes along. (`e5`, `E-3` take the full checks: the 1.1 float pattern allows an empty mantissa.)
 */
const PLAIN_WORD = /^(?![eE][-\d])[A-Za-z][\w./-]*$/;
const YAML11_WORDS = new Set(
  ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null'].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]),
);

function needsQuotes(s: string): boolean {
  if (PLAIN_WORD.test(s)) return YAML11_WORDS.has(s);
  if (s === '') return true;
  if (!SAFE_PLAIN.test(s) && !/^-[^\s\-]/.test(s) && !/^[?:][^\s]/.test(s)) return true;
  if (/^[-?:](\s|$)/.test(s)) return true;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':') || s.endsWith(' ') || /[\n\r\t\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) {
    return true;
  }
  if (s.startsWith('---') || s.startsWith('...')) return true;
  return YAML11_SPECIAL.test(s);
}

/** A double-quoted YAML scalar: JSON's escaping is valid YAML. */
function doubleQuoted(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Multi-line text reads best as a literal block; only when it round-trips exactly. */
function literalBlock(s: string, indent: string): string | undefined {
  if (!s.includes('\n') || /[\r\t\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) return undefined;
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  if (body.endsWith('\n') || body === '') return undefined; // `|+` keep-chomping is not worth the risk
  const lines = body.split('\n');
  if (lines[0].startsWith(' ') || lines.some((l) => l.endsWith(' '))) return undefined;
  const header = s.endsWith('\n') ? '|' : '|-';
  return header + lines.map((l) => (l === '' ? '\n' : `\n${indent}${l}`)).join('');
}

function scalar(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return stringText(v);
    case 'number':
      if (Number.isNaN(v)) {
        printedNonFinite = true;
        return '.nan';
      }
      if (!Number.isFinite(v)) {
        printedNonFinite = true;
        return v > 0 ? '.inf' : '-.inf';
      }
      if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
      {
        // YAML 1.1 floats need a dot: 1e+21 must be written 1.0e+21.
        const t = String(v);
        return t.includes('.') || !t.includes('e') ? t : t.replace('e', '.0e');
      }
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      return 'null';
  }
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Single-line strings as they print (plain or double-quoted), remembered: keys and most values repeat
 * from document to document and render to render, and the quoting checks are a handful of regexps.
 * Bounded: cleared when full; only short strings are kept.
 */
const printedStrings = new Map<string, string>();
const MAX_REMEMBERED = 8192;
const MAX_REMEMBERED_LENGTH = 256;

function stringText(s: string): string {
  let t = printedStrings.get(s);
  if (t === undefined) {
    t = needsQuotes(s) ? doubleQuoted(s) : s;
    if (s.length <= MAX_REMEMBERED_LENGTH) {
      if (printedStrings.size >= MAX_REMEMBERED) printedStrings.clear();
      printedStrings.set(s, t);
    }
  }
  return t;
}

/**
 * Text of deep-frozen maps and lists (chart defaults and cached values, which templates often place
 * as they are: resources, security contexts, probes), by indentation: such a subtree prints the same
 * every time, so it is emitted once. The first line of a subtree starts with its indentation, or with
 * the `- ` markers of the sequences it opens (`lead`); what is remembered is the text after that.
 */
interface FrozenText {
  /** Whether the subtree holds a NaN or an infinity (a user's `.nan` is frozen with their values). */
  nonFinite: boolean;
  tails: Map<string, string>;
}

const frozenTexts = new WeakMap<object, FrozenText>();

/**
 * The text of a deep-frozen map or list at an indentation, after its lead: remembered, and its
 * non-finite numbers noted as if printed again. An empty collection has none (it prints inline,
 * `{}` or `[]`): undefined.
 */
function frozenTail(v: unknown[] | Record<string, unknown>, indent: string): string | undefined {
  let known = frozenTexts.get(v);
  let tail = known?.tails.get(indent);
  if (tail === undefined) {
    const outerNonFinite = printedNonFinite;
    printedNonFinite = false;
    tail = Array.isArray(v) ? emitSeq(v, indent, '', '') : emitMap(v, indent, '', '');
    const nonFinite = printedNonFinite;
    printedNonFinite = outerNonFinite || nonFinite;
    if (tail === '') return undefined;
    if (!known) frozenTexts.set(v, (known = { nonFinite, tails: new Map() }));
    known.tails.set(indent, tail);
  } else if (known!.nonFinite) printedNonFinite = true;
  return tail;
}

// The emitter appends lines to the text so far, `out`, each ending in a newline, and returns the longer
// text (one string for the whole stream: V8 joins the pieces once, when the text is first read; an
// array joined at the end measured slower). `out` is passed along rather than kept in a module
// variable: each append to one of those is a store with a write barrier. `lead` is what the first
// line a call writes starts with in place of its indentation: `- ` markers of the enclosing sequences.

/** Set when the emitter prints a NaN or an infinity (remembered frozen subtrees included). */
let printedNonFinite = false;

/** Indentations by depth, made once. */
const indents: string[] = [''];

function deeper(indent: string): string {
  const depth = (indent.length >> 1) + 1;
  let next = indents[depth];
  if (next === undefined) indents[depth] = next = `${indent}  `;
  return next;
}

/**
 * `<indent>key:` by depth, and ` value\n` for short single-line strings, remembered (keys and most
 * values repeat in every document and render): a line is then two remembered pieces, fewer string
 * pieces to allocate and join.
 */
const keyLines: Array<Map<string, string>> = [];

function keyLine(indent: string, k: string): string {
  const depth = indent.length >> 1;
  let lines = keyLines[depth];
  if (lines === undefined) keyLines[depth] = lines = new Map();
  let t = lines.get(k);
  if (t === undefined) {
    t = `${indent}${stringText(k)}:`;
    if (k.length <= MAX_REMEMBERED_LENGTH) {
      if (lines.size >= MAX_REMEMBERED) lines.clear();
      lines.set(k, t);
    }
  }
  return t;
}

const valueLines = new Map<string, string>();

function valueLine(v: string): string {
  let t = valueLines.get(v);
  if (t === undefined) {
    t = ` ${stringText(v)}\n`;
    if (v.length <= MAX_REMEMBERED_LENGTH) {
      if (valueLines.size >= MAX_REMEMBERED) valueLines.clear();
      valueLines.set(v, t);
    }
  }
  return t;
}

/**
 * `out` and a map's `key: value` lines (nothing added for a map without keys). Documents are plain
 * data (own keys only), and `for…in` reads each value through the object's enum cache: with the
 * many shapes of manifest maps, `m[k]` over Object.keys is a megamorphic lookup per key.
 */
function emitMap(m: Record<string, unknown>, indent: string, lead: string, out: string): string {
  let first = lead !== indent;
  for (const k in m) {
    if (first) {
      out += `${lead}${stringText(k)}:`;
      first = false;
    } else out += keyLine(indent, k);
    out = emitValue(m[k], indent, out);
  }
  return out;
}

/** `out` and the value after a `key:` or `-`: inline for scalars and empty collections, nested otherwise. */
function emitValue(v: unknown, indent: string, out: string): string {
  if (typeof v === 'string') {
    // A remembered line needs no scan for line breaks (only single-line strings are remembered).
    const line = valueLines.get(v);
    if (line !== undefined) return out + line;
    if (v.includes('\n')) return `${out} ${literalBlock(v, deeper(indent)) ?? doubleQuoted(v)}\n`;
    return out + valueLine(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return `${out} []\n`;
    const next = deeper(indent);
    if (isDeeplyFrozen(v)) return `${out}\n${next}${frozenTail(v, next)}`;
    return emitSeq(v, next, next, `${out}\n`);
  }
  if (isPlainMap(v)) {
    const next = deeper(indent);
    if (isDeeplyFrozen(v)) {
      // Keys are listed only when the text is not remembered yet.
      const tail = frozenTail(v, next);
      return tail === undefined ? `${out} {}\n` : `${out}\n${next}${tail}`;
    }
    const opened = `${out}\n`;
    const written = emitMap(v, next, next, opened);
    return written.length === opened.length ? `${out} {}\n` : written;
  }
  return `${out} ${scalar(v)}\n`;
}

function emitSeq(list: readonly unknown[], indent: string, lead: string, out: string): string {
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const first = i === 0 ? lead : indent;
    if (Array.isArray(item)) {
      // `- - x`: a nested list starts on its parent's dash line.
      if (item.length === 0) out += `${first}- []\n`;
      else if (isDeeplyFrozen(item)) out += `${first}- ${frozenTail(item, deeper(indent))}`;
      else out = emitSeq(item, deeper(indent), `${first}- `, out);
    } else if (isPlainMap(item)) {
      // `- key: value` with the remaining keys aligned under the first.
      if (isDeeplyFrozen(item)) {
        const tail = frozenTail(item, deeper(indent));
        out += tail === undefined ? `${first}- {}\n` : `${first}- ${tail}`;
      } else {
        const written = emitMap(item, deeper(indent), `${first}- `, out);
        out = written.length === out.length ? `${out}${first}- {}\n` : written;
      }
    } else {
      out = emitValue(item, indent, `${out}${first}-`);
    }
  }
  return out;
}

/** One manifest as YAML text (no trailing newline). */
export function toYamlText(object: Record<string, unknown>): string {
  const text = emitMap(object, '', '', '');
  return text === '' ? '{}' : text.slice(0, -1);
}



/** A document's YAML as it sits in the stream (each line ending in a newline). */
export interface DocText {
  text: string;
  /** Whether a NaN or infinite number was printed. False: the document holds none, and the manifest checks need not look. */
  nonFinite: boolean;
}

export function docText(object: Record<string, unknown>): DocText {
  printedNonFinite = false;
  const text = emitMap(object, '', '', '');
  return text === '' ? { text: '{}\n', nonFinite: false } : { text, nonFinite: printedNonFinite };
}

/**
 * Helm's stream: `---\n# Source: <path>\n<yaml>\n` per document. `texts` holds documents already
 * printed (docText), by document.
 */
export function serializeDocs(docs: readonly SourcedDoc[], texts?: ReadonlyMap<SourcedDoc, DocText>): string {
  let stream = '';
  for (const d of docs) stream += `---\n# Source: ${d.source}\n${(texts?.get(d) ?? docText(d.object)).text}`;
  return stream;
}
