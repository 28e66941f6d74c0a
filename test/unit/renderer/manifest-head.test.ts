import { describe, expect, it } from 'vitest';
import { checkManifestHeads } from '../../../src/renderer/manifest-head.js';
import { RenderFailedError } from '../../../src/renderer/errors.js';
import type { SourcedDoc } from '../../../src/renderer/serialize.js';

// What helm v3.10.1 answered for `metadata: {name: N, annotations: {a: A}, labels: {l: L}}` in a template
// (tc chart in a scratch folder, values via --set-string).
const doc = (metadata: unknown, extra: Record<string, unknown> = {}): SourcedDoc[] => [{ source: 'c/templates/a.yaml', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata, ...extra } }];

function problem(docs: SourcedDoc[]): string {
  try {
    checkManifestHeads(docs);
    return '';
  } catch (e) {
    expect(e).toBeInstanceOf(RenderFailedError);
    return (e as RenderFailedError).issues[0].message;
  }
}

describe('checkManifestHeads', () => {
  it.each<[string, SourcedDoc[], string]>([
    ['scalars in string fields are converted', doc({ name: true, annotations: { a: 1.5, b: Infinity, c: null } }), ''],
    ['infinite metadata.name is converted too', doc({ name: NaN }), ''],
    ['null metadata and annotations', doc(null), ''],
    ['infinite label', doc({ name: 'x', labels: { l: Infinity } }), 'json: unsupported value: +Inf'],
    ['NaN in spec', doc({ name: 'x' }, { spec: [{ a: NaN }] }), 'json: unsupported value: NaN'],
    ['list name', doc({ name: [1] }), 'cannot unmarshal array into Go struct field .metadata.name of type string'],
    ['map annotation value', doc({ name: 'x', annotations: { a: { b: 1 } } }), 'cannot unmarshal object into Go struct field .metadata.annotations of type string'],
    ['annotations a list', doc({ name: 'x', annotations: ['a'] }), 'cannot unmarshal array into Go struct field .metadata.annotations'],
    ['metadata a string', doc('x'), 'cannot unmarshal string into Go struct field SimpleHead.metadata'],
    ['kind a map (key matched case-insensitively)', [{ source: 's', object: { KIND: { a: 1 } } }], 'cannot unmarshal object into Go struct field SimpleHead.kind'],
  ])('%s', (_name, docs, want) => {
    const got = problem(docs);
    if (want === '') expect(got).toBe('');
    else expect(got).toContain(want);
  });
});
