import { describe, expect, it } from 'vitest';
import { ignoreComments, isIgnored, lintValuesText } from '../../../src/lint/values-file.js';
import type { LintIssue } from '../../../src/lint/issue.js';

const brief = (i: LintIssue) => `${i.line}:${i.col} ${i.rule} ${i.path ?? ''} ${i.message}`.trim();

describe('lintValuesText', () => {
  it('reports every syntax error, not only the first', () => {
    const r = lintValuesText('v.yaml', 'a: [1, 2\nb:\n\tc: 1\n');
    expect(r.parsed).toBeUndefined();
    expect(r.issues.length).toBeGreaterThan(1);
    expect(r.issues.every((i) => i.rule === 'yaml-syntax' && i.file === 'v.yaml' && i.line! > 0)).toBe(true);
  });

  it.each([
    ['a: 1\na: 2\n', ['2:1 duplicate-key a duplicate key (first at line 1); only this last one counts']],
    ['x:\n  k: 1\n  z: 2\n  k: 3\n', ['4:3 duplicate-key x.k duplicate key (first at line 2); only this last one counts']],
    // YAML 1.1, as helm reads it: `y` and `yes` are both the key true.
    ['m:\n  y: 1\n  yes: 2\n', ['3:3 duplicate-key m.true duplicate key (first at line 2); only this last one counts']],
    ['l:\n  - k: 1\n    k: 2\n', ['3:5 duplicate-key l.0.k duplicate key (first at line 2); only this last one counts']],
    ['base: &b {a: 1}\nx:\n  <<: *b\n  <<: *b\n', []],
  ])('duplicate keys in %j', (text, expected) => {
    expect(lintValuesText('v.yaml', text).issues.map(brief)).toEqual(expected);
  });

  it.each([
    ['- a\n', 'a values file must hold a map of keys at the top level'],
    ['just text\n', 'a values file must hold a map of keys at the top level'],
    ['a: "\u0000"\n', 'is not a UTF-8 text file (binary or another encoding)'],
  ])('refuses %j', (text, message) => {
    expect(lintValuesText('v.yaml', text).issues.map((i) => i.message)).toEqual([message]);
  });

  it('reports every NaN and infinity, which helm refuses in a values file', () => {
    const issues = lintValuesText('v.yaml', 'a: .nan\nb:\n  - -.inf\nc: ".nan"\n').issues.map(brief);
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^1:4 yaml-syntax a NaN is not a value helm accepts/);
    expect(issues[1]).toMatch(/^3:5 yaml-syntax b\.0 -Inf is not a value helm accepts/);
  });

  it('an empty file is an empty map', () => {
    expect(lintValuesText('v.yaml', '# nothing\n')).toMatchObject({ issues: [], parsed: { data: {} } });
  });
});

describe('ignore comments', () => {
  const text = [
    'a: 1 # prefect-charts:ignore schema',
    '# prefect-charts:ignore unknown-key, schema',
    'b: 2',
    '# prefect-charts:ignore',
    'c: 3',
    'd: 4',
  ].join('\n');
  const ignores = ignoreComments(text);
  const at = (line: number, rule: string, keyLine?: number): LintIssue => ({ rule, severity: 'error', message: '', line, keyLine });

  it.each([
    [1, 'schema', true],
    [1, 'unknown-key', false],
    [3, 'unknown-key', true],
    [3, 'schema', true],
    [5, 'anything', true],
    [6, 'schema', false],
  ])('line %i rule %s → %s', (line, rule, expected) => {
    expect(isIgnored(at(line, rule), ignores)).toBe(expected);
  });

  it('a comment above the key of a block value counts', () => {
    expect(isIgnored(at(4, 'schema', 3), ignoreComments('x:\n  # prefect-charts:ignore schema\n  y:\n    z\n'))).toBe(true);
  });
});
