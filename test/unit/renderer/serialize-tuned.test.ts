// The tuned emitter prints exactly what the reference emitter (its first version) printed.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docText, toYamlText } from '../../../src/renderer/serialize.js';
import { deepFreeze } from '../../../src/renderer/values/maps.js';
import { toYamlText as reference } from './serialize-reference.js';
import { listCases } from '../../golden-harness.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const word = fc.constantFrom('a', 'b', 'yes', '', ' ', '- x', 'k: v', '{{ x }}', '007', '1e3', 'line\nline', 'x\n', '\n', 'tab\t', '#', '-', '[a]', 'é', '\u2028');
const scalar = fc.oneof(word, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt());
const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(word, fc.string({ maxLength: 6 })).filter((k) => k !== '__proto__'), tie('node'), { maxKeys: 4 }),
  ),
}));

describe('tuned toYamlText', () => {
  it('matches the reference on generated data', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'), tree.node, { maxKeys: 5 }), (v) => {
        expect(toYamlText(v)).toBe(reference(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('matches the reference on frozen data (remembered subtrees), at any depth and as list items, twice', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'), tree.node, { maxKeys: 5 }), (v) => {
        const expected = reference(v);
        const frozen = structuredClone(v);
        // Freeze some subtrees only (as renders mix fresh maps and shared defaults), then all of it.
        for (const x of Object.values(frozen)) deepFreeze(x);
        const doc = { wrapped: [frozen, [frozen]], again: { nested: frozen } };
        expect(toYamlText(frozen)).toBe(expected);
        expect(toYamlText(doc)).toBe(reference(doc));
        deepFreeze(frozen);
        expect(toYamlText(frozen)).toBe(expected);
        expect(toYamlText(doc)).toBe(reference(doc));
      }),
      { numRuns: 500 },
    );
  });

  it('notes a NaN or infinity inside a remembered frozen subtree every time it prints it', () => {
    const limits = { cpu: NaN, memory: '1Gi' };
    deepFreeze(limits);
    for (let i = 0; i < 2; i++) {
      expect(docText({ spec: { limits } }).nonFinite).toBe(true);
      expect(docText({ spec: { other: 'x' } }).nonFinite).toBe(false);
    }
  });

  it('matches the reference on every golden document', () => {
    let n = 0;
    for (const c of listCases()) {
      const file = join(c.dir, 'expected.yaml');
      if (!existsSync(file)) continue;
      for (const chunk of readFileSync(file, 'utf8').split(/^---$/m)) {
        const doc = parse(chunk, { version: '1.1', uniqueKeys: false }) as unknown;
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) continue;
        expect(toYamlText(doc as Record<string, unknown>)).toBe(reference(doc as Record<string, unknown>));
        n++;
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});
