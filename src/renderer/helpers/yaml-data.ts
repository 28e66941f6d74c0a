// What a template line turns into once helm's YAML text is read back as data. Charts build objects,
// not text, so each of these answers "what does `key: {{ ... }}` parse to?" the way Kubernetes
// (YAML 1.1) reads it: `{{ "true" }}` is a boolean, `{{ "007" }}` the octal number 7, a nil quote is null.
import { isCollection, parse, parseDocument, visit } from 'yaml';
import { goPrint, isNil, quoteText } from './go.js';

export class ManifestYamlError extends Error {
  readonly code = 'MANIFEST_YAML';
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {
    super(`rendered YAML is invalid: ${reason}`);
  }
}

const YAML11 = { version: '1.1' as const, merge: true, uniqueKeys: false };

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
  if (FLOAT.test(s)) return Number(s);
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
  if (!/[{[?]/.test(text)) return parse(text, YAML11);
  const doc = parseDocument(text, YAML11);
  if (doc.errors.length) throw doc.errors[0];
  visit(doc, {
    Pair(_key, pair) {
      if (isCollection(pair.key)) throw new Error(`invalid map key: ${String(pair.key)}`);
    },
  });
  return doc.toJS();
}

/** Read one line's scalar text as data (`key: <text>`), as Kubernetes reads helm's output. */
export function scalarFromText(text: string): unknown {
  if (PLAIN_STRING.test(text) && !BOOL_TRUE.has(text) && !BOOL_FALSE.has(text) && !NULLS.has(text)) return text;
  const t = text.trim();
  if (isPlainScalarText(t) || /^-[^\s-]/.test(t)) return resolvePlain(t);
  let value: unknown;
  try {
    value = parse11(text);
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
  const text = quoteText(v);
  return text === '' ? null : (parse(text) as string);
}

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
