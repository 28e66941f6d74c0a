#!/usr/bin/env node
// Instructions executed, counted by valgrind's callgrind: a figure that does not move with the load of a
// shared machine, for judging a change to start-up or throughput. Prints, for one chart:
//  - cold: a CLI render over an empty Node script (millions of instructions);
//  - warm: one in-process render after a warm-up (thousands): the count of `--warm` + `--renders` renders
//    less that of `--warm` renders, over `--renders`, with V8 kept deterministic (one thread, fixed hash
//    and random seeds; with one thread V8 also compiles on it, so the warm-up must outlast the compiling).
// Needs valgrind (Debian: apt-get install valgrind) and a build (npm run build). Takes a few minutes.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    chart: { type: 'string', default: 'prefect-server' },
    warm: { type: 'string', default: '3000' },
    renders: { type: 'string', default: '2000' },
  },
});
const WORKER_SET = 'worker.config.workPool=default,worker.cloudApiConfig.accountId=a,worker.cloudApiConfig.workspaceId=w';
const chartArgs = opts.chart === 'prefect-worker' ? ['--set', WORKER_SET] : [];
const warm = Number(opts.warm);
const renders = Number(opts.renders);
if (!Number.isInteger(warm) || !Number.isInteger(renders) || warm < 0 || renders < 1) {
  process.stderr.write('error: --warm and --renders take whole numbers, --renders at least 1\n');
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  process.stderr.write('error: valgrind is not installed (Debian: apt-get install valgrind)\n');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'prefect-charts-count-'));
try {
  const empty = join(work, 'empty.cjs');
  writeFileSync(empty, '');
  const driver = join(work, 'renders.mjs');
  writeFileSync(
    driver,
    `const { render } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)});\n` +
      `const options = ${JSON.stringify(chartArgs.length ? { set: [WORKER_SET] } : {})};\n` +
      `for (let i = 0; i < Number(process.argv[2]); i++) await render(${JSON.stringify(opts.chart)}, options);\n`,
  );
  const bin = join(ROOT, 'bin', 'prefect-charts.cjs');
  const coldOver = count([bin, 'render', opts.chart, ...chartArgs]) - count([empty]);
  const deterministic = ['--single-threaded', '--hash-seed=1', '--random-seed=1'];
  const warmedUp = count([...deterministic, driver, String(warm)]);
  const full = count([...deterministic, driver, String(warm + renders)]);
  const perRender = (full - warmedUp) / renders;
  process.stdout.write(`${opts.chart}: cold CLI render +${(coldOver / 1e6).toFixed(1)}M instructions over an empty Node script\n`);
  process.stdout.write(`${opts.chart}: ${(perRender / 1e3).toFixed(1)}K instructions per warm in-process render\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * Instructions of `node ...args`, less Node's start-up search for a random prime (OpenSSL's `sprp`),
 * whose length varies from run to run.
 */
function count(args) {
  const out = join(work, `callgrind.${process.hrtime.bigint()}`);
  const run = spawnSync('valgrind', ['--tool=callgrind', `--callgrind-out-file=${out}`, '--smc-check=all-non-file', process.execPath, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`valgrind node ${args.join(' ')} failed:\n${run.stderr.slice(-2000)}`);
  const annotated = execFileSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let total = 0;
  let prime = 0;
  for (const line of annotated.split('\n')) {
    const m = /^\s*([\d,]+)\s/.exec(line);
    if (!m) continue;
    const n = Number(m[1].replaceAll(',', ''));
    if (line.includes('PROGRAM TOTALS')) total = n;
    else if (line.includes('detail::sprp')) prime += n;
  }
  return total - prime;
}
