// The bundle (dist/, built by `npm test` first) carries chart data, precompiled schema validators and
// start-up shortcuts the sources do not have: for every golden case it must print exactly what the
// sources print, byte for byte, with the same exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseArgv, listCases, runCli, type RunResult } from './golden-harness.js';

const ROOT = join(import.meta.dirname, '..');
const cases = listCases();

/** Every case through dist/cli.js's main, in one plain Node process (no test transforms). */
function runBundled(): RunResult[] {
  const script = `
    const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli.js')).href)});
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
  const input = JSON.stringify(cases.map((c) => ({ argv: caseArgv(c), cwd: c.dir })));
  const r = spawnSync(process.execPath, ['--input-type=commonjs', '-e', `(async () => {${script}})()`], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bundled run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult[];
}

describe('bundled CLI', () => {
  const bundled = runBundled();
  it.each(cases.map((c, i) => [`${c.chart}/${c.name}`, c, i] as const))('%s', async (_name, c, i) => {
    const source = await runCli(caseArgv(c), c.dir);
    expect(bundled[i]).toEqual(source);
  });
});
