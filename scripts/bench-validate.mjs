// Benchmark `prefect-charts validate` on many values files in one process (issue #8: 1,000 files
// well under 2 s). Generates realistic prefect-worker values files (about 60 lines each; one in ten
// with mistakes) in a temporary directory, then runs the bundled CLI in-process several times and
// prints the median. Also times one cold run in a fresh process (startup, chart load, schema
// compile included).
//
//   node scripts/bench-validate.mjs [--files N] [--runs N] [--json]
//
// Needs the bundle (`npm run build`). scripts/bench.mjs calls this one; `--json` prints one line of
// JSON for it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: { files: { type: 'string', default: '1000' }, runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } },
});
const FILES = Number(opts.files);
const RUNS = Number(opts.runs);

/** A deterministic pseudo-random sequence, so every run benchmarks the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function valuesFile(i) {
  const r = rng(i + 1);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const broken = i % 10 === 9;
  const lines = [
    `# values for environment ${i}`,
    'worker:',
    '  config:',
    `    workPool: pool-${i}`,
    '    workQueues:',
    `      - queue-${i % 7}`,
    '      - default',
    `    queryInterval: ${broken ? '"often"' : 5 + (i % 10)}`,
    `    limit: ${1 + (i % 20)}`,
    `    type: ${pick(['kubernetes', 'process', 'docker'])}`,
    '  apiConfig: cloud',
    '  cloudApiConfig:',
    '    accountId: 6e02a1db-07de-4760-a15d-60d9fe0b4c5e',
    '    workspaceId: b0d1ae01-2c5f-4d86-8d8f-5ca0de3b7b1c',
    '    apiKeySecret:',
    '      name: prefect-api-key',
    '      key: key',
    '  image:',
    `    prefectTag: 3.${i % 5}.${i % 13}-python3.11-kubernetes`,
    '    pullPolicy: IfNotPresent',
    `  replicaCount: ${1 + (i % 3)}`,
    '  resources:',
    '    requests:',
    `      memory: ${128 * (1 + (i % 4))}Mi`,
    '      cpu: 100m',
    '    limits:',
    '      memory: 1Gi',
    '      cpu: 1000m',
    '  podLabels:',
    `    team: team-${i % 9}`,
    `    env: ${pick(['dev', 'staging', 'prod'])}`,
    '  podAnnotations:',
    '    prometheus.io/scrape: "true"',
    '  nodeSelector:',
    '    kubernetes.io/os: linux',
    '  tolerations:',
    '    - key: dedicated',
    '      operator: Equal',
    '      value: prefect',
    '      effect: NoSchedule',
    '  extraEnvVars:',
    '    - name: PREFECT_LOGGING_LEVEL',
    `      value: ${pick(['INFO', 'DEBUG', 'WARNING'])}`,
    '  livenessProbe:',
    '    enabled: true',
    '    config:',
    '      initialDelaySeconds: 10',
    '      periodSeconds: 10',
    '  containerSecurityContext:',
    '    readOnlyRootFilesystem: true',
    '    allowPrivilegeEscalation: false',
    broken ? '  replicaCont: 2' : '  revisionHistoryLimit: 5',
    'serviceAccount:',
    '  create: true',
    '  annotations:',
    `    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/prefect-${i}`,
    'role:',
    '  create: true',
    broken ? 'sever: {}' : 'rolebinding:\n  create: true',
  ];
  return lines.join('\n') + '\n';
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'bench-validate-'));
try {
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `values-${String(i).padStart(5, '0')}.yaml`), valuesFile(i));
  const { main } = await import(join(root, 'dist', 'cli.js'));
  const argv = ['validate', 'prefect-worker', 'values-*.yaml', '--format', 'json'];
  let last = '';
  const run = async () => {
    let out = '';
    const io = { out: (t) => void (out += t), err: () => {}, stdoutIsTTY: false, stderrIsTTY: false, cwd: dir, env: {} };
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const code = await main(argv, io);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    last = out;
    if (code !== 1) throw new Error(`validate exited ${code}; expected 1 (one file in ten is broken)`);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    return ms;
  };
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  const cpuTimes = [];
  const first = await run(); // chart load and schema compile, then warm runs
  cpuTimes.length = 0;
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await run());
  const summary = JSON.parse(last).summary;
  const t0 = performance.now();
  try {
    execFileSync(process.execPath, [join(root, 'bin', 'prefect-charts.cjs'), ...argv], { cwd: dir, stdio: 'ignore' });
  } catch (e) {
    if (e.status !== 1) throw e;
  }
  const cold = performance.now() - t0;
  const med = median(times);
  const result = {
    name: 'validate',
    files: FILES,
    runs: RUNS,
    medianMs: Math.round(med),
    medianCpuMs: Math.round(median(cpuTimes)),
    filesPerSecond: Math.round((FILES / med) * 1000),
    firstRunMs: Math.round(first),
    coldProcessMs: Math.round(cold),
    errors: summary.errors,
    warnings: summary.warnings,
  };
  if (opts.json) console.log(JSON.stringify(result));
  else {
    console.log(`validate prefect-worker: ${FILES} values files, ${RUNS} runs in one process`);
    console.log(`  median ${result.medianMs} ms (${result.filesPerSecond} files/s), ${result.medianCpuMs} ms of CPU; first run ${result.firstRunMs} ms`);
    console.log(`  cold process (node start, chart load, schema compile): ${result.coldProcessMs} ms`);
    console.log(`  found ${summary.errors} errors, ${summary.warnings} warnings`);
  }
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
}
