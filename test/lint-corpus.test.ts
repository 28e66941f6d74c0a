// The lint corpus: our own broken values files, each with the exact text output expected (messages
// and file:line:col), run through the CLI in-process. See test/lint-corpus/README.md.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './golden-harness.js';
import { lintCorpusCases } from './lint-corpus-cases.js';

describe('lint corpus', () => {
  it.each(lintCorpusCases().map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(existsSync(c.expectedFile), `${c.expectedFile} is missing`).toBe(true);
    const { code, stdout, stderr } = await runCli(c.argv, c.dir);
    const expected = readFileSync(c.expectedFile, 'utf8');
    expect(stdout).toBe(expected);
    expect(stderr.replace(/^note: .*\n/m, '')).toBe('');
    expect(code).toBe(expected.includes('[error ') ? 1 : 0);
  });
});
