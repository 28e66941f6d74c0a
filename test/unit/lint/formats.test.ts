import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../src/lint/formats/index.js';
import type { Report } from '../../../src/lint/formats/index.js';
import type { LintIssue } from '../../../src/lint/issue.js';
import { exitCodeFor } from '../../../src/lint/report.js';

const issues: LintIssue[] = [
  { rule: 'schema', severity: 'error', path: 'server.replicaCount', message: 'expected integer, got string "two"', file: 'values.yaml', line: 12, col: 5 },
  { rule: 'unknown-key', severity: 'warning', path: 'sever', message: 'unknown key', suggestion: 'server', file: 'values.yaml', line: 3, col: 1 },
  {
    rule: 'resources-missing',
    severity: 'warning',
    message: 'container "a" has no resource limits, 100% <sure>',
    manifest: { template: 'c/templates/d.yaml', resource: 'Deployment/a', field: 'spec.template.spec.containers[0].resources' },
  },
];

const report = (over: Partial<Report> = {}): Report => ({
  tool: { name: 'prefect-charts', version: '9.9.9' },
  command: 'lint',
  chart: 'prefect-server',
  files: ['values.yaml'],
  issues,
  strict: false,
  color: false,
  ...over,
});

describe('text', () => {
  it('one line per finding and a count', () => {
    expect(FORMATS.text.format(report())).toBe(
      [
        'values.yaml:12:5 server.replicaCount: expected integer, got string "two" [error schema]',
        'values.yaml:3:1 sever: unknown key (did you mean "server"?) [warning unknown-key]',
        'c/templates/d.yaml Deployment/a spec.template.spec.containers[0].resources: container "a" has no resource limits, 100% <sure> [warning resources-missing]',
        'prefect-server: 1 error, 2 warnings in 1 values file',
        '',
      ].join('\n'),
    );
  });

  it('colour only when asked', () => {
    expect(FORMATS.text.format(report({ color: true }))).toContain('\x1b[31merror schema\x1b[0m');
    expect(FORMATS.text.format(report({ issues: [], files: ['a', 'b'] }))).toBe('prefect-server: no problems in 2 values files\n');
  });
});

describe('json', () => {
  it('is the findings as data', () => {
    const out = JSON.parse(FORMATS.json.format(report()));
    expect(out.summary).toEqual({ errors: 1, warnings: 2, files: 1 });
    expect(out.issues[0]).toEqual({ ...issues[0], where: 'values.yaml:12:5' });
  });
});

describe('github', () => {
  it('workflow commands with file, line and col, escaped', () => {
    expect(FORMATS.github.format(report()).split('\n')).toEqual([
      '::error file=values.yaml,line=12,col=5,title=prefect-server schema::server.replicaCount: expected integer, got string "two"',
      '::warning file=values.yaml,line=3,col=1,title=prefect-server unknown-key::sever: unknown key (did you mean "server"?)',
      '::warning title=prefect-server resources-missing::c/templates/d.yaml Deployment/a spec.template.spec.containers[0].resources: container "a" has no resource limits, 100%25 <sure>',
      '',
    ]);
  });

  it('escapes property values', () => {
    const out = FORMATS.github.format(report({ issues: [{ ...issues[0], file: 'a,b:c.yaml' }] }));
    expect(out).toContain('file=a%2Cb%3Ac.yaml,');
  });
});

describe('sarif', () => {
  const log = JSON.parse(FORMATS.sarif.format(report()));
  const run = log.runs[0];

  it('is SARIF 2.1.0 with every rule described', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const rules = run.tool.driver.rules as Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }>;
    expect(rules.map((r) => r.id)).toContain('unknown-key');
    expect(rules.every((r) => r.shortDescription.text && r.defaultConfiguration.level)).toBe(true);
  });

  it('results carry rule ids, levels and physical locations', () => {
    const [first, , third] = run.results;
    expect(first).toMatchObject({
      ruleId: 'schema',
      level: 'error',
      message: { text: 'server.replicaCount: expected integer, got string "two"' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'values.yaml' }, region: { startLine: 12, startColumn: 5 } } }],
    });
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe('schema');
    // A manifest finding points at the values file that produced it, with the object as a logical location.
    expect(third.locations[0].logicalLocations[0].fullyQualifiedName).toBe('c/templates/d.yaml#Deployment/a');
  });
});

describe('junit', () => {
  it('one test case per values file and template; errors fail it', () => {
    const out = FORMATS.junit.format(report());
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="prefect-charts lint prefect-server" tests="2" failures="1"/);
    expect(out).toContain('<testcase classname="lint.prefect-server" name="values.yaml">');
    expect(out).toContain('<failure message="1 error: schema" type="schema">values.yaml:12:5 server.replicaCount: expected integer, got string &quot;two&quot; [schema]</failure>');
    expect(out).toContain('<testcase classname="lint.prefect-server" name="c/templates/d.yaml">');
    expect(out).toContain('100% &lt;sure&gt;');
  });
});

describe('exit codes', () => {
  it.each([
    [[], 0],
    [[issues[1]], 0],
    [issues, 1],
  ] as const)('%#', (list, code) => expect(exitCodeFor(list)).toBe(code));
});
