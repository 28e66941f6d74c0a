// Prepared values are remembered by the fingerprint of the user's values: the same values give the
// same (frozen) prepared values and the same warnings; different data never shares an entry.
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import { fingerprint } from '../../../src/renderer/values/fingerprint.js';

describe('fingerprint', () => {
  it('tells apart data that JSON would print alike', () => {
    const prints = [NaN, null, Infinity, -Infinity, 0, -0, 1n, 1, '1', true, 't', [], {}, [null], { a: undefined }];
    expect(new Set(prints.map((v) => fingerprint(v))).size).toBe(prints.length);
    expect(fingerprint({ a: undefined })).toBeUndefined(); // not plain data: nothing is remembered
  });

  it('keeps key order, and keys apart from values', () => {
    expect(fingerprint({ a: 1, b: 2 })).not.toBe(fingerprint({ b: 2, a: 1 }));
    expect(fingerprint({ 'a":1,"b': 2 })).not.toBe(fingerprint({ a: 1, b: 2 }));
    expect(fingerprint(Object.defineProperty({}, '__proto__', { value: 1, enumerable: true }))).toBe('{"__proto__":1,}');
  });

  it('is equal only for equal data, and always for a copy', () => {
    const key = fc.string().filter((k) => k !== '__proto__');
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double(), fc.bigInt(), fc.boolean(), fc.constant(null), fc.array(tie('v')), fc.dictionary(key, tie('v'), { noNullPrototype: true })),
    })).v;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(fingerprint(structuredClone(a))).toBe(fingerprint(a));
        if (fingerprint(a) === fingerprint(b)) expect(isDeepStrictEqual(a, b)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('render: prepared values remembered', () => {
  const worker = ['worker.config.workPool=p,worker.cloudApiConfig.accountId=a,worker.cloudApiConfig.workspaceId=w'];

  it('gives the same output, values and warnings to the same values, frozen', async () => {
    const warnings: string[][] = [[], []];
    const set = [...worker, 'worker.image.repository=null'];
    const first = await render('prefect-worker', { set, warn: (m) => warnings[0].push(m) });
    const second = await render('prefect-worker', { set, warn: (m) => warnings[1].push(m) });
    expect(second.text).toBe(first.text);
    expect(second.values).toBe(first.values);
    expect(Object.isFrozen(second.values)).toBe(true);
    expect(warnings[1]).toEqual(warnings[0]);
  });

  it('does not share between values that differ only in type', async () => {
    const asNumber = await render('prefect-worker', { set: [...worker, 'worker.replicaCount=2'] });
    const asText = await render('prefect-worker', { set: worker, setString: ['worker.replicaCount=2'] }).catch((e: Error) => e);
    expect(asNumber.text).toContain('replicas: 2');
    expect(asText).toBeInstanceOf(Error);
  });
});

describe('loadValues: remembered by text and flags', () => {
  it('reads values files on every load, so a changed file gives new values', async () => {
    const { loadValues } = await import('../../../src/renderer/values/load.js');
    let text = 'a: 1\n';
    const read = () => text;
    const first = loadValues({ valueFiles: ['v.yaml'], set: ['b=2'] }, [], read);
    expect(loadValues({ valueFiles: ['v.yaml'], set: ['b=2'] }, [], read)).toBe(first);
    text = 'a: 3\n';
    expect(loadValues({ valueFiles: ['v.yaml'], set: ['b=2'] }, [], read).values).toEqual({ a: 3, b: 2n }); // --set types an int64
    expect(loadValues({ valueFiles: ['v.yaml'], setString: ['b=2'] }, [], read).values).toEqual({ a: 3, b: '2' });
  });

  it('reads --set-file files on every load', async () => {
    const { loadValues } = await import('../../../src/renderer/values/load.js');
    let text = 'x';
    const read = () => text;
    expect(loadValues({ setFile: ['k=f.txt'] }, [], read).values).toEqual({ k: 'x' });
    text = 'y';
    expect(loadValues({ setFile: ['k=f.txt'] }, [], read).values).toEqual({ k: 'y' });
  });
});
