// The manifest emitter: whatever the data, the text reads back under YAML 1.1 as exactly that data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serializeDocs, toYamlText } from '../../../src/renderer/serialize.js';
import { sortManifests } from '../../../src/renderer/sort.js';

const YAML11 = { version: '1.1' as const, uniqueKeys: false };
const roundTrip = (v: Record<string, unknown>): unknown => parse(toYamlText(v), YAML11);

describe('toYamlText', () => {
  it.each([
    'yes', 'no', 'on', 'off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', '0755', '007', '1e3', '1.5', '15.4.0',
    '0x1F', '1_000', '1:20', '.inf', '-.inf', '.nan', '2001-12-14', '-', '- a', '-a', ':', 'a: b', 'a #b', 'a#b',
    '#x', '&a', '*a', '!tag', '|', '>', "'q'", '"q"', '%x', '@x', '`x', '{{ .Release.Name }}', '[a]', '{a}', 'a,b',
    'trailing ', ' leading', 'tab\there', 'line1\nline2', 'line1\nline2\n', '\nleading newline', 'a\n\nb', 'x\r\ny',
    'unicode ✓', '\u2028', '---', '...', '<<', '=', '3-latest', 'http://example.com:4200/api', '--port',
  ])('string %j', (s) => {
    expect(roundTrip({ k: s })).toEqual({ k: s });
  });

  it.each<[string, Record<string, unknown>]>([
    ['numbers', { a: 1, b: -2.5, c: 1e21, d: 1e-7, e: 0 }],
    ['booleans and null', { a: true, b: false, c: null }],
    ['empty collections', { a: {}, b: [] }],
    ['nested lists', { a: [[1, 2], [], [{ x: 1 }], { y: [3] }] }],
    ['lists of maps', { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }, {}] }],
    ['keys that need quotes', { 'yes': 1, '': 2, 'a: b': 3, 'app.kubernetes.io/name': 4, '007': 5 }],
  ])('%s', (_name, value) => {
    expect(roundTrip(value)).toEqual(value);
  });

  it('round-trips arbitrary JSON data', () => {
    const key = fc.string({ maxLength: 8 }).filter((k) => k !== '__proto__');
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, tree.node, { maxKeys: 5 }), (v) => {
        expect(roundTrip(v)).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('lays documents out as helm does', () => {
    expect(serializeDocs([{ source: 'c/templates/a.yaml', object: { kind: 'A', spec: { list: ['x'] } } }])).toBe(
      '---\n# Source: c/templates/a.yaml\nkind: A\nspec:\n  list:\n    - x\n',
    );
  });
});

describe('sortManifests (helm InstallOrder)', () => {
  const doc = (source: string, kind: string, name = kind) => ({ source, object: { kind, metadata: { name } } as Record<string, unknown> });
  it('orders by kind, then template path, keeping file order; unknown kinds last, alphabetically', () => {
    const sorted = sortManifests([
      doc('c/templates/servicemonitor.yaml', 'ServiceMonitor'),
      doc('c/templates/deployment.yaml', 'Deployment'),
      doc('c/templates/prometheusrule.yaml', 'PrometheusRule'),
      doc('c/templates/service.yaml', 'Service', 'b'),
      doc('c/templates/service.yaml', 'Service', 'a'),
      doc('c/templates/sa.yaml', 'ServiceAccount'),
      doc('c/charts/postgresql/templates/svc.yaml', 'Service', 'pg'),
      doc('c/templates/hpa.yaml', 'HorizontalPodAutoscaler'),
      doc('c/templates/secret.yaml', 'Secret'),
    ]);
    expect(sorted.map((d) => `${String(d.object.kind)}/${String((d.object.metadata as { name: string }).name)}`)).toEqual([
      'ServiceAccount/ServiceAccount',
      'Secret/Secret',
      'Service/pg',
      'Service/b',
      'Service/a',
      'Deployment/Deployment',
      'HorizontalPodAutoscaler/HorizontalPodAutoscaler',
      'PrometheusRule/PrometheusRule',
      'ServiceMonitor/ServiceMonitor',
    ]);
  });
});
