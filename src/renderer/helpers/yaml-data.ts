// What a template line turns into once helm's YAML text is read back as data. Charts build objects,
// not text, so each of these answers "what does `key: {{ ... }}` parse to?" the way Kubernetes
// (YAML 1.1) reads it: `{{ "true" }}` is a boolean, `{{ "007" }}` the octal number 7, a nil quote is null.
import { yamlLib } from '../yaml-lib.js';
import { goPrint, goQuote, isNil, strval } from './go.js';
import { lenientText, MAY_HAVE_NULL_KEY, v2KeyProblem } from '../values/yaml-v2.js';

export class ManifestYamlError extends Error {
  readonly code = 'MANIFEST_YAML';
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`rendered YAML is invalid: ${reason}`);
  }
}

// logLevel 'error': a stray `%` directive line is an error we report, not a warning the library prints.
const YAML11 = { version: '1.1' as const, merge: true, uniqueKeys: false, logLevel: 'error' as const };

/** Plain words that read as strings: the common case, answered without any parsing. */
const PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT = /^[-+]?(0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[1-9][0-9]*|0)$/;

/**
 * How Kubernetes (yaml.v2's resolve.go) types a plain scalar: YAML 1.1 booleans and nulls, Go's
 * ParseInt with base prefixes (underscores dropped), floats, `.inf`/`.nan`; all else is a string
 * (timestamps included).
 */
function resolvePlain(s: string): unknown {
  if (NULLS.has(s)) return null;
  if (BOOL_TRUE.has(s)) return true;
  if (BOOL_FALSE.has(s)) return false;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(s)) return NaN;
  const digits = s.replaceAll('_', '');
  if (INT.test(digits)) {
    const neg = digits.startsWith('-');
    const body = digits.replace(/^[-+]/, '');
    let n: number;
    if (body.startsWith('0b')) n = parseInt(body.slice(2), 2);
    else if (body.startsWith('0x')) n = parseInt(body.slice(2), 16);
    else if (body.startsWith('0o')) n = parseInt(body.slice(2), 8);
    else if (body.length > 1 && body.startsWith('0')) n = parseInt(body.slice(1), 8);
    else n = Number(body);
    return neg ? -n : n;
  }
  // yaml.v2 tries floats on the text without underscores; one out of float64's range stays a string.
  if (FLOAT.test(digits)) {
    const n = Number(digits);
    return Number.isFinite(n) ? n : s;
  }
  return s;
}

