// The lint corpus: our own broken values files, each with the exact text output expected (messages
// and file:line:col), run through the CLI in-process. See test/lint-corpus/README.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './golden-harness.js';

const ROOT = join(import.meta.dirname, 'lint-corpus');

interface CorpusCase {
  command: 'lint' | 'validate';
  chart: string;
  name: string;
  dir: string;
}

function cases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const command of ['validate', 'lint'] as const) {
    for (const chart of readdirSync(join(ROOT, command)).sort()) {
      const dir = join(ROOT, command, chart);
      for (const f of readdirSync(dir).sort()) {
        if (f.endsWith('.yaml')) out.push({ command, chart, name: f.slice(0, -5), dir });
      }
    }
  }
  return out;
}

describe('lint corpus', () => {
  it.each(cases().map((c) => [`${c.command} ${c.chart} ${c.name}`, c] as const))('%s', async (_, c) => {
    const expectedFile = join(c.dir, `${c.name}.expected`);
    expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
    const argsFile = join(c.dir, `${c.name}.args`);
    const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\n').filter(Boolean) : [];
    const argv = c.command === 'lint' ? ['lint', c.chart, '-f', `${c.name}.yaml`, ...extra] : ['validate', c.chart, `${c.name}.yaml`, ...extra];
    const { code, stdout, stderr } = await runCli(argv, c.dir);
    const expected = readFileSync(expectedFile, 'utf8');
    expect(stdout).toBe(expected);
    expect(stderr.replace(/^note: .*\n/m, '')).toBe('');
    expect(code).toBe(expected.includes('[error ') ? 1 : 0);
  });
});
