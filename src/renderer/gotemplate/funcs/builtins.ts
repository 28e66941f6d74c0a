// text/template's predefined functions; follows golang/go src/text/template/funcs.go (go1.18).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goPrint } from '../go-print.js';
import { GoStruct, goTypeName, isMap, isNil, isTrue } from '../go-value.js';
import { sprint, sprintf, sprintln } from './printf.js';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'invalid';
  }
}

const comparable = (v: unknown): boolean => isNil(v) || (!Array.isArray(v) && !isMap(v) && typeof v !== 'function');

function eq(args: unknown[]): boolean {
  const [a, ...rest] = args;
  if (!comparable(a)) throw new FuncError(`uncomparable type ${goTypeName(a)}: ${goPrint(a)}`);
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      // go1.18: comparing against nil is allowed (false); otherwise differing kinds are an error.
      if (!isNil(a) && !isNil(b)) throw new FuncError('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      if (!comparable(b)) throw new FuncError(`non-comparable type ${goTypeName(b)}`);
      truth = isNil(a) === isNil(b) && (isNil(a) || a === b);
    } else {
      truth = a === b;
    }
    if (truth) return true;
  }
  return false;
}

function lt(a: unknown, b: unknown): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid' || k1 === 'bool' || k2 === 'bool') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw new FuncError('incompatible types for comparison');
  return (a as string | number | bigint) < (b as string | number | bigint);
}

function utf8Len(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function length(v: unknown): bigint {
  if (isNil(v)) throw new FuncError('len of nil pointer');
  if (typeof v === 'string') return BigInt(utf8Len(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (isMap(v)) return BigInt(Object.keys(v).length);
  throw new FuncError(`len of type ${v instanceof GoStruct ? v.lenType : goTypeName(v)}`);
}

function indexArg(i: unknown, len: number): number {
  if (isNil(i)) throw new FuncError('cannot index slice/array with nil');
  if (typeof i !== 'bigint') throw new FuncError(`cannot index slice/array with type ${goTypeName(i)}`);
  if (i < 0n || i >= BigInt(len)) throw new FuncError(`index out of range: ${i}`);
  return Number(i);
}

function index(args: unknown[]): unknown {
  let item = args[0];
  if (isNil(item)) throw new FuncError('index of untyped nil');
  for (const ix of args.slice(1)) {
    if (isNil(item)) throw new FuncError('index of nil pointer');
    if (Array.isArray(item)) item = item[indexArg(ix, item.length)];
    else if (typeof item === 'string') item = BigInt(Buffer.from(item, 'utf8')[indexArg(ix, utf8Len(item))]);
    else if (isMap(item)) {
      if (isNil(ix)) throw new FuncError('value is nil; should be of type string');
      if (typeof ix !== 'string') throw new FuncError(`value has type ${goTypeName(ix)}; should be string`);
      item = Object.hasOwn(item, ix) ? item[ix] : undefined;
    } else throw new FuncError(`can't index item of type ${goTypeName(item)}`);
  }
  return item;
}

/** evalArgs of html/js/urlquery: a lone string as is, anything else through fmt.Sprint. */
const argText = (args: unknown[]): string => (args.length === 1 && typeof args[0] === 'string' ? args[0] : sprint(args));

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (c === '<' || c === '>' || c === '&' || c === '=') out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out;
}

/** url.QueryEscape. */
export function queryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export const builtinFuncs: FuncMap = {
  // and/or are evaluated lazily by the executor; these entries give their arity.
  and: fn(['value'], (a) => a[a.length - 1], 'value'),
  or: fn(['value'], (a) => a[a.length - 1], 'value'),
  not: fn(['value'], ([a]) => !isTrue(a)),
  eq: fn(['value'], (a) => eq(a), 'value'),
  ne: fn(['value', 'value'], ([a, b]) => !eq([a, b])),
  lt: fn(['value', 'value'], ([a, b]) => lt(a, b)),
  le: fn(['value', 'value'], ([a, b]) => lt(a, b) || eq([a, b])),
  gt: fn(['value', 'value'], ([a, b]) => !(lt(a, b) || eq([a, b]))),
  ge: fn(['value', 'value'], ([a, b]) => !lt(a, b)),
  len: fn(['value'], ([a]) => length(a)),
  index: fn(['value'], (a) => index(a), 'value'),
  print: fn([], (a) => sprint(a), 'any'),
  printf: fn(['string'], ([f, ...rest]) => sprintf(f as string, rest), 'any'),
  println: fn([], (a) => sprintln(a), 'any'),
  call: fn(['value'], ([f, ...rest]) => {
    if (isNil(f)) throw new FuncError('call of nil');
    if (typeof f !== 'function') throw new FuncError(`non-function of type ${goTypeName(f)}`);
    return (f as (...a: unknown[]) => unknown)(...rest);
  }, 'value'),
  html: fn([], (a) => htmlEscape(argText(a)), 'any'),
  js: fn([], (a) => jsEscape(argText(a)), 'any'),
  urlquery: fn([], (a) => queryEscape(argText(a)), 'any'),
};
