import { describe, expect, it } from 'vitest';
import { getChart } from '../../../src/charts.js';
import { keyModel, suggestKey, unknownKeys } from '../../../src/lint/key-model.js';
import type { LoadedChart } from '../../../src/renderer/chart.js';

/** A chart made of data only: unknown keys depend on defaults and schema, nothing else. */
function fakeChart(defaults: Record<string, unknown>, schema?: Record<string, unknown>, subcharts: LoadedChart['subcharts'] = []): LoadedChart {
  return {
    dir: '/nowhere',
    metadata: { apiVersion: 'v2', name: 'fake', version: '0.0.0' },
    defaults,
    valuesText: '',
    schema,
    module: { commonVersion: '2.31.3', templates: [] },
    subcharts,
  };
}

const unknown = (chart: LoadedChart, user: Record<string, unknown>) =>
  unknownKeys(keyModel(chart), user).map((u) => `${u.segments.join('.')}${u.suggestion ? ` → ${u.suggestion}` : ''}`);

describe('unknown keys from chart data', () => {
  const defaults = {
    server: { replicaCount: 1, podLabels: {}, extraVolumes: [], nodeSelector: null, image: { tag: 'x' }, name: '' },
    ingress: { enabled: false },
  };
  const chart = fakeChart(defaults);

  it.each([
    ['a typo at the top', { sever: {} }, ['sever → server']],
    ['a typo inside a defined map', { server: { replicaCont: 2 } }, ['server.replicaCont → replicaCount']],
    ['an empty-map default takes any key', { server: { podLabels: { a: 'b', c: { d: 1 } } } }, []],
    ['a list default takes anything', { server: { extraVolumes: [{ any: 1 }] } }, []],
    ['a null default takes a map', { server: { nodeSelector: { disk: 'ssd' } } }, []],
    ['global is shared with every chart', { global: { anything: { at: 'all' } } }, []],
    ['a map over a scalar default is left to the schema', { server: { name: { x: 1 } } }, []],
    ['nested typo', { server: { image: { tagg: 'x' } } }, ['server.image.tagg → tag']],
    ['no suggestion when nothing is close', { zzzzzz: 1 }, ['zzzzzz']],
  ])('%s', (_, user, expected) => {
    expect(unknown(chart, user)).toEqual(expected);
  });

  it('schema properties are known keys even without a default', () => {
    const c = fakeChart({}, { type: 'object', properties: { extra: { type: 'object', properties: { name: { type: 'string' } } } } });
    expect(unknown(c, { extra: { name: 'x', namee: 'y', other: 1 } })).toEqual(['extra.namee → name', 'extra.other']);
  });

  it.each([
    ['an object without properties', { type: 'object' }],
    ['a typed map', { type: 'object', properties: { known: {} }, additionalProperties: { type: 'string' } }],
    ['pattern properties', { type: 'object', patternProperties: { '.*': {} } }],
  ])('a schema node is free-form when it is %s', (_, node) => {
    const c = fakeChart({ resources: { requests: { cpu: '1' } } }, { type: 'object', properties: { resources: node } });
    expect(unknown(c, { resources: { anything: 1 } })).toEqual([]);
  });

  it('additionalProperties: true next to listed properties still checks keys (the Helm root convention)', () => {
    const c = fakeChart({ replicas: 1 }, { type: 'object', additionalProperties: true, properties: { replicas: { type: 'integer' } } });
    expect(unknown(c, { replicas: 2, zone: 'a' })).toEqual(['zone']);
  });

  it('a subchart table knows the subchart defaults and the parent table', () => {
    const sub = fakeChart({ auth: { password: '', username: '' } });
    const parent = fakeChart({ postgresql: { enabled: true, auth: { password: 'x' } } }, undefined, [{ name: 'postgresql', chart: sub }]);
    expect(unknown(parent, { postgresql: { enabled: false, auth: { passwrd: 'x' } } })).toEqual(['postgresql.auth.passwrd → password']);
  });

  it('suggests the nearest sibling for a schema error about a key', () => {
    expect(suggestKey(keyModel(chart), ['server', 'imag'])).toBe('image');
  });
});

describe('the shipped charts', () => {
  it.each([
    ['prefect-worker', { worker: { podAnnotations: { a: 'b' }, affinity: { nodeAffinity: {} }, extraEnvVars: [{ name: 'A' }] } }, []],
    ['prefect-worker', { workr: {} }, ['workr → worker']],
    ['prometheus-prefect-exporter', { podSecurityContext: { fsGroup: 1 }, env: { A: 'b' }, resources: { limits: {} } }, []],
    ['prefect-server', { sever: {}, server: { podLabels: { a: 'b' } } }, ['sever → server']],
  ])('%s %j', async (name, user, expected) => {
    expect(unknown(await getChart(name), user as Record<string, unknown>)).toEqual(expected);
  });
});
