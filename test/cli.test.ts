// The built CLI as users run it: node bin/prefect-charts.cjs (npm test builds dist/ first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { render } from '../src/index.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'prefect-charts.cjs');

function cli(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('prefect-charts (built)', () => {
  it('renders a chart with its defaults, the same text as the API', async () => {
    const out = execFileSync(process.execPath, [BIN, 'render', 'prometheus-prefect-exporter'], { encoding: 'utf8' });
    expect(out).toBe((await render('prometheus-prefect-exporter')).text);
    expect(out.startsWith('---\n# Source: prometheus-prefect-exporter/templates/serviceaccount.yaml\n')).toBe(true);
  });

  it.each<[string[], number, RegExp]>([
    [['--help'], 0, /Commands:\n {2}render/],
    [['--version'], 0, /^\d+\.\d+\.\d+\n$/],
    [['render', '--help'], 0, /--set-json K=JSON/],
    [[], 2, /Usage: prefect-charts <command>/],
  ])('%j exits %i', (args, code, pattern) => {
    const r = cli(args);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toMatch(pattern);
  });

  it.each<[string[], number, string]>([
    [['rendr'], 2, 'error: unknown command "rendr" (did you mean "render"?); run prefect-charts --help\n'],
    [['render'], 2, 'error: "render" needs a chart name (see prefect-charts render --help)\n'],
    [['render', 'prefect-srver'], 2, 'error: unknown chart "prefect-srver": expected one of prefect-agent, prefect-server, prefect-worker, prometheus-prefect-exporter\n'],
    [['render', 'prometheus-prefect-exporter', '--valeus', 'x.yaml'], 2, 'error: unknown flag --valeus for "render" (did you mean --values?)\n'],
    [['render', 'prometheus-prefect-exporter', '-f', 'missing.yaml'], 1, 'error: missing.yaml: no such file\n'],
    [['render', 'prometheus-prefect-exporter', '--set', 'a.b'], 1, 'error: --set "a.b": key "b" has no value\n'],
    [['render', 'prometheus-prefect-exporter', '--release', 'Bad_Name'], 1, 'error: release name "Bad_Name" is invalid: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit\n'],
    [['render', 'prometheus-prefect-exporter', '--kube-version', 'abc'], 1, 'error: invalid kube version "abc": expected a version such as 1.25.0 or v1.25.0\n'],
    [['render', 'prometheus-prefect-exporter', '-s', 'templates/nope.yaml'], 1, 'error: --show-only templates/nope.yaml: could not find template templates/nope.yaml in chart\n'],
  ])('%j fails with one clear line', (args, code, message) => {
    const r = cli(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
  });

  it('lists every schema violation with where the value came from', () => {
    const dir = tempDir('pc-');
    writeFileSync(join(dir, 'values.yaml'), 'pagination:\n  limit: all\nreplicaCount: two\n');
    const r = cli(['render', 'prometheus-prefect-exporter', '-f', 'values.yaml', '--set', 'service.port=x'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        "error: values don't meet the chart's schema:",
        '  values.yaml:3:15 replicaCount: expected integer, got string "two"',
        '  values.yaml:2:10 pagination.limit: expected integer, got string "all"',
        '  --set service.port=x service.port: expected integer, got string "x"',
        '',
      ].join('\n'),
    );
  });

  it('lints rendered objects against the Kubernetes schemas (the models load inside the bundle)', () => {
    const relabel = 'serviceMonitor.relabelings=[{"action":"keep","sourceLabels":"pod"}]';
    const r = cli(['lint', 'prometheus-prefect-exporter', '--format', 'json', '--set', 'serviceMonitor.enabled=true', '--set-json', relabel]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.stdout) as { issues: Array<{ rule: string; message: string }> }).issues;
    expect(issues.filter((i) => i.rule === 'k8s-schema').map((i) => i.message)).toEqual(['expected array, got string "pod"']);
  });

  it('checks the shipped READMEs with docs --check', () => {
    expect(cli(['docs', '--check'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('writes --output-dir files per template, and nothing when rendering fails', () => {
    const dir = tempDir('pc-');
    const ok = cli(['render', 'prometheus-prefect-exporter', '--output-dir', 'out'], dir);
    expect(ok.code).toBe(0);
    const templates = join(dir, 'out', 'prometheus-prefect-exporter', 'templates');
    expect(readdirSync(templates).sort()).toEqual(['deployment.yaml', 'service.yaml', 'serviceaccount.yaml']);
    expect(readFileSync(join(templates, 'service.yaml'), 'utf8')).toMatch(/^---\n# Source: prometheus-prefect-exporter\/templates\/service.yaml\napiVersion: v1\nkind: Service\n/);

    const failed = cli(['render', 'prometheus-prefect-exporter', '--output-dir', 'out2', '--set', 'pagination.limit=x'], dir);
    expect(failed.code).toBe(1);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });
});
