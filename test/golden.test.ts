// Every golden case, rendered through the CLI in-process and compared as the golden README says.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseArgv, compareStreams, expectedErrorNeedles, listCases, runCli } from './golden-harness.js';

const cases = listCases();

describe.each([...new Set(cases.map((c) => c.chart))])('%s', (chart) => {
  it.each(cases.filter((c) => c.chart === chart).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await runCli(caseArgv(c), c.dir);
    const expectedFile = join(c.dir, 'expected.yaml');
    if (existsSync(expectedFile)) {
      expect(result.stderr.replace(/^(warning|note): .*\n/gm, ''), 'stderr').toBe('');
      expect(result.code).toBe(0);
      expect(compareStreams(result.stdout, readFileSync(expectedFile, 'utf8'))).toBe('');
    } else {
      const expectedError = readFileSync(join(c.dir, 'expected-error.txt'), 'utf8');
      expect(result.code).not.toBe(0);
      const output = result.stdout + result.stderr;
      expect(output).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
      const needles = expectedErrorNeedles(expectedError);
      expect(needles.length, 'the expected error names something to look for').toBeGreaterThan(0);
      for (const alternatives of needles) {
        expect(alternatives.some((n) => output.includes(n)), `output names ${alternatives[0]}:\n${output}`).toBe(true);
      }
    }
  });
});
