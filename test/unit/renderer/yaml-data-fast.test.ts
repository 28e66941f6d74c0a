// The parser-free fast paths of yaml-data give what the YAML parser gives, for every input they accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { goQuote, strval } from '../../../src/renderer/helpers/go.js';
import { quoted, scalarFromText, yamlFromText } from '../../../src/renderer/helpers/yaml-data.js';
import { lenientText, v2KeyProblem } from '../../../src/renderer/values/yaml-v2.js';

const YAML11 = { version: '1.1' as const, merge: true, uniqueKeys: false };

/**
 * The parser's reading as yaml.v2 reads: what it reads and the parser refuses adjusted first
 * (lenientText), and a null or empty key refused (v2KeyProblem).
 */
function parseAsV2(text: string): unknown {
  try {
    const doc = parseDocument(text, YAML11);
    if (doc.errors.length === 0 && v2KeyProblem(doc)) throw new Error(v2KeyProblem(doc)?.message);
    return parse(text, YAML11);
  } catch (e) {
    const lenient = lenientText(text, (t) => {
      const err = parseDocument(t, YAML11).errors[0];
      return err === undefined ? undefined : { offset: err.pos[0], message: err.message };
    });
    if (lenient === undefined) throw e;
    return parse(lenient, YAML11);
  }
}

const lineChar = fc.constantFrom('a', 'Z', ' ', '#', ':', '-', '|', '"', "'", '\\', '\t', '{', '[', 'é', '✓', '\u0085', '\u2028', '\u007f', '😀');
const line = fc.array(lineChar, { maxLength: 8 }).map((cs) => cs.join(''));
const key = fc.constantFrom('v', 'y', 'no', 'on', 'data', 'pg_hba', 'custom-metrics', '__proto__', 'a b', '-x', '1');

describe('yamlFromText literal block fast path', () => {
  it.each([
    'v: |\n  a\n  b\n',
    'v: |-\n  a\n\n  b\n',
    'v: |\n  a\n    b\n  # c\n',
    'v: |\n    a\n  b\n',
    'v: |\n  a\n\n',
    'v: |\n  a\n   \n  b\n',
    'v: |\n\n  a\n',
    'v: |\n  a\nb: 1\n',
    'v: |2\n   a\n',
  ])('%j', (text) => {
    let expected: unknown;
    try {
      expected = parse(text, YAML11) ?? null;
    } catch {
      expect(() => yamlFromText(text)).toThrow();
      return;
    }
    expect(yamlFromText(text)).toEqual(expected);
  });

  it('agrees with the parser on generated blocks', () => {
    fc.assert(
      fc.property(key, fc.constantFrom('|', '|-'), fc.array(fc.oneof(line, fc.constant('')), { minLength: 1, maxLength: 6 }), (k, h, ls) => {
        const text = `${k}: ${h}\n${ls.map((l) => (l === '' ? '' : `  ${l}`)).join('\n')}\n`;
        let expected: unknown;
        try {
          expected = parseAsV2(text) ?? null;
        } catch {
          expect(() => yamlFromText(text)).toThrow();
          return;
        }
        expect(yamlFromText(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('quoted fast path', () => {
  it('agrees with reading Go-quoted text back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean()), (v) => {
        expect(quoted(v)).toBe(parse(goQuote(strval(v))));
      }),
      { numRuns: 500 },
    );
  });
});

describe('scalarFromText double-quoted fast path', () => {
  it('agrees with the parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(lineChar).map((cs) => cs.join(''))), (s) => {
        const text = `"${s}"`;
        let expected: unknown;
        try {
          expected = parseAsV2(text);
        } catch {
          expect(() => scalarFromText(text)).toThrow();
          return;
        }
        // `"": a"` reads as a map: after `key:` on the same line yaml.v2 refuses that, and so do we.
        if (expected !== null && typeof expected === 'object') expect(() => scalarFromText(text)).toThrow(/mapping values are not allowed/);
        else expect(scalarFromText(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('scalarFromText with line breaks (what `key: {{ v }}` reads as, nested under a key)', () => {
  it.each([
    ['a\n', 'a'],
    ['a\n\n', 'a'],
    ['a\n#comment', 'a'],
    ['a\n        b', 'a b'],
    ['"a\nb"', 'a b'],
  ])('%j reads as %j', (text, expected) => {
    expect(scalarFromText(text)).toEqual(expected);
  });

  it.each(['a\nb', '\nb', 'a\n- b', 'a\n---\nb: 1', '|\nb'])('%j is invalid YAML (text at column 0)', (text) => {
    expect(() => scalarFromText(text)).toThrow("could not find expected ':'");
  });
});
