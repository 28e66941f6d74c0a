// Hostile values input (issue #10): deep nesting, huge expressions, aliases, sizes, encodings. Each case either
// loads to the right data or fails with one of our typed errors: a string `code` and a one-line message.
import { describe, expect, it } from 'vitest';
import { loadValues, type ValueSources } from '../src/renderer/values/load.js';
import { MAX_VALUE_DEPTH } from '../src/renderer/values/maps.js';

/** The typed error `f` throws (fails the test on anything else, or on no error). */
function typedError(f: () => unknown): Error & { code: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect(typeof (e as { code?: unknown }).code).toBe('string');
    return e as Error & { code: string };
  }
  throw new Error('expected an error');
}

const flags = (sources: ValueSources) => () => loadValues(sources);

describe('--set family: nesting is bounded (no stack overflow)', () => {
  const deepKey = (n: number) => Array.from({ length: n }, () => 'a').join('.');
  it.each<[string, ValueSources]>([
    ['--set a.a.a… 100 000 deep', { set: [`${deepKey(100_000)}=1`] }],
    ['--set a[0][0]… 100 000 deep', { set: [`a${'[0]'.repeat(100_000)}=1`] }],
    ['--set a[0].a[0]… deep', { set: [`a${'[0].a'.repeat(20_000)}=1`] }],
    ['--set-string deep', { setString: [`${deepKey(10_000)}=x`] }],
    ['--set-file deep', { setFile: [`${deepKey(10_000)}=f`] }],
    ['--set-json [[[… 100 000 deep', { setJson: [`a=${'['.repeat(100_000)}${']'.repeat(100_000)}`] }],
    ['--set-json {"a":{"a":… deep', { setJson: [`a=${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`] }],
    ['--set-json key and JSON depth add up', { setJson: [`${deepKey(150)}=${'['.repeat(60)}${']'.repeat(60)}`] }],
  ])('%s is BAD_SET', (_name, sources) => {
    const e = typedError(() => loadValues(sources, [], () => 'file text'));
    expect(e.code).toBe('BAD_SET');
    expect(e.message).toMatch(new RegExp(`nest deeper than ${MAX_VALUE_DEPTH} levels$`));
  });

  it('accepts nesting up to the bound', () => {
    const { values } = loadValues({ set: [`${deepKey(MAX_VALUE_DEPTH)}=1`] });
    let cur: unknown = values;
    let depth = 0;
    while (cur && typeof cur === 'object') {
      cur = (cur as Record<string, unknown>).a;
      depth++;
    }
    expect([depth, cur]).toEqual([MAX_VALUE_DEPTH, 1n]);
  });
});

describe('--set family: messages stay short and on one line', () => {
  it.each<[string, ValueSources]>([
    ['a huge --set-json', { setJson: [`a={"x": "${'y'.repeat(1_000_000)}"`] }],
    ['a huge key without a value', { set: ['k'.repeat(1_000_000)] }],
    ['a newline in a key', { set: ['a\nb'] }],
    ['text after JSON', { setJson: [`a=1 ${'z'.repeat(100_000)}`] }],
    ['a long string that cannot hold keys', { setString: [`a=${'v'.repeat(100_000)}`, 'a.b=1'] }],
  ])('%s', (_name, sources) => {
    const e = typedError(flags(sources));
    expect(e.code).toBe('BAD_SET');
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeLessThan(400);
  });
});


describe('YAML aliases', () => {
  it('a --set through an alias changes only the path it names (each alias is its own copy, as in helm)', () => {
    const loaded = loadValues({ set: ['a.k=two'] }, [{ file: 'v.yaml', text: 'a: &x {k: 1}\nb: *x\nc: {<<: *x, j: 1}\n' }]);
    expect(loaded.values).toEqual({ a: { k: 'two' }, b: { k: 1 }, c: { k: 1, j: 1 } });
    expect(loaded.files[0].data).toEqual({ a: { k: 1 }, b: { k: 1 }, c: { k: 1, j: 1 } });
  });
});
