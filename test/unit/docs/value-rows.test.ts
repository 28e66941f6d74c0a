// Which keys become rows, their types and defaults: helm-docs' documented rules (README "values.yaml metadata",
// pkg/document/values_test.go behaviour).
import { describe, expect, it } from 'vitest';
import { scanKeyedDescriptions } from '../../../src/docs/comments.js';
import { sectionRows, valueRows, type SortOrder } from '../../../src/docs/value-rows.js';
import { readValuesTree, resolvePlain } from '../../../src/docs/yaml-tree.js';

function rows(yaml: string, order: SortOrder = 'alphanum'): string[] {
  const tree = readValuesTree(yaml, 'values.yaml');
  return valueRows(tree.root, scanKeyedDescriptions(yaml), 'values.yaml', order).map(
    (r) => `${r.Key} | ${r.Type} | ${r.Default || r.AutoDefault} | ${r.Description || r.AutoDescription}`,
  );
}

describe('value rows', () => {
  it.each([
    ['undocumented leaves are rows with an empty description', 'a: 1\nb: x\n', ['a | int | `1` | ', 'b | string | `"x"` | ']],
    ['types', 'i: 1\nf: 1.5\nb: true\ns: "1"\nn: null\nl: [1]\no: {x: 1}\n', [
      'b | bool | `true` | ', 'f | float | `1.5` | ', 'i | int | `1` | ', 'l[0] | int | `1` | ', 'n | string | `nil` | ', 'o.x | int | `1` | ', 's | string | `"1"` | ',
    ]],
    ['empty maps and lists are rows', 'm: {}\nl: []\n', ['l | list | `[]` | ', 'm | object | `{}` | ']],
    ['a documented object is one row; its undocumented leaves are not', '# -- probe\nprobe:\n  path: /\n  port: 80\n', ['probe | object | `{"path":"/","port":80}` | probe']],
    ['documented children of a documented object are rows too', '# -- probe\nprobe:\n  # -- the path\n  path: /\n  port: 80\n', [
      'probe | object | `{"path":"/","port":80}` | probe', 'probe.path | string | `"/"` | the path',
    ]],
    ['a documented list is one row', '# -- hosts\nhosts:\n  - a\n  - b\n', ['hosts | list | `["a","b"]` | hosts']],
    ['list items by index', 'hosts:\n  - name: a\n  - b\n', ['hosts[0].name | string | `"a"` | ', 'hosts[1] | string | `"b"` | ']],
    ['keys with dots or spaces are quoted', 'ann:\n  example.com/x: "1"\n  "a b": 2\n', ['ann."a b" | int | `2` | ', 'ann."example.com/x" | string | `"1"` | ']],
    ['`# -- (type)` overrides the type', '# -- (string) the limit\nlimit: null\n# -- (int) port\nport: "80"\n', ['limit | string | `nil` | the limit', 'port | int | `"80"` | port']],
    ['`# @default --` replaces the default', '# -- annotations\n# @default -- set by the chart\nann: {}\n', ['ann | object | set by the chart | annotations']],
    ['old style comments anywhere', 'a:\n  # a.b -- old style\n  b: 1\n', ['a.b | int | `1` | old style']],
    ['old style wins over new style', '# a -- old\n\n# -- new\na: 1\n', ['a | int | `1` | old']],
    ['a `# --` line after an old-style line takes the block over (last group wins)', '# a -- old\n# -- new\na: 1\n', ['a | int | `1` | new']],
    ['`# @ignored` drops a key and everything below it', '# @ignored\nsecret:\n  x: 1\nkept: 1\n', ['kept | int | `1` | ']],
    ['@ignore on a list item', 'l:\n  # @ignore\n  - a\n  - b\n', ['l[0] | string | `"b"` | ']],
    ['byte-wise sort: capitals before lower case, `.` before letters', 'b: 1\nB: 1\na:\n  x: 1\na_b: 1\n', ['B | int | `1` | ', 'a.x | int | `1` | ', 'a_b | int | `1` | ', 'b | int | `1` | ']],
    ['JSON like Go: sorted keys, no HTML escaping of < > &', 'o:\n  # -- html\n  h: {z: "<a&b>", a: "\\u2028"}\n', ['o.h | object | `{"a":"\\u2028","z":"<a&b>"}` | html']],
    ['a blank line between comment and key detaches the comment (yaml.v3 foot comment)', 'a: 1\n# -- lost\n\nb: 2\n', ['a | int | `1` | ', 'b | int | `1` | '.replace('1', '2')]],
    ['comments after a nested block, indented like it, are its foot', 'a:\n  x: 1\n  # -- foot of x\nb: 2\n', ['a.x | int | `1` | ', 'b | int | `2` | ']],
    ['a section title comment above the `# --` line is ignored', '## Title\n# -- the value\nv: 1\n', ['v | int | `1` | the value']],
    ['comments inside a block scalar are not comments', 's: |\n  # -- not a comment\nt: 1\n', ['s | string | `"# -- not a comment\\n"` | ', 't | int | `1` | ']],
    ['anchors and aliases resolve', 'a: &x {k: 1}\nb: *x\n', ['a.k | int | `1` | ', 'b.k | int | `1` | ']],
  ])('%s', (_name, yaml, want) => {
    expect(rows(yaml)).toEqual(want);
  });

  it('file order sorts by line then column', () => {
    expect(rows('b: 1\na: 2\n', 'file').map((r) => r.split(' ')[0])).toEqual(['b', 'a']);
  });

  it('sections group rows, first seen first, the rest in "Other Values"', () => {
    const yaml = '# -- x\n# @section -- S2\nx: 1\n# -- y\n# @section -- S1\ny: 1\nz: 1\n';
    const tree = readValuesTree(yaml, 'values.yaml');
    const s = sectionRows(valueRows(tree.root, new Map(), 'values.yaml'));
    expect(s.Sections.map((x) => [x.SectionName, x.SectionItems.map((r) => r.Key)])).toEqual([['S2', ['x']], ['S1', ['y']]]);
    expect(s.DefaultSection.SectionItems.map((r) => r.Key)).toEqual(['z']);
  });
});

describe('scalars as yaml.v3 types them', () => {
  it.each([
    ['1', 'int', 1],
    ['0x1F', 'int', 31],
    ['0777', 'int', 511],
    ['0o17', 'int', 15],
    ['1_000', 'int', 1000],
    ['08', 'float', 8],
    ['1e3', 'float', 1000],
    ['.5', 'float', 0.5],
    ['true', 'bool', true],
    ['True', 'bool', true],
    ['yes', 'str', 'yes'],
    ['on', 'str', 'on'],
    ['~', 'null', null],
    ['', 'null', null],
    ['2001-12-14', 'str', '2001-12-14'],
    ['1.2.3', 'str', '1.2.3'],
  ])('%j is %s', (text, tag, value) => {
    expect(resolvePlain(text)).toEqual({ tag, value });
  });
});
