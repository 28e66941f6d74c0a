// The bad-input corpus (test/bad-input/*/case.yaml): every hostile or broken input gives its one-line message
// and exit code (1 bad input, 2 usage), nothing on stdout, and never a stack trace.
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { runCli } from './golden-harness.js';

interface BadInput {
  name: string;
  description: string;
  args: string[];
  exit: number;
  stderr: string;
}

const ROOT = join(import.meta.dirname, 'bad-input');

const cases: BadInput[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((name) => ({ name, ...(parse(readFileSync(join(ROOT, name, 'case.yaml'), 'utf8')) as Omit<BadInput, 'name'>) }));

describe('bad-input corpus', () => {
  it('has at least 40 cases, each with a description, args, an exit code of 1 or 2 and a message', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(typeof c.description, c.name).toBe('string');
      expect(Array.isArray(c.args), c.name).toBe(true);
      expect([1, 2], c.name).toContain(c.exit);
      expect(c.stderr, c.name).toMatch(/^error: \S/);
    }
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const dir = tempDir('pc-bad-');
    cpSync(join(ROOT, c.name), dir, { recursive: true, verbatimSymlinks: true });
    const r = await runCli(c.args, dir);
    expect({ exit: r.code, stderr: r.stderr, stdout: r.stdout }).toEqual({ exit: c.exit, stderr: c.stderr, stdout: '' });
    expect(r.stderr).not.toMatch(/\n\s+at |internal error|Error: |ENOENT|EACCES|ENOTDIR/);
    for (const line of r.stderr.trimEnd().split('\n')) expect(line.length).toBeLessThan(400);
  });
});
