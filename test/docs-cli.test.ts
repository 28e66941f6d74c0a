// `prefect-charts docs` through the CLI: writing, --check with a unified diff and exit codes, --chart-dir,
// paths as pre-commit passes them, and errors with file:line.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './golden-harness.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'docs-cli-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function makeChart(dir: string, opts: { template?: string; templateName?: string; values?: string } = {}): string {
  const path = join(root, dir);
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'Chart.yaml'), `apiVersion: v2\nname: ${dir.split('/').pop()}\nversion: 0.1.0\n`);
  writeFileSync(join(path, 'values.yaml'), opts.values ?? '# -- replicas to run\nreplicas: 1\n');
  if (opts.template !== '') writeFileSync(join(path, opts.templateName ?? 'README.md.hbs'), opts.template ?? '{{> chart.header }}\n{{> chart.valuesSection }}\n');
  return path;
}

const EXPECTED = '# demo\n\n## Values\n\n| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n| replicas | int | `1` | replicas to run |\n';

describe('prefect-charts docs', () => {
  it('writes README.md for every chart with a template under the current directory', async () => {
    makeChart('charts/demo');
    makeChart('charts/plain', { template: '' });
    const r = await runCli(['docs'], root);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`wrote ${join('charts', 'demo', 'README.md')}\n`);
    expect(readFileSync(join(root, 'charts/demo/README.md'), 'utf8')).toBe(EXPECTED);
    expect(existsSync(join(root, 'charts/plain/README.md'))).toBe(false);
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(join(root, 'charts/demo')).sort()).toEqual(['Chart.yaml', 'README.md', 'README.md.hbs', 'values.yaml']);
  });

  it('--check exits 0 and prints nothing when READMEs are current', async () => {
    makeChart('charts/demo');
    await runCli(['docs'], root);
    expect(await runCli(['docs', '--check'], root)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--check writes nothing, prints a unified diff and exits 1 when a README is stale', async () => {
    const dir = makeChart('charts/demo');
    writeFileSync(join(dir, 'README.md'), EXPECTED.replace('replicas to run', 'old text'));
    const r = await runCli(['docs', '--check'], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`--- ${join('charts', 'demo', 'README.md')}`);
    expect(r.stdout).toContain('-| replicas | int | `1` | old text |');
    expect(r.stdout).toContain('+| replicas | int | `1` | replicas to run |');
    expect(r.stderr).toMatch(/1 README is out of date/);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('old text');
  });

  it('--check counts a missing README as stale', async () => {
    makeChart('charts/demo');
    const r = await runCli(['docs', '--check'], root);
    expect(r.code).toBe(1);
    expect(existsSync(join(root, 'charts/demo/README.md'))).toBe(false);
  });

  it('--chart-dir documents a chart anywhere, and a README.md.gotmpl is used as it is', async () => {
    const dir = makeChart('elsewhere/demo', { template: '{{ template "chart.header" . }}\n{{ template "chart.valuesSection" . }}\n', templateName: 'README.md.gotmpl' });
    const r = await runCli(['docs', '--chart-dir', dir], join(root));
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(EXPECTED);
  });

  it('file paths (as pre-commit passes them) name their charts; files outside charts are ignored', async () => {
    const a = makeChart('charts/demo');
    const b = makeChart('charts/other');
    writeFileSync(join(root, 'values-prod.yaml'), 'x: 1\n');
    const r = await runCli(['docs', 'charts/demo/values.yaml', 'values-prod.yaml'], root);
    expect(r.code).toBe(0);
    expect(existsSync(join(a, 'README.md'))).toBe(true);
    expect(existsSync(join(b, 'README.md'))).toBe(false);
  });

  it('reports every failing chart with file:line, writes the others, and exits 1', async () => {
    makeChart('charts/bad', { template: 'fine\n{{> chart.nope }}\n' });
    makeChart('charts/demo');
    const r = await runCli(['docs'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${join('charts', 'bad', 'README.md.hbs')}:2:1: unknown partial "chart.nope"`);
    expect(existsSync(join(root, 'charts/demo/README.md'))).toBe(true);
  });

  it('a values.yaml that does not parse is an error with its position', async () => {
    makeChart('charts/demo', { values: 'a: 1\nb: [\n' });
    const r = await runCli(['docs'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/values\.yaml:\d+:\d+: /);
  });

  it.each([
    [['docs', 'no-such-chart'], /neither a chart/],
    [['docs', '--chart-dir', 'nowhere'], /no Chart\.yaml/],
    [['docs', '--sort-values-order', 'random'], /alphanum or file/],
    [['docs', '--bogus'], /unknown flag --bogus/],
  ])('usage error: %j', async (argv, want) => {
    const r = await runCli(argv, root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(want);
  });

  it('shipped charts by name: the committed READMEs are current', async () => {
    const r = await runCli(['docs', '--check', 'prefect-server', 'prefect-worker', 'prefect-agent', 'prometheus-prefect-exporter'], root);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});
