// What a template line turns into once helm's YAML text is read back as data. Charts build objects,
// not text, so each of these answers "what does `key: {{ ... }}` parse to?" the way Kubernetes
// (YAML 1.1) reads it: `{{ "true" }}` is a boolean, `{{ "007" }}` the octal number 7, a nil quote is null.
import { parse } from 'yaml';
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

/** Plain words that YAML 1.1 reads as strings: the common case, answered without parsing. */
const PLAIN_STRING = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;
const YAML11_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

/** Read one line's scalar text as YAML 1.1 data (`key: <text>`). */
export function scalarFromText(text: string): unknown {
  if (text === '') return null;
  if (PLAIN_STRING.test(text) && !YAML11_WORDS.test(text)) return text;
  try {
    return parse(text, YAML11);
  } catch (e) {
    throw new ManifestYamlError(text, (e as Error).message.split('\n')[0]);
  }
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
    return parse(text, YAML11) ?? null;
  } catch (e) {
    throw new ManifestYamlError(text, (e as Error).message.split('\n')[0]);
  }
}
