// bitnami common `_secrets.tpl` under `helm template`: there is no cluster, so `lookup` finds no
// Secret and every password comes from the values or is generated. Without a cluster, common 2.12.0
// to 2.27.0 give the same results (2.31 also evaluates templates in provided passwords: not ported).
import { randomInt } from 'node:crypto';
import type { RenderContext } from '../context.js';
import { fail } from '../errors.js';
import { goTypeName, isMap } from '../gotemplate/go-format.js';
import { dflt, dnsTrunc, goPrint, goQuote, isTrue, strval } from './go.js';
import { splitPath } from './go-template.js';
import { fullname } from './names.js';

/** `index` on something that is not a map: Go's template engine stops. */
export class SecretValuePathError extends Error {
  readonly code = 'TEMPLATE_EXEC';
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

function randFrom(chars: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += chars[randomInt(chars.length)];
  return out;
}

/**
 * sprig `randAlphaNum`: `length` characters from [A-Za-z0-9], from a cryptographic source.
 * This is the one place rendering is not a pure function of its inputs, on purpose: helm generates
 * a fresh password here, and anything derived from the inputs would be guessable.
 */
export function randAlphaNum(length: number): string {
  return randFrom(ALPHA + DIGITS, length);
}

/** sprig `b64enc` of a string (UTF-8). */
export function b64enc(s: string): string {
  // The same passwords and connection strings are encoded on every render: short ones are remembered.
  let e = encoded.get(s);
  if (e === undefined) {
    e = Buffer.from(s, 'utf8').toString('base64');
    if (s.length <= 1024) {
      if (encoded.size >= 1024) encoded.clear();
      encoded.set(s, e);
    }
  }
  return e;
}

const encoded = new Map<string, string>();

/** sprig `b64dec`: invalid input gives sprig's error text rather than failing. */
export function b64dec(s: string): string {
  let d = decoded.get(s);
  if (d === undefined) {
    d = !/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0 ? 'illegal base64 data at input byte 0' : Buffer.from(s, 'base64').toString('utf8');
    if (s.length <= 1024) {
      if (decoded.size >= 1024) decoded.clear();
      decoded.set(s, d);
    }
  }
  return d;
}

const decoded = new Map<string, string>();

/** common.secrets.name: `existingSecret` (a name, or a map with `name`) or the fullname plus suffix. */
export function secretName(ctx: RenderContext, existingSecret: unknown, defaultNameSuffix?: unknown): string {
  let name = fullname(ctx);
  if (isTrue(defaultNameSuffix)) name = dnsTrunc(`${name}-${strval(defaultNameSuffix)}`);
  if (isTrue(existingSecret)) {
    if (typeof existingSecret !== 'string') {
      const n = isMap(existingSecret) ? existingSecret.name : undefined;
      if (isTrue(n)) name = goPrint(n);
    } else {
      name = existingSecret;
    }
  }
  return name;
}

/** common.secrets.key: `key`, or its mapping in `existingSecret.keyMapping`. */
export function secretKey(existingSecret: unknown, key: string): string {
  if (isTrue(existingSecret) && typeof existingSecret !== 'string' && isMap(existingSecret)) {
    const mapping = existingSecret.keyMapping;
    if (isTrue(mapping) && isMap(mapping)) {
      const mapped = Object.hasOwn(mapping, key) ? mapping[key] : undefined;
      return mapped === undefined || mapped === null ? '' : strval(mapped);
    }
  }
  return key;
}

/**
 * common.secrets.lookup: the base64 of `defaultValue` (as text) when it is set, else "" — what the
 * include returns when the cluster holds no such Secret, as under `helm template`.
 */
export function secretsLookup(defaultValue: unknown): string {
  return isTrue(defaultValue) ? b64enc(strval(defaultValue)) : '';
}

/**
 * common.utils.getValueFromKey: walk `.Values` along a dotted path; `%v` of the value, "" when unset.
 * A missing map on the way stops the chart, as upstream's `fail` does.
 */
function valueFromKey(ctx: RenderContext, key: string): string {
  let value: unknown = '';
  let obj: unknown = ctx.Values;
  for (const part of splitPath(key)) {
    if (!isTrue(obj)) fail(`please review the entire path of '${key}' exists in values`);
    if (!isMap(obj)) throw new SecretValuePathError(`error calling index: can't index item of type ${goTypeName(obj)} (${key})`);
    value = Object.hasOwn(obj, part) ? obj[part] : undefined;
    obj = value;
  }
  const v = dflt('', value);
  return typeof v === 'string' ? v : goPrint(v);
}

/** common.utils.getKeyFromList: the first key whose value is set, else the first key. */
function keyFromList(ctx: RenderContext, keys: readonly string[]): string {
  for (const key of keys) if (valueFromKey(ctx, key) !== '') return key;
  return keys[0] ?? '';
}

export interface ManagedPassword {
  /** Dotted paths into `.Values`; the first one holding a value provides the password. */
  providedValues: readonly string[];
  /** Length of a generated password (default 10). */
  length?: number;
  /** Generate with symbols and at least one lower, upper and digit. */
  strong?: boolean;
  /** Return the password itself rather than its base64 (common 2.20+). */
  skipB64enc?: boolean;
  /** Leave the result unquoted (common 2.20+). */
  skipQuote?: boolean;
}

/**
 * common.secrets.passwords.manage with no existing Secret: the provided value, else a random one;
 * returned as the include does, base64 encoded and double-quoted (`"cHJlZmVjdA=="`) by default.
 * (Upstream also fails here on `helm upgrade` without a password; rendering is always an install.)
 */
export function passwordsManage(ctx: RenderContext, opts: ManagedPassword): string {
  const provided = valueFromKey(ctx, keyFromList(ctx, opts.providedValues));
  const length = opts.length && opts.length > 0 ? opts.length : 10;
  let password: string;
  if (provided !== '') password = provided;
  else if (opts.strong) password = strongPassword(length);
  else password = randAlphaNum(length);
  const text = opts.skipB64enc ? password : b64enc(password);
  return opts.skipQuote ? text : goQuote(text);
}

/** The `strong` form: lower_digit_UPPER plus random ASCII with non-word characters made `@`, shuffled. */
function strongPassword(length: number): string {
  const sub = [randFrom(ALPHA.slice(0, 26), 1), randFrom(DIGITS, 1), randFrom(ALPHA.slice(26), 1)].join('_');
  let ascii = '';
  for (let i = 0; i < length; i++) ascii += String.fromCharCode(32 + randomInt(95));
  const body = ascii.replace(/\W/g, '@').slice(5, length);
  const chars = [...(sub + body)];
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
