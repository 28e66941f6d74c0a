// Property tests of the Go-template evaluator behind `tpl`: any text, any data, gives a string or a typed
// TemplateError (TEMPLATE_PARSE, TEMPLATE_EXEC, TEMPLATE_FAIL, TEMPLATE_LIMIT) within the step, output and
// depth bounds, and never touches Object.prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tpl, TemplateError } from '../../src/renderer/gotemplate/index.js';
import { check, expectNoPollution, TIMEOUT, timed } from './fuzz-support.js';

/** Functions charts' users call in templated values, plus the ones that build big or deep things. */
const FUNCS = [
  'print', 'printf', 'println', 'len', 'index', 'slice', 'not', 'and', 'or', 'eq', 'ne', 'lt', 'ge', 'html', 'js', 'urlquery', 'call',
  'include', 'tpl', 'required', 'fail', 'toYaml', 'fromYaml', 'fromYamlArray', 'toJson', 'fromJson', 'toToml', 'lookup',
  'default', 'empty', 'coalesce', 'ternary', 'quote', 'squote', 'upper', 'lower', 'title', 'trim', 'trimSuffix', 'trunc', 'substr',
  'repeat', 'nindent', 'indent', 'replace', 'contains', 'hasPrefix', 'split', 'splitList', 'join', 'cat', 'b64enc', 'b64dec',
  'sha256sum', 'list', 'dict', 'get', 'set', 'unset', 'hasKey', 'keys', 'values', 'pluck', 'merge', 'mergeOverwrite', 'deepCopy',
  'append', 'prepend', 'concat', 'first', 'rest', 'last', 'initial', 'uniq', 'without', 'has', 'sortAlpha', 'reverse', 'compact',
  'until', 'untilStep', 'add', 'sub', 'mul', 'div', 'mod', 'max', 'min', 'add1', 'int', 'int64', 'float64', 'atoi', 'toString',
  'toStrings', 'kindOf', 'typeOf', 'kindIs', 'deepEqual', 'semver', 'semverCompare', 'regexMatch', 'regexFind', 'regexReplaceAll',
  'regexSplit', 'randAlphaNum', 'uuidv4', 'now', 'date', 'toDate', 'ago', 'durationRound', 'genCA', 'htpasswd', 'b32enc', 'nospace',
  'trimAll', 'wrap', 'abbrev', 'plural', 'snakecase', 'camelcase', 'shuffle', 'seq', 'bogus',
];
const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('{{', '}}', '{{- ', ' -}}', '{{ ', ' }}', ' ', '.', '.Values', '.a', '.a.b', '.l', '.m', '$', '$x', '$x := ', '$x = ', ' | ', '(', ')', ',') },
  { weight: 3, arbitrary: fc.constantFrom('"s"', '"a.b"', '"{{ .a }}"', '`raw`', "'c'", '1', '0', '-1', '1.5', '1e3', '0x10', '9223372036854775807', '100000', 'nil', 'true', 'false', '"__proto__"', '"constructor"', '"polluted"', '"%s %d %v %q %x %08.3f"', '"^a+$"', '"[a-z]+"', '"(x)"') },
  { weight: 3, arbitrary: fc.constantFrom('if ', 'else', 'else if ', 'end', 'range ', 'range $i, $v := ', 'with ', 'define "d"', 'template "d" .', 'include "d" .', 'block "b" .', 'break', 'continue', '/* c */') },
  { weight: 4, arbitrary: fc.constantFrom(...FUNCS).map((f) => `${f} `) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const template = fc.array(token, { maxLength: 40 }).map((a) => a.join(''));

/** Data a templated value sees: values with hostile keys, lists, numbers of every kind. */
const data = fc.record({
  Values: fc.dictionary(fc.constantFrom('a', 'x', '__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }).map((m) => JSON.parse(JSON.stringify(m))),
  a: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ b: '{{ tpl .a.b . }}' })),
  l: fc.array(fc.oneof(fc.integer(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.string({ maxLength: 4 })), { maxLength: 5 }),
  m: fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "k": "v"}')),
});

const CODES = ['TEMPLATE_PARSE', 'TEMPLATE_EXEC', 'TEMPLATE_FAIL', 'TEMPLATE_LIMIT'];
const LIMITS = { maxSteps: 200_000, maxOutputBytes: 200_000, maxDepth: 30 };
const host = { include: (name: string) => (name === 'common.names.fullname' ? 'release-name' : undefined), random: () => 0.5, now: () => new Date(0) };

function run(text: string, d: unknown, limits: Record<string, number> = LIMITS): string | TemplateError {
  try {
    return tpl(text, d, { ...limits, host });
  } catch (e) {
    if (e instanceof TemplateError && CODES.includes(e.code)) return e;
    throw e;
  }
}

describe('tpl: random templates over random values', () => {
  it('returns text or a typed TemplateError with a position, quickly, with no pollution', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(template, data, (text, d) => {
        let r = '' as string | TemplateError;
        const ms = timed(() => {
          r = run(text, d);
        });
        expect(ms).toBeLessThan(3000);
        if (r instanceof TemplateError) {
          expect(r.line).toBeGreaterThanOrEqual(1);
          expect(r.col).toBeGreaterThanOrEqual(1);
        } else {
          expect(typeof r).toBe('string');
          expect((r as string).length).toBeLessThanOrEqual(LIMITS.maxOutputBytes);
        }
        expectNoPollution();
      }),
      1000,
    );
  });

  it('is deterministic for a fixed clock and random source', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(template, data, (text, d) => {
        const a = run(text, d);
        const b = run(text, d);
        expect(a instanceof Error ? `${a.code} ${a.line}:${a.col} ${a.message}` : a).toBe(b instanceof Error ? `${b.code} ${b.line}:${b.col} ${b.message}` : b);
      }),
      300,
    );
  });

  it('text without {{ is returned unchanged', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }).filter((s) => !s.includes('{{')), (text) => {
        expect(tpl(text, {})).toBe(text);
      }),
      500,
    );
  });
});

describe('tpl: runaway templates stop at the default bounds', () => {
  const runaway = fc.constantFrom(
    '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}',
    '{{ tpl .t . }}',
    '{{ range until 10000 }}{{ range until 10000 }}{{ end }}{{ end }}',
    '{{ $x := list }}{{ range until 1000000 }}{{ $x = append $x . }}{{ end }}',
    '{{ range until 100000 }}{{ repeat 1000 "x" }}{{ end }}',
    '{{ $s := "ab" }}{{ range until 40 }}{{ $s = print $s $s }}{{ end }}',
    '{{ define "w" }}{{ include "w" . }}{{ include "w" . }}{{ end }}{{ include "w" . }}',
  );
  it('with TEMPLATE_LIMIT, in seconds', { timeout: TIMEOUT }, async () => {
    await check(
      fc.property(runaway, fc.constantFrom('', 'prefix\n', '{{ if true }}x{{ end }}'), (text, prefix) => {
        let r = '' as string | TemplateError;
        const ms = timed(() => {
          r = run(prefix + text, { t: '{{ tpl .t . }}' }, {});
        });
        expect(ms).toBeLessThan(10_000);
        expect(r).toBeInstanceOf(TemplateError);
        expect((r as unknown as TemplateError).code).toBe('TEMPLATE_LIMIT');
      }),
      10,
      100,
    );
  });
});