/** Text YAML reads as a plain scalar on one line: no indicator first, no `: ` or ` #` inside. */
function isPlainScalarText(t: string): boolean {
  return !/^[-?:,[\]{}#&*!|>'"%@`]/.test(t) && !/[\n\r]/.test(t) && !t.includes(': ') && !t.includes(' #') && !t.endsWith(':');
}

/**
 * Parse YAML 1.1 text as Kubernetes would, rejecting what it rejects: a map key that is itself a map
 * or list (as `{{ .Release.Name }}` left unevaluated in a value reads), which yaml.v2 cannot turn into JSON.
 */
function parse11(text: string): unknown {
  try {
    return parse11Strict(text);
  } catch (e) {
    // What yaml.v2 reads and the parser here refuses (see lenientText): read the adjusted text.
    const lenient = lenientText(text, firstParseError);
    if (lenient === undefined) throw e;
    return parse11Strict(lenient);
  }
}

function firstParseError(text: string): { offset: number; message: string } | undefined {
  const doc = yamlLib().parseDocument(text, YAML11);
  const e = doc.errors[0];
  return e === undefined ? undefined : { offset: e.pos[0], message: e.message };
}

function parse11Strict(text: string): unknown {
  const fast = literalBlockMap(text);
  if (fast !== undefined) return fast;
  const { parse, parseDocument } = yamlLib();
  if (!/[{[?]/.test(text) && !MAY_HAVE_NULL_KEY.test(text)) return parse(text, YAML11);
  const doc = parseDocument(text, YAML11);
  if (doc.errors.length) throw doc.errors[0];
  const problem = v2KeyProblem(doc);
  if (problem) throw new Error(problem.message);
  return doc.toJS();
}

/** A key that YAML 1.1 reads as the plain string it is. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Characters a literal block line may hold for the fast path: printable, no tabs, no 1.1 line breaks. */
const LITERAL_LINE = /^[\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*$/;

/**
 * Fast path for the one shape charts read back on every render: `key: |` or `key: |-` followed by a
 * literal block indented two spaces (`blockScalar` in the postgresql templates). Only the plainest
 * form is taken: no indentation indicator, no tabs or control characters, no whitespace-only lines,
 * no trailing blank lines; anything else (undefined) goes to the YAML parser, which gives the same
 * result for this shape (a property test compares the two).
 */
function literalBlockMap(text: string): Record<string, unknown> | undefined {
  const colon = text.indexOf(': |');
  if (colon <= 0 || !text.endsWith('\n')) return undefined;
  const key = text.slice(0, colon);
  if (!PLAIN_KEY.test(key) || key === '__proto__' || BOOL_TRUE.has(key) || BOOL_FALSE.has(key) || NULLS.has(key)) return undefined;
  let i = colon + 3;
  const strip = text.charCodeAt(i) === 0x2d; // `|-`
  if (strip) i++;
  if (text.charCodeAt(i) !== 0x0a) return undefined;
  const lines = text.slice(i + 1, -1).split('\n');
  if (lines[0].length < 3 || !lines[0].startsWith('  ') || lines[0].charCodeAt(2) === 0x20) return undefined;
  if (lines[lines.length - 1] === '') return undefined;
  for (let j = 0; j < lines.length; j++) {
    const l = lines[j];
    if (l === '') continue;
    if (!l.startsWith('  ') || l.trim() === '' || !LITERAL_LINE.test(l)) return undefined;
    lines[j] = l.slice(2);
  }
  const out: Record<string, unknown> = {};
  out[key] = lines.join('\n') + (strip ? '' : '\n');
  return out;
}

/**
 * Scalars read from short texts, remembered (the same names, ports and flags are printed on every
 * render). Only scalars are kept, never a flow map or list (callers may change those), nor an error.
 * Bounded: cleared when full. null is kept as NULL_READ (undefined means "not remembered").
 */
const scalarReads = new Map<string, unknown>();
const NULL_READ = Symbol('null');
const MAX_READS = 4096;

/** Read one line's scalar text as data (`key: <text>`), as Kubernetes reads helm's output. */
export function scalarFromText(text: string): unknown {
  const hit = scalarReads.get(text);
  if (hit !== undefined) return hit === NULL_READ ? null : hit;
  const value = readScalar(text);
  if (text.length <= 256 && (value === null || typeof value !== 'object')) {
    if (scalarReads.size >= MAX_READS) scalarReads.clear();
    scalarReads.set(text, value === null ? NULL_READ : value);
  }
  return value;
}

function readScalar(text: string): unknown {
  if (PLAIN_STRING.test(text) && !BOOL_TRUE.has(text) && !BOOL_FALSE.has(text) && !NULLS.has(text)) return text;
  const t = text.trim();
  // A line break followed by text at column 0 (not a comment): in helm's output the value is nested under
  // its key, so that line reads as a new key without ':' and YAML stops. Quoted and flow scalars may go on
  // at column 0 (yaml.v2 does not check their indentation).
  if (/\n(?![\s#]|$)/.test(text) && !/^["'[{]/.test(t)) throw new ManifestYamlError(text, "could not find expected ':'");
  if (isPlainScalarText(t) || /^-[^\s-]/.test(t)) return resolvePlain(t);
  // `"text"` with nothing to unescape or fold (as templates write `image: "{{ repo }}:{{ tag }}"`).
  if (DOUBLE_QUOTED_PLAIN.test(t)) return t.slice(1, -1);
  let value: unknown;
  try {
    // After `key: ` a `---` or `...` is text, not the document marker it is at the start of a text.
    value = /^(---|\.\.\.)([ \t]|$)/.test(t) ? (parse11(`v: ${text}`) as { v: unknown }).v : parse11(text);
  } catch (e) {
    throw new ManifestYamlError(text, (e as Error).message.split('\n')[0]);
  }
  // A block mapping or sequence cannot follow `key:` on the same line; flow ones (`[a]`, `{a: 1}`) can.
  if (value !== null && typeof value === 'object' && !/^[[{]/.test(t)) {
    throw new ManifestYamlError(text, 'mapping values are not allowed in this context');
  }
  return value;
}

/** `key: {{ v }}` — Go prints v, YAML reads it back. nil prints nothing, which is null. */
export function printed(v: unknown): unknown {
  if (isNil(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return scalarFromText(v);
  return scalarFromText(goPrint(v));
}

/** `key: {{ v | quote }}` — a string, except that a nil quotes to nothing at all (null). */
export function quoted(v: unknown): string | null {
  if (isNil(v)) return null;
  const s = strval(v);
  // Printable ASCII but `"` and `\\`: Go's %q adds only the quotes, which YAML takes off again.
  if (QUOTE_SAFE.test(s)) return s;
  return yamlLib().parse(goQuote(s)) as string;
}

const DOUBLE_QUOTED_PLAIN = /^"[\x20\x21\x23-\x5b\x5d-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"$/;
const QUOTE_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `key: {{- toYaml v | nindent n }}` — toYaml quotes what needs quoting, so reading the block back
 * gives the value itself (nil is null).
 */
export function yamlBlock(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** Read a block of rendered YAML text (a tpl result, an include) as data. */
export function yamlFromText(text: string): unknown {
  try {
    return parse11(text) ?? null;
  } catch (e) {
    throw new ManifestYamlError(text, (e as Error).message.split('\n')[0]);
  }
}

/**
 * `- {{ text }}`: a list item reads like `key: {{ text }}` (`readInline`), except that a block mapping
 * (`a: b`) or a nested block list (`- x`) may start right after the dash. yaml.v2 wants a key before
 * `:` and reads a lone `?` as a null key, which JSON cannot hold: both stay errors.
 */
export function readListItem(text: string, readInline: () => unknown): unknown {
  try {
    return readInline();
  } catch (e) {
    if (!(e instanceof ManifestYamlError) || /[\n\r]/.test(text.trimEnd())) throw e;
    if (/^:(\s|$)|^\?\s*$/.test(text)) throw e;
    const item = yamlFromText(`- ${text}`);
    if (!Array.isArray(item) || item.length !== 1) throw e;
    return item[0];
  }
}
