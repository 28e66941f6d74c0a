// Values files: merge order, coalescing with chart defaults (helm's chartutil/coalesce.go), positions.
import { describe, expect, it } from 'vitest';
import type { LoadedChart } from '../../../src/renderer/chart.js';
import { coalesceValues } from '../../../src/renderer/values/coalesce.js';
import { loadValues, originOf, ValuesShapeError } from '../../../src/renderer/values/load.js';
import { mergeMaps } from '../../../src/renderer/values/merge.js';
import { readYaml, YamlSyntaxError } from '../../../src/renderer/values/yaml-read.js';

function chart(defaults: Record<string, unknown>, subcharts: LoadedChart['subcharts'] = [], name = 'parent'): LoadedChart {
  return {
    dir: '/x',
    metadata: { apiVersion: 'v2', name, version: '0.0.0' },
    defaults,
    valuesText: '',
    module: { commonVersion: '2.31.3', templates: [] },
    subcharts,
  };
}

describe('mergeMaps (-f files in order)', () => {
  it.each<[Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }, { a: { b: 1, c: 3 } }],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: { b: 1 } }, { a: null }, { a: null }],
    [{ a: 1 }, { a: { b: 2 } }, { a: { b: 2 } }],
    [{ a: { b: 1 } }, { a: 'x' }, { a: 'x' }],
  ])('%j + %j', (a, b, expected) => {
    expect(mergeMaps(a, b)).toEqual(expected);
  });
});

describe('coalesceValues', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>]>([
    ['user values win', { a: 1, b: { c: 2 } }, { a: 5 }, { a: 5, b: { c: 2 } }],
    ['maps merge', { b: { c: 2, d: 3 } }, { b: { c: 9 } }, { b: { c: 9, d: 3 } }],
    ['a null deletes a default', { a: 1, b: { c: 2, d: 3 } }, { a: null, b: { d: null } }, { b: { c: 2 } }],
    ['a null without a default is kept', { a: 1 }, { z: null }, { a: 1, z: null }],
    ['a scalar over a table is kept', { b: { c: 2 } }, { b: 'flat' }, { b: 'flat' }],
    ['lists replace', { l: [1, 2] }, { l: [3] }, { l: [3] }],
    ['default nulls are copied', { a: null }, {}, { a: null }],
  ])('%s', (_name, defaults, user, expected) => {
    expect(coalesceValues(chart(defaults), user)).toEqual(expected);
  });

  it('does not mutate its inputs', () => {
    const defaults = { b: { c: 2 } };
    const user = { b: { d: 1 } };
    coalesceValues(chart(defaults), user);
    expect(defaults).toEqual({ b: { c: 2 } });
    expect(user).toEqual({ b: { d: 1 } });
  });

  it('gives a subchart its own table, its defaults and the parent globals', () => {
    const sub = chart({ auth: { database: 'sub', password: '' }, global: { x: 'sub', only: 'sub' } }, [], 'postgresql');
    const parent = chart({ postgresql: { auth: { database: 'parent' } }, global: { x: 'parent' } }, [
      { name: 'postgresql', chart: sub },
    ]);
    const values = coalesceValues(parent, { postgresql: { auth: { password: 'pw' } } });
    expect(values.postgresql).toEqual({
      auth: { database: 'parent', password: 'pw' },
      global: { x: 'parent', only: 'sub' },
    });
  });

  it('warns when a default table meets a user scalar', () => {
    const warnings: string[] = [];
    coalesceValues(chart({ b: { c: { d: 1 } } }), { b: { c: 'x' } }, (m) => warnings.push(m));
    expect(warnings).toEqual(['cannot overwrite table with non table for parent.b.c ({"d":1})']);
  });
});

