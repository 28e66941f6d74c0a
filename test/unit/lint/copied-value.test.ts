import { describe, expect, it } from 'vitest';
import { copiedValuePath } from '../../../src/lint/copied-value.js';

const manifest = {
  spec: {
    endpoints: [{ port: 'http', relabelings: [{ action: 'explode', sourceLabels: 'pod' }] }],
    ports: [{ port: 8080n }],
  },
};

describe('copiedValuePath: the user value a manifest part was copied from', () => {
  it.each<[string, Record<string, unknown>, Array<string | number>, Array<string | number> | undefined]>([
    [
      'the deepest copied map or list, with the rest of the path carried over',
      { serviceMonitor: { relabelings: [{ action: 'explode', sourceLabels: 'pod' }] } },
      ['spec', 'endpoints', 0, 'relabelings', 0, 'action'],
      ['serviceMonitor', 'relabelings', 0, 'action'],
    ],
    [
      'an error on a whole map (a missing field) points at that map',
      { serviceMonitor: { relabelings: [{ action: 'explode', sourceLabels: 'pod' }] } },
      ['spec', 'endpoints', 0, 'relabelings', 0],
      ['serviceMonitor', 'relabelings', 0],
    ],
    ['an int64 from --set equals the same number from a file', { ports: [{ port: 8080 }] }, ['spec', 'ports', 0, 'port'], ['ports', 0, 'port']],
    ['nothing copied: no value', { serviceMonitor: { interval: '30s' } }, ['spec', 'endpoints', 0, 'relabelings', 0, 'action'], undefined],
    [
      'two user values that fit: no guess',
      { a: [{ action: 'explode', sourceLabels: 'pod' }], b: [{ action: 'explode', sourceLabels: 'pod' }] },
      ['spec', 'endpoints', 0, 'relabelings', 0, 'action'],
      undefined,
    ],
    ['a scalar alone is never matched', { other: 'explode' }, ['spec', 'endpoints', 0, 'relabelings', 0, 'action'], undefined],
  ])('%s', (_name, values, segments, expected) => {
    expect(copiedValuePath(values, manifest, segments)).toEqual(expected);
  });
});
