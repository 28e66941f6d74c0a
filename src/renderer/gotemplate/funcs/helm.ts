// Helm's own template functions: helm/helm v3.10.1 pkg/engine/funcs.go and engine.go (include, tpl, required,
// fail, lookup, toYaml/fromYaml). Its JSON functions are in json.ts, toToml in toml.ts.
import { FailError, fn, FuncError, type FuncMap } from '../func-types.js';
import { toYaml } from '../go-yaml.js';
import { isMap, isNil, newMap, setKey } from '../go-value.js';
import { jsonTypeName } from './json.js';
import { yamlLib } from '../../yaml-lib.js';
import { deepFlowOffset, MAX_DEPTH, yamlV2Tags } from '../../values/yaml-read.js';
import { lenientText, v2KeyProblem } from '../../values/yaml-v2.js';
import type { Tags } from 'yaml';

/** Plain data as Helm's readers give it: null-prototype maps, float64 numbers, RFC 3339 timestamps. */
function normalize(v: unknown, depth = 0): unknown {
  if (depth > 10000) throw new FuncError('value too deep');
  if (v instanceof Date) return v.toISOString().replace(/\.000Z$/, 'Z');
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map((x) => normalize(x, depth + 1));
  if (v !== null && typeof v === 'object') {
    const m = newMap();
    for (const [k, x] of Object.entries(v)) setKey(m, k, normalize(x, depth + 1));
    return m;
  }
  return v === undefined ? null : v;
}

/** sigs.k8s.io/yaml Unmarshal (YAML 1.1 via yaml.v2, then through JSON). Throws with the parser's message. */
function readYaml(text: string): unknown {
  // Refuse runaway nesting before the parser spends seconds on it; keep data plain (no Set, Map, Uint8Array).
  if (deepFlowOffset(text, MAX_DEPTH) >= 0) throw new Error(`values nest deeper than ${MAX_DEPTH} levels`);
  return normalize(parseV2(text));
}

const READ_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false, logLevel: 'error', customTags: (tags: Tags) => yamlV2Tags(tags, true) } as const;

/** One document as yaml.v2 reads it: lenient about continuation lines, strict about null and collection keys. */
function parseV2(text: string): unknown {
  const { parseDocument } = yamlLib();
  let doc = parseDocument(text, READ_OPTIONS);
  if (doc.errors.length) {
    const lenient = lenientText(text, (t) => {
      const e = parseDocument(t, READ_OPTIONS).errors[0];
      return e === undefined ? undefined : { offset: e.pos[0], message: e.message };
    });
    if (lenient === undefined) throw doc.errors[0];
    doc = parseDocument(lenient, READ_OPTIONS);
  }
  const problem = v2KeyProblem(doc);
  if (problem) throw new Error(problem.message);
  return doc.toJS({ maxAliasCount: 1000 });
}

/** sigs.k8s.io/yaml's message: yaml.v2's own errors carry `yaml: `, its JSON conversion's do not. */
function conversionError(e: unknown): string {
  const message = (e as Error).message.split('\n')[0];
  return `error converting YAML to JSON: ${message.startsWith('Unsupported map key') ? '' : 'yaml: '}${message}`;
}

/** helm's fromYaml: a map, else a map holding the reader's complaint under `Error`. */
export function fromYaml(text: string): unknown {
  const m = newMap();
  try {
    const v = readYaml(text);
    if (isNil(v)) return m;
    if (!isMap(v)) {
      setKey(m, 'Error', `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type map[string]interface {}`);
      return m;
    }
    return v;
  } catch (e) {
    setKey(m, 'Error', conversionError(e));
    return m;
  }
}

function fromYamlArray(text: string): unknown[] {
  try {
    const v = readYaml(text);
    if (isNil(v)) return [];
    if (!Array.isArray(v)) return [`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonTypeName(v)} into Go value of type []interface {}`];
    return v;
  } catch (e) {
    return [conversionError(e)];
  }
}

export const helmFuncs: FuncMap = {
  include: fn(['string', 'any'], ([name, data], env) => env.include(name as string, data)),
  tpl: fn(['string', 'any'], ([text, data], env) => env.tpl(text as string, data)),
  required: fn(['string', 'any'], ([msg, v]) => {
    if (isNil(v) || v === '') throw new FailError(msg as string);
    return v;
  }),
  fail: fn(['string'], ([msg]) => {
    throw new FailError(msg as string);
  }),
  lookup: fn(['string', 'string', 'string', 'string'], () => newMap()),
  toYaml: fn(['any'], ([v]) => toYaml(v)),
  fromYaml: fn(['string'], ([s]) => fromYaml(s as string)),
  fromYamlArray: fn(['string'], ([s]) => fromYamlArray(s as string)),

};
