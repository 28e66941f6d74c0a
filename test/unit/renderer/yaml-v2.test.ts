// Where yaml.v2 (as helm reads rendered manifests, fromYaml and values files) and the `yaml` package
// disagree: lines that go on a quoted scalar or flow collection below its indentation and a comment
// right after a quoted scalar (yaml.v2 reads them), and null or empty map keys (yaml.v2 refuses them). Expected data is what helm v3.10.1 gave
// for `fromYaml` (`fromYamlArray`) of the same text, piped through toJson.
import { describe, expect, it } from 'vitest';
import { yamlFromText } from '../../../src/renderer/helpers/yaml-data.js';
import { tpl } from '../../../src/renderer/gotemplate/index.js';
import { readYaml } from '../../../src/renderer/values/yaml-read.js';
import { indentFlowContinuations } from '../../../src/renderer/values/yaml-v2.js';

const readsAs: Array<[string, unknown]> = [
  ["a:\n  b: 'x\ny'\n  c: d", { a: { b: 'x y', c: 'd' } }],
  ['- name: A\n  value: \'{\n  "k": 1\n}\'', [{ name: 'A', value: '{ "k": 1 }' }]],
  ['a: "x\n\n  y \\"q\\"\n"', { a: 'x\ny "q" ' }],
  ["a:\n  b: [1,\n2]\n  c: {k: 'x\n y'}", { a: { b: [1, 2], c: { k: 'x y' } } }],
  ["a: |\n  'not\n  quoted\nb: 'x\ny'", { a: "'not\nquoted\n", b: 'x y' }],
  ["k: x #'c\nz: 'p\nq'", { k: 'x', z: 'p q' }],
  ["- a: &k 'v\nw'\n- b: !!str '1\n2'", [{ a: 'v w' }, { b: '1 2' }]],
  // libyaml starts a comment at a `#` right after a quoted scalar or flow collection.
  ["a: 'x'#c", { a: 'x' }],
  ['a: [1]#c\nb: "q"#d', { a: [1], b: 'q' }],
  ["- name: '0s_0: ''#x'''\n  key: x", [{ name: "0s_0: '#x'", key: 'x' }]],
  ['a: x#c', { a: 'x#c' }],
];

const refused: Array<[string, string]> = [
  [': x', 'did not find expected key'],
  ['a: 1\n~: x', 'Unsupported map key of type: %!s(<nil>), key: <nil>'],
  ['null: x', 'Unsupported map key of type: %!s(<nil>), key: <nil>'],
  ['? [a]\n: b', 'invalid map key'],
];

describe('rendered YAML read as yaml.v2 reads it', () => {
  it.each(readsAs)('%j', (text, expected) => {
    expect(yamlFromText(text)).toEqual(expected);
    const fn = Array.isArray(expected) ? 'fromYamlArray' : 'fromYaml';
    expect(JSON.parse(tpl(`{{ ${fn} .Values.t | toJson }}`, { Values: { t: text } }))).toEqual(expected);
    expect(readYaml(`v:\n  ${text.replaceAll('\n', '\n  ')}\n`, 'v.yaml').data).toEqual({ v: expected });
  });

  it.each(refused)('%j is refused', (text, message) => {
    expect(() => yamlFromText(text)).toThrow(message);
    expect(tpl('{{ (fromYaml .Values.t).Error }}', { Values: { t: text } })).toContain(message);
    expect(() => readYaml(`v:\n  ${text.replaceAll('\n', '\n  ')}\n`, 'v.yaml')).toThrow();
  });

  it('leaves text without such lines alone', () => {
    expect(indentFlowContinuations("a: 'x'\nb: [1, 2]\n")).toBeUndefined();
    expect(indentFlowContinuations("a: |\n  'x\n  y\n")).toBeUndefined();
  });
});