describe('loadValues', () => {
  const files: Record<string, string> = {
    'a.yaml': 'server:\n  replicaCount: 1\n  image: {tag: "1"}\n',
    'b.yaml': 'server:\n  replicaCount: two\n',
    'list.yaml': '- a\n- b\n',
    'bad.yaml': 'a: [1, 2\n',
  };
  const read = (p: string): string => files[p];

  it('merges files in order, then applies --set-json, --set, --set-string, --set-file in that order', () => {
    const loaded = loadValues(
      { valueFiles: ['a.yaml', 'b.yaml'], setString: ['x=s'], set: ['x=1'], setJson: ['x=[1]'], setFile: [] },
      [],
      read,
    );
    expect(loaded.values).toEqual({ server: { replicaCount: 'two', image: { tag: '1' } }, x: 's' });
    expect(loaded.flags.map((f) => f.kind)).toEqual(['set-json', 'set', 'set-string']);
  });

  it('points at the file, line and column a value came from', () => {
    const loaded = loadValues({ valueFiles: ['a.yaml', 'b.yaml'] }, [], read);
    expect(originOf(loaded, ['server', 'replicaCount'])?.where).toBe('b.yaml:2:17');
    expect(originOf(loaded, ['server', 'image', 'tag'])?.where).toBe('a.yaml:3:16');
  });

  it('points at the flag when a flag set the value last', () => {
    const loaded = loadValues({ valueFiles: ['a.yaml'], set: ['server.replicaCount=3'] }, [], read);
    expect(originOf(loaded, ['server', 'replicaCount'])?.where).toBe('--set server.replicaCount=3');
  });

  it('rejects a file whose top level is not a map', () => {
    expect(() => loadValues({ valueFiles: ['list.yaml'] }, [], read)).toThrow(ValuesShapeError);
  });

  it('refuses NaN and infinities anywhere in a file, as helm does, naming the value and where it is', () => {
    const nan = { 'nan.yaml': 'unused:\n  list: [1, .inf]\nserver:\n  nodeSelector:\n    a: .nan\n' };
    const load = (): unknown => loadValues({ valueFiles: ['nan.yaml'] }, [], (p) => nan[p as 'nan.yaml']);
    expect(load).toThrow(YamlSyntaxError);
    expect(load).toThrow(/^nan\.yaml:2:13: unused\.list\.1: \+Inf is not a value helm accepts .*json: unsupported value: \+Inf/);
    expect(() => loadValues({}, [{ file: 'inline', text: 'a: "NaN"\nb: .NaN\n' }])).toThrow(/^inline:2:4: b: NaN /);
  });

  it('reports a syntax error in a file before a later file that cannot be read, as helm reads them in turn', () => {
    const read = (p: string): string => {
      if (p === 'missing.yaml') throw new Error('ENOENT');
      return files[p];
    };
    expect(() => loadValues({ valueFiles: ['bad.yaml', 'missing.yaml'] }, [], read)).toThrow(/^bad\.yaml:\d+:\d+: /);
    expect(() => loadValues({ valueFiles: ['a.yaml', 'missing.yaml'] }, [], read)).toThrow('ENOENT');
  });

  it('reports YAML syntax errors with file:line:col', () => {
    expect(() => loadValues({ valueFiles: ['bad.yaml'] }, [], read)).toThrow(YamlSyntaxError);
    expect(() => loadValues({ valueFiles: ['bad.yaml'] }, [], read)).toThrow(/^bad\.yaml:\d+:\d+: /);
  });
});

describe('readYaml reads values as helm does (YAML 1.1)', () => {
  it.each<[string, unknown]>([
    ['a: yes', true],
    ['a: off', false],
    ['a: 0755', 493],
    ['a: "0755"', '0755'],
    ['a: 2001-12-14', '2001-12-14'],
    ['a: ~', null],
    ['a:', null],
    ['a: 1.0', 1],
    ['a: 1e3', 1000],
  ])('%s', (text, expected) => {
    expect((readYaml(text, 'v.yaml').data as { a: unknown }).a).toEqual(expected);
  });

  it('keeps the last of duplicate keys', () => {
    expect(readYaml('a: 1\na: 2\n', 'v.yaml').data).toEqual({ a: 2 });
  });

  it('expands merge keys', () => {
    expect(readYaml('base: &b {x: 1}\nc:\n  <<: *b\n  z: 2\n', 'v.yaml').data).toEqual({ base: { x: 1 }, c: { x: 1, z: 2 } });
  });

  it('reads YAML 1.1 boolean keys as helm does (yaml.v2 then JSON: `y:` is the key "true")', () => {
    expect(readYaml('y: 1\non: 2\n', 'v.yaml').data).toEqual({ true: 2 });
  });

  it('strips a byte-order mark', () => {
    expect(readYaml('\uFEFFa: 1\n', 'v.yaml').data).toEqual({ a: 1 });
  });

  it('refuses an alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    expect(() => readYaml(bomb.join('\n'), 'bomb.yaml')).toThrow(YamlSyntaxError);
  });
});
