// The bundles (dist/, built by `npm test` first) carry chart data, precompiled schema validators, a
// V8 code cache and start-up shortcuts the sources do not have: for every golden case and every lint
// corpus case each must print exactly what the sources print, byte for byte, with the same exit code.
// dist/cjs is what bin/prefect-charts.cjs runs (from a vm.Script: no dynamic import() there);
// dist/cli.js is the ES module build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseArgv, listCases, runCli, type RunResult } from './golden-harness.js';
import { lintCorpusCases } from './lint-corpus-cases.js';

const ROOT = join(import.meta.dirname, '..');
/** Golden renders and lint corpus runs, as argv and working directory. */
const cases = [
  ...listCases().map((c) => ({ name: `${c.chart}/${c.name}`, argv: caseArgv(c), cwd: c.dir })),
  ...lintCorpusCases().map((c) => ({ name: c.name, argv: c.argv, cwd: c.dir })),
];

const LOADERS = {
  esm: `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli.js')).href)});`,
  cjs: `const { main } = require(${JSON.stringify(join(ROOT, 'dist', 'cjs', 'load.cjs'))}).load().cli;`,
};

/** Every case through a bundle's main, in one plain Node process (no test transforms). */
function runBundled(kind: keyof typeof LOADERS): RunResult[] {
  const script = `
    ${LOADERS[kind]}
    const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const results = [];
    for (const c of cases) {
      let stdout = '', stderr = '';
      const io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stdoutIsTTY: false, stderrIsTTY: false, cwd: c.cwd, env: {} };
      const code = await main(c.argv, io);
      results.push({ code, stdout, stderr });
    }
    process.stdout.write(JSON.stringify(results));
  `;
  const input = JSON.stringify(cases.map((c) => ({ argv: c.argv, cwd: c.cwd })));
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${script}})()`], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bundled run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult[];
}

describe.each(['cjs', 'esm'] as const)('bundled CLI (%s)', (kind) => {
  const bundled = runBundled(kind);
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const source = await runCli(c.argv, c.cwd);
    expect(bundled[i]).toEqual(source);
  });
});

// What a plain render loads is part of its start-up time (README "Performance"): guarded here, since a
// new import can add milliseconds unnoticed (node:net pulled in the streams stack, the `performance`
// global perf_hooks). The count of Node's own modules is compared with `node -e` loading the CLI alone.
describe('bundled CLI start-up (cjs)', () => {
  const probe = (argv: string[]): { files: string[]; builtins: string[] } => {
    const script = `
      const before = new Set(process.moduleLoadList);
      const l = require(${JSON.stringify(join(ROOT, 'dist', 'cjs', 'load.cjs'))}).load();
      const io = { out() {}, err() {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: process.cwd(), env: {} };
      l.cli.main(${JSON.stringify(argv)}, io).then((code) => {
        if (code !== 0) process.exit(10 + code);
        const builtins = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith('NativeModule '));
        process.stdout.write(JSON.stringify({ files: [...l.scripts.keys()], builtins }));
      });
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`probe failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout) as { files: string[]; builtins: string[] };
  };

  it.each(['prefect-server', 'prefect-agent', 'prometheus-prefect-exporter'])('render %s reads only the CLI and its chart data', (chart) => {
    const { files, builtins } = probe(['render', chart]);
    expect(files).toEqual(['cli.cjs', `data-${chart}.cjs`]);
    expect(builtins.filter((m) => /crypto|net|stream|perf_hooks|worker_threads|http/.test(m))).toEqual([]);
  });

  it('a templated value loads the evaluator beside the CLI', () => {
    const { files } = probe(['render', 'prefect-server', '--set-json', 'commonAnnotations={"a":"{{ .Release.Name }}"}']);
    expect(files).toContain('gotemplate.cjs');
  });
});
