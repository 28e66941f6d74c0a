// Templates in values (issue #10): runaway recursion and output are stopped with a clear, positioned message,
// through the evaluator and through the real charts' `tpl` of user values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { tpl, TemplateError } from '../src/renderer/gotemplate/index.js';
import { runCli } from './golden-harness.js';

function limitError(text: string, data: unknown): TemplateError {
  try {
    tpl(text, data);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('limit errors point at the call in the outer text that started the runaway', () => {
  it.each<[string, string, unknown, string]>([
    ['tpl of itself', 'x: {{ tpl .t . }}', { t: 'x: {{ tpl .t . }}' }, '1:7: template recursion exceeded the maximum depth of 100'],
    ['include of a define that includes itself', '{{ define "r" }}{{ include "r" . }}{{ end }}\n  {{ include "r" . }}', {}, '1:20: template recursion exceeded the maximum depth of 100'],
    ['template of itself', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}', {}, '1:20: template recursion exceeded the maximum depth of 100'],
    ['mutual include', '{{ define "a" }}{{ include "b" . }}{{ end }}{{ define "b" }}{{ include "a" . }}{{ end }}ok {{ include "a" . }}', {}, 'template recursion exceeded the maximum depth of 100'],
    ['tpl of a text that includes a define that calls tpl', '{{ tpl .t . }}', { t: '{{ define "d" }}{{ tpl "{{ include \\"d\\" . }}" . }}{{ end }}{{ include "d" . }}' }, '1:4: template recursion exceeded the maximum depth of 100'],
    ['output in a loop', 'a\n{{ range until 100000 }}{{ repeat 1000 "x" }}{{ end }}', {}, '2:28: template output exceeded 10485760 bytes'],
    ['output of a doubling tpl', '{{ tpl .t . }}', { t: '{{ $s := "xxxxxxxxxxxxxxxx" }}{{ range until 30 }}{{ $s = print $s $s }}{{ end }}{{ $s }}' }, '1:4: error calling print: value exceeded 10485760 bytes'],
    ['a range over a range over values', '{{ range .l }}{{ range $.l }}{{ end }}{{ end }}', { l: Array.from({ length: 100_000 }, (_, i) => i) }, '1:18: template evaluation exceeded 10000000 steps'],
    ['append in a loop (quadratic)', '{{ $x := list }}{{ range .l }}{{ $x = append $x . }}{{ end }}', { l: Array.from({ length: 100_000 }, (_, i) => i) }, '1:34: template evaluation exceeded 10000000 steps'],
  ])('%s', (_name, text, data, message) => {
    const started = performance.now();
    const e = limitError(text, data);
    expect(e.code).toBe('TEMPLATE_LIMIT');
    expect(`${e.line}:${e.col}: ${e.message}`).toContain(message);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('through the real charts', () => {
  const dir = tempDir('pc-tpl-');
  const worker = ['render', 'prefect-worker', '--set', 'worker.config.workPool=p', '--set', 'worker.cloudApiConfig.accountId=a', '--set', 'worker.cloudApiConfig.workspaceId=b'];

  it.each<[string, string, string[], string]>([
    [
      'a worker value whose tpl includes itself',
      'worker:\n  podAnnotations:\n    a: "{{ tpl .Values.worker.podAnnotations.a . }}"\n',
      worker,
      'error: execution error in prefect-worker/templates/deployment.yaml: worker.podAnnotations: 1:8: template recursion exceeded the maximum depth of 100',
    ],
    [
      'an include of a define that includes itself',
      `worker:\n  podAnnotations:\n    a: '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'\n`,
      worker,
      'error: execution error in prefect-worker/templates/deployment.yaml: worker.podAnnotations: 1:24: template recursion exceeded the maximum depth of 100',
    ],
    [
      'a templated value that prints 10 MB',
      'worker:\n  podAnnotations:\n    a: "{{ range until 2000 }}{{ repeat 10000 \\"x\\" }}{{ end }}"\n',
      worker,
      'error: execution error in prefect-worker/templates/deployment.yaml: worker.podAnnotations: 1:30: template output exceeded 10485760 bytes',
    ],
    [
      'a server value whose tpl includes itself',
      'server:\n  podAnnotations:\n    a: "{{ tpl (toYaml .Values.server.podAnnotations) . }}"\n',
      ['render', 'prefect-server'],
      'error: execution error in prefect-server/templates/server-deployment.yaml: server.podAnnotations: 1:8: template recursion exceeded the maximum depth of 100',
    ],
    [
      'a postgresql value whose tpl includes itself',
      'postgresql:\n  primary:\n    podAnnotations:\n      a: "{{ tpl (toYaml .Values.primary.podAnnotations) . }}"\n',
      ['render', 'prefect-server'],
      'error: execution error in prefect-server/charts/postgresql/templates/primary/statefulset.yaml: primary.podAnnotations: 1:8: template recursion exceeded the maximum depth of 100',
    ],
  ])('%s', async (name, values, argv, line) => {
    const file = `${name.replace(/\W+/g, '-')}.yaml`;
    writeFileSync(join(dir, file), values);
    const started = performance.now();
    const r = await runCli([...argv, '-f', file], dir);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toContain(line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('fromYaml on hostile text: quick, and plain data', () => {
  it.each<[string, unknown, string]>([
    ['100 000 unclosed [', '['.repeat(100_000), 'map[Error:error converting YAML to JSON: yaml: values nest deeper than 200 levels]'],
    ['a binary scalar', 'a: !!binary aGk=', 'map[a:hi]'],
    ['a set', 'a: !!set {x, z}', 'map[a:map[x:<nil> z:<nil>]]'],
    ['sexagesimal', 'a: 1:30', 'map[a:1:30]'],
  ])('%s', (_name, text, expected) => {
    const started = performance.now();
    expect(tpl('{{ fromYaml .t }}', { t: text })).toBe(expected);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
