// JSON in and out of templates: Helm's toJson/fromJson/fromJsonArray (helm v3.10.1 pkg/engine/funcs.go) and
// sprig's toPrettyJson, toRawJson, mustFromJson and the must* encoders (sprig v3.2.2 defaults.go). Writing
// follows Go's json.Marshal (go-json.ts); reading follows json.Unmarshal (go-json-decode.ts).
import { fn, FuncError, type FuncMap } from '../func-types.js';
import { goJsonMarshal, GoJsonError, toJson } from '../go-json.js';
import { isMap, isNil, newMap, setKey } from '../go-value.js';
import { goJsonUnmarshal } from './go-json-decode.js';

/** The JSON kind Go's UnmarshalTypeError names for a decoded value. */
export function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}

/** helm's fromJson: Unmarshal into map[string]interface{}; an error lands in the map under "Error". */
function fromJson(text: string): unknown {
  const m = newMap();
  const { value, error, syntax } = goJsonUnmarshal(text);
  if (syntax) {
    setKey(m, 'Error', error);
    return m;
  }
  if (!isNil(value) && !isMap(value)) {
    setKey(m, 'Error', `json: cannot unmarshal ${jsonTypeName(value)} into Go value of type map[string]interface {}`);
    return m;
  }
  const out = isMap(value) ? value : m;
  if (error !== undefined) setKey(out, 'Error', error);
  return out;
}

/** helm's fromJsonArray: Unmarshal into []interface{}; an error becomes the only element. */
function fromJsonArray(text: string): unknown[] {
  const { value, error } = goJsonUnmarshal(text);
  if (error !== undefined) return [error];
  if (isNil(value)) return [];
  if (!Array.isArray(value)) return [`json: cannot unmarshal ${jsonTypeName(value)} into Go value of type []interface {}`];
  return value;
}

/** sprig mustFromJson: Unmarshal into interface{}, failing with the decoder's error. */
function mustFromJson(text: string): unknown {
  const { value, error } = goJsonUnmarshal(text);
  if (error !== undefined) throw new FuncError(error);
  return value;
}

/** json.Marshal, failing with its error (an unsupported value such as NaN). */
function marshal(v: unknown): string {
  try {
    return goJsonMarshal(v);
  } catch (e) {
    if (e instanceof GoJsonError) throw new FuncError(e.message);
    throw e;
  }
}

/** An Encoder with SetEscapeHTML(false): Marshal's text with <, > and & left as they are. */
function rawJson(v: unknown): string {
  return marshal(v).replace(/\\(\\|u003c|u003e|u0026)/g, (all, esc: string) =>
    esc === '\\' ? all : esc === 'u003c' ? '<' : esc === 'u003e' ? '>' : '&',
  );
}

/** json.MarshalIndent(v, "", "  "), re-indenting Marshal's compact text token by token. */
function prettyJson(v: unknown): string {
  const flat = marshal(v);
  let out = '';
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += flat[++i];
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') {
      inStr = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (flat[i + 1] === close) {
        out += c + close;
        i++;
      } else out += c + '\n' + '  '.repeat(++depth);
    } else if (c === '}' || c === ']') out += '\n' + '  '.repeat(--depth) + c;
    else if (c === ',') out += ',\n' + '  '.repeat(depth);
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

/** The sprig forms that swallow an encoding error give "". */
function orEmpty(encode: (v: unknown) => string): (v: unknown) => string {
  return (v) => {
    try {
      return encode(v);
    } catch (e) {
      if (e instanceof FuncError) return '';
      throw e;
    }
  };
}

export const jsonFuncs: FuncMap = {
  toJson: fn(['any'], ([v]) => toJson(v)),
  mustToJson: fn(['any'], ([v]) => marshal(v)),
  toPrettyJson: fn(['any'], ([v]) => orEmpty(prettyJson)(v)),
  mustToPrettyJson: fn(['any'], ([v]) => prettyJson(v)),
  // sprig's toRawJson panics on an encoding error where toJson gives "": both forms fail.
  toRawJson: fn(['any'], ([v]) => rawJson(v)),
  mustToRawJson: fn(['any'], ([v]) => rawJson(v)),
  fromJson: fn(['string'], ([s]) => fromJson(s as string)),
  fromJsonArray: fn(['string'], ([s]) => fromJsonArray(s as string)),
  mustFromJson: fn(['string'], ([s]) => mustFromJson(s as string)),
};
