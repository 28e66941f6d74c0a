// Property tests of values loading and merging: any text gives plain data or a typed error (YAML_SYNTAX,
// VALUES_FILE, VALUES_NOT_A_MAP) quickly; JSON-shaped values read back as themselves; merging follows helm.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadValues } from '../../src/renderer/values/load.js';
import { deepCopy } from '../../src/renderer/values/maps.js';
import { mergeMaps } from '../../src/renderer/values/merge.js';
import { expectNoPollution, expectPlainData, check, TIMEOUT, timed, typedOnly } from './fuzz-support.js';

/** YAML structure and the scalars YAML 1.1 types, hostile keys, aliases, tags, odd line ends and bytes. */
const token = fc.constantFrom(
  'a', 'b', 'key', ': ', ':', '\n', '\r\n', '\r', '  ', '    ', '\t', '- ', '-', '? ', '[', ']', '{', '}', ', ', '"', "'", '\\',
  '#', ' # c', '|', '|-', '>', '&a ', '&b ', '*a', '*b', '<<: ', '<<: *a', '!!str ', '!!int ', '!!binary ', '!!set ', '!!omap ',
  '!x ', '---\n', '...\n', '%YAML 1.1\n', '__proto__', 'constructor', 'prototype', 'polluted', '~', 'null', 'yes', 'off',
  '0755', '0x1F', '1e3', '.inf', '.nan', '12:30', '2001-12-14', '9007199254740993', '"\\u0000"', '\ufeff', '\u0000', '\uFFFD', 'é', '😀',
);
const yamlish = fc.array(token, { maxLength: 60 }).map((a) => a.join(''));
const text = fc.oneof(yamlish, yamlish, yamlish, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

const CODES = ['YAML_SYNTAX', 'VALUES_FILE', 'VALUES_NOT_A_MAP'];

describe('values files: random text', () => {
  it('loads to plain data or fails with a typed one-line error, quickly', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(text, fc.array(fc.constantFrom('a.b=1', '__proto__.polluted=1', 'a[1]=x', 'constructor.prototype=1'), { maxLength: 2 }), (t, set) => {
        let r: unknown;
        const ms = timed(() => {
          r = typedOnly(() => loadValues({ set }, [{ file: 'v.yaml', text: t }]));
        });
        expect(ms).toBeLessThan(2000);
        if (r instanceof Error) {
          expect(CODES.concat('BAD_SET')).toContain((r as Error & { code: string }).code);
          expect(r.message).not.toContain('\n');
        } else {
          expectPlainData((r as { values: unknown }).values);
        }
        expectNoPollution();
      }),
      800,
    );
  });

  /** JSON-shaped data whose text YAML 1.1 reads back unchanged (keys and strings are JSON-quoted). */
  const plainData = fc.dictionary(
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype')),
    fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Math.trunc(x) % 1e6 : x)))),
    { maxKeys: 6 },
  );

  it('a JSON document (valid YAML) loads as the same data', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(plainData, fc.boolean(), (data, pretty) => {
        const json = JSON.stringify(data, null, pretty ? 2 : undefined);
        const { values } = loadValues({}, [{ file: 'v.json', text: json }]);
        expect(JSON.stringify(values)).toBe(JSON.stringify(JSON.parse(json)));
        expectPlainData(values);
        expectNoPollution();
      }),
      300,
    );
  });
});

describe('mergeMaps (several -f files)', () => {
  const map = fc.dictionary(fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).map((m) => deepCopy(JSON.parse(JSON.stringify(m))) as Record<string, unknown>);

  it('later files win, maps merge key by key, and inputs are never changed', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(map, map, (a, b) => {
        const [a0, b0] = [JSON.stringify(a), JSON.stringify(b)];
        const m = mergeMaps(a, b);
        expect([JSON.stringify(a), JSON.stringify(b)]).toEqual([a0, b0]);
        expect(new Set(Object.keys(m))).toEqual(new Set([...Object.keys(a), ...Object.keys(b)]));
        for (const k of Object.keys(b)) {
          const [av, bv] = [Object.getOwnPropertyDescriptor(a, k)?.value, Object.getOwnPropertyDescriptor(b, k)!.value];
          const isMap = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
          if (!(isMap(av) && isMap(bv))) expect(Object.getOwnPropertyDescriptor(m, k)!.value).toBe(bv);
        }
        expect(JSON.stringify(mergeMaps(m, b))).toBe(JSON.stringify(m));
        expectPlainData(m);
        expectNoPollution();
      }),
      500,
    );
  });
});
