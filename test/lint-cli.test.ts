// lint and validate through the CLI, in-process: flags, formats, exit codes, globs, notes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { runCli } from './golden-harness.js';

let dir: string;

const WORKER_OK = `worker:
  config:
    workPool: k8s
  cloudApiConfig:
    accountId: 6e02a1db-07de-4760-a15d-60d9fe0b4c5e
    workspaceId: b0d1ae01-2c5f-4d86-8d8f-5ca0de3b7b1c
  image:
    prefectTag: 3.1.0-python3.11-kubernetes
  livenessProbe:
    enabled: true
`;

beforeAll(() => {
  dir = tempDir('lint-cli-');
  mkdirSync(join(dir, 'envs', 'prod'), { recursive: true });
  writeFileSync(join(dir, 'envs', 'dev.yaml'), 'worker:\n  replicaCount: 2\n');
  writeFileSync(join(dir, 'envs', 'prod', 'values.yaml'), 'worker:\n  replicaCount: two\nworkr: {}\n');
  writeFileSync(join(dir, 'typo.yaml'), 'workr: {}\n');
  writeFileSync(join(dir, 'ok.yaml'), WORKER_OK);
});

describe('validate', () => {
  it('expands globs (sorted, once each) and reports every file', async () => {
    const r = await runCli(['validate', 'prefect-worker', 'envs/**/*.yaml', 'envs/dev.yaml'], dir);
    expect(r.stdout).toBe(
      [
        'envs/prod/values.yaml:2:17 worker.replicaCount: expected integer, got string "two" [error schema]',
        'envs/prod/values.yaml:3:1 workr: unknown key (did you mean "worker"?) [warning unknown-key]',
        'prefect-worker: 1 error, 1 warning in 2 values files',
        '',
      ].join('\n'),
    );
    expect(r.code).toBe(1);
  });

  it.each([
    [[], 0],
    [['--strict'], 1],
    [['--disable', 'unknown-key', '--strict'], 0],
  ])('warnings and %j', async (flags, code) => {
    const r = await runCli(['validate', 'prefect-worker', 'typo.yaml', ...flags], dir);
    expect(r.code).toBe(code);
    if (flags.includes('--strict') && code === 1) expect(r.stdout).toContain('[error unknown-key]');
  });

  it('a missing file is a finding; a glob matching nothing is a usage error', async () => {
    const missing = await runCli(['validate', 'prefect-worker', 'nope.yaml'], dir);
    expect(missing.stdout).toContain('nope.yaml no such file [error values-file]');
    expect(missing.code).toBe(1);
    const none = await runCli(['validate', 'prefect-worker', 'nothing/*.yaml'], dir);
    expect(none).toMatchObject({ code: 2, stderr: 'error: no values files match nothing/*.yaml\n' });
  });

  it.each([
    [['validate'], 'error: "validate" needs a chart name and values files (see prefect-charts validate --help)\n'],
    [['validate', 'prefect-worker'], 'error: "validate" needs values files or globs after the chart name\n'],
    [['validate', 'prefect-worker', 'ok.yaml', '--format', 'sarf'], 'error: unknown format "sarf" (did you mean "sarif"?): expected one of text, json, sarif, junit, github\n'],
    [['validate', 'prefect-worker', 'ok.yaml', '--disable', 'unknwn-key'], 'error: unknown rule "unknwn-key" (did you mean "unknown-key"?)'],
    [['validate', 'prefect-wrker', 'ok.yaml'], 'error: unknown chart "prefect-wrker"'],
  ])('usage error: %j', async (argv, message) => {
    const r = await runCli(argv, dir);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
  });

  it('github annotations', async () => {
    const r = await runCli(['validate', 'prefect-worker', 'typo.yaml', '--format', 'github'], dir);
    expect(r.stdout).toBe('::warning file=typo.yaml,line=1,col=1,title=prefect-worker unknown-key::workr: unknown key (did you mean "worker"?)\n');
  });

  it('--help', async () => {
    const r = await runCli(['validate', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: prefect-charts validate <chart> <file or glob>...');
  });
});

describe('lint', () => {
  it('a clean worker: exit 0, no findings', async () => {
    const r = await runCli(['lint', 'prefect-worker', '-f', 'ok.yaml'], dir);
    expect(r).toMatchObject({ code: 0, stdout: 'prefect-worker: no problems in 1 values file\n', stderr: '' });
  });

  it('--set values are located by flag', async () => {
    const r = await runCli(['lint', 'prefect-worker', '-f', 'ok.yaml', '--set', 'worker.replicaCount=x'], dir);
    expect(r.stdout).toContain('--set worker.replicaCount=x worker.replicaCount: expected integer, got string "x" [error schema]');
    expect(r.code).toBe(1);
  });

  it('prints the deprecation note of prefect-agent on stderr', async () => {
    const r = await runCli(['lint', 'prefect-agent', '--disable', 'probes-disabled,image-tag-mutable'], dir);
    expect(r.stderr).toMatch(/^note: prefect-agent is deprecated/);
    expect(r).toMatchObject({ code: 0, stdout: 'prefect-agent: no problems\n' });
  });

  it.each(['json', 'sarif', 'junit', 'github'])('--format %s parses', async (format) => {
    const r = await runCli(['lint', 'prefect-worker', '-f', 'typo.yaml', '--format', format], dir);
    expect(r.code).toBe(1);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(r.stdout)).not.toThrow();
    if (format === 'junit') expect(r.stdout).toContain('<testsuites');
    if (format === 'github') expect(r.stdout).toContain('::error file=typo.yaml');
  });

  it.each(['1.18.0', '1.25.0'])('the chart picks an Ingress apiVersion Kubernetes %s serves, and its schema is known', async (kube) => {
    const r = await runCli(['lint', 'prometheus-prefect-exporter', '--set', 'ingress.enabled=true', '--kube-version', kube, '--format', 'json'], dir);
    const issues = JSON.parse(r.stdout).issues as Array<{ rule: string; manifest?: { resource: string } }>;
    expect(issues.filter((i) => i.manifest?.resource?.startsWith('Ingress/'))).toEqual([]);
  });

  it('the Kubernetes schema catches what the chart renders wrong', async () => {
    const r = await runCli(['lint', 'prometheus-prefect-exporter', '--set-string', 'service.port=eighty', '--format', 'json'], dir);
    const issues = JSON.parse(r.stdout).issues as Array<{ rule: string; path?: string }>;
    // The schema stops it first, at the value.
    expect(issues.find((i) => i.rule === 'schema')?.path).toBe('service.port');
  });
});
