// atUnder(ctx, ...prefix)(...path) reads exactly what at(ctx, ...prefix, ...path) reads, and fails where
// and as it fails (a non-map on the way, nil stepped into), whatever the prefix holds; with frozen values
// (remembered reads) exactly as with open ones.
import { describe, expect, it } from 'vitest';
import { at, atUnder } from '../../../../charts/prefect-server/charts/postgresql/templates/helpers.js';
import { chartContext } from '../chart-context.js';
import { deepFreeze } from '../../../../src/renderer/values/maps.js';

const outcome = (read: () => unknown): unknown => {
  try {
    return { value: read() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe('atUnder', () => {
  const primaries: unknown[] = [{ a: { b: 1 }, c: 'x', d: null }, 'text', null, undefined, [1, 2], { constructor: 3 }, {}];
  const paths = [[], ['a'], ['a', 'b'], ['a', 'b', 'z'], ['c', 'z'], ['d', 'z'], ['constructor'], ['toString'], ['__proto__']];
  for (const primary of primaries) {
    // Frozen values (every render's) are read through remembered reads; the walk over open values is the reference.
    for (const frozen of [false, true]) {
      it(`matches at() with primary ${JSON.stringify(primary) ?? 'missing'}${frozen ? ', frozen' : ''}`, () => {
        const values: Record<string, unknown> = primary === undefined ? {} : { primary: structuredClone(primary) };
        const reference = chartContext(structuredClone(values), { chart: 'postgresql', appVersion: '16', commonVersion: '2.12.0' });
        if (frozen) deepFreeze(values);
        const ctx = chartContext(values, { chart: 'postgresql', appVersion: '16', commonVersion: '2.12.0' });
        for (const prefix of [['primary'], ['primary', 'a']]) {
          const under = atUnder(ctx, ...prefix);
          for (const path of paths) {
            const expected = outcome(() => at(reference, ...prefix, ...path));
            // Twice: the first read walks the prefix (or remembers it), the next ones start from it.
            for (let n = 0; n < 2; n++) {
              expect(outcome(() => under(...path)), `${prefix.join('.')} / ${path.join('.')}`).toEqual(expected);
              expect(outcome(() => at(ctx, ...prefix, ...path)), `at ${prefix.join('.')} / ${path.join('.')}`).toEqual(expected);
            }
          }
        }
      });
    }
  }
});
