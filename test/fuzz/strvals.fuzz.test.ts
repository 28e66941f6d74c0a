// Property tests of the --set family parser: any input gives data or a typed BAD_SET (never another error,
// never a hang, never a touched Object.prototype), and escaped keys and values always mean themselves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValuesFileError } from '../../src/renderer/values/load.js';
import { parseSetInto, typedValue, type SetKind } from '../../src/renderer/values/strvals.js';
import { expectNoPollution, expectPlainData, check, TIMEOUT, typedOnly } from './fuzz-support.js';

const KINDS: SetKind[] = ['set', 'set-string', 'set-json', 'set-file'];

/** Pieces that mean something to the grammar, plus hostile keys and odd characters. */
const token = fc.constantFrom(
  'a', 'b', 'k8s', 'x.y', '.', '..', '[', ']', '[0]', '[1]', '[3]', '[-1]', '[65537]', '[x]', '=', ',', '{', '}', '{a,b}',
  '\\', '\\.', '\\,', '\\=', '0', '1', '007', '-5', '1.5', '9223372036854775808', 'true', 'NULL', ' ', '"', '"s"',
  '{"a":1}', '[1,[2]]', '{"__proto__":{"polluted":1}}', 'nul', '__proto__', 'constructor', 'prototype', 'polluted',
  '\n', '\t', 'é', '😀', '\u0000', '\uFFFD',
);
const grammarish = fc.array(token, { maxLength: 30 }).map((a) => a.join(''));
const expression = fc.oneof(grammarish, grammarish, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));

/** --set-file reads through this: some paths exist, one is missing (our typed error). */
const reader = (path: string): string => {
  if (path.includes('missing')) throw new ValuesFileError(path, 'no such file');
  return `file ${path}`;
};

describe('--set family: random input', () => {
  it('gives plain data or a typed error, for every flag, applied in sequence', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...KINDS), expression), { minLength: 1, maxLength: 4 }), (flags) => {
        const data: Record<string, unknown> = {};
        for (const [kind, expr] of flags) {
          const r = typedOnly(() => parseSetInto(kind, expr, data, reader));
          if (r instanceof Error) expect(['BAD_SET', 'VALUES_FILE']).toContain((r as Error & { code: string }).code);
          if (r instanceof Error) expect(r.message).not.toContain('\n');
        }
        expectPlainData(data);
        expectNoPollution();
      }),
      1500,
    );
  });

  it('is deterministic', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(fc.constantFrom(...KINDS), expression, (kind, expr) => {
        const once = (): unknown => {
          const data: Record<string, unknown> = {};
          const r = typedOnly(() => parseSetInto(kind, expr, data, reader));
          return r instanceof Error ? r.message : data;
        };
        expect(once()).toEqual(once());
      }),
      500,
    );
  });
});

/** `\` before every character the grammar reads, so the text means itself. */
const escape = (s: string): string => s.replace(/[\\.,=[\]{}]/g, '\\$&');
const segment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.length > 0);
const hostileSegment = fc.oneof(segment, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a.b', 'a[0]', '='));

describe('--set family: escaped keys and values mean themselves', () => {
  it('a.b.c=v (escaped) sets exactly that path, typed as helm types --set values', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(fc.array(hostileSegment, { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 20 }), fc.boolean(), (path, value, asString) => {
        const data: Record<string, unknown> = {};
        const v = value.startsWith('{') ? value.slice(1) : value;
        parseSetInto(asString ? 'set-string' : 'set', `${path.map(escape).join('.')}=${escape(v)}`, data);
        let cur: unknown = data;
        for (const k of path) {
          expect(Object.keys(cur as object)).toEqual([k]);
          cur = Object.getOwnPropertyDescriptor(cur, k)!.value;
        }
        expect(cur).toEqual(asString ? v : typedValue(v));
        expectNoPollution();
      }),
      500,
    );
  });

  it('k[i]=v grows the list with nulls, as Go grows a slice', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(hostileSegment, fc.nat({ max: 50 }), fc.string({ maxLength: 10 }), (key, i, value) => {
        const data: Record<string, unknown> = {};
        const v = value.startsWith('{') ? value.slice(1) : value;
        parseSetInto('set-string', `${escape(key)}[${i}]=${escape(v)}`, data);
        const list = Object.getOwnPropertyDescriptor(data, key)!.value as unknown[];
        expect(list).toEqual([...new Array<null>(i).fill(null), v]);
      }),
      500,
    );
  });

  it('--set-json k=<any JSON> stores that JSON value', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(hostileSegment, fc.jsonValue({ maxDepth: 6 }), (key, value) => {
        const data: Record<string, unknown> = {};
        const text = JSON.stringify(value);
        parseSetInto('set-json', `${escape(key)}=${text}`, data);
        const stored = Object.getOwnPropertyDescriptor(data, key)!.value;
        expect(JSON.stringify(stored)).toBe(JSON.stringify(JSON.parse(text)));
        expectPlainData(stored);
        expectNoPollution();
      }),
      400,
    );
  });
});
