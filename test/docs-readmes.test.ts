// The charts' READMEs: server and worker equal helm-docs' output (the seeds) byte for byte up to the footer line,
// and every committed README is what `prefect-charts docs` generates now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartsRoot, CHART_NAMES } from '../src/charts.js';
import { FOOTER_MARK, generateReadme } from '../src/docs/index.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const SEED_OF: Record<string, string> = {
  'prefect-server': '002_0e7ebc89e558dab0.txt',
  'prefect-worker': '003_f345e4e2ae629dc5.txt',
};

/** Everything before the footer's rule line (helm-docs' footer and ours both start with it). */
const beforeFooter = (text: string): string => {
  const at = text.indexOf(FOOTER_MARK);
  expect(at).toBeGreaterThan(0);
  return text.slice(0, at + FOOTER_MARK.length);
};

describe('READMEs', () => {
  it.each(Object.keys(SEED_OF))('%s equals helm-docs v1.14.2 output up to the footer', (chart) => {
    const generated = generateReadme(join(chartsRoot(), chart)).text;
    const seed = readFileSync(join(SEEDS, SEED_OF[chart]), 'utf8');
    expect(beforeFooter(generated)).toBe(beforeFooter(seed));
  });

  it.each(CHART_NAMES)('%s: the committed README.md is current', (chart) => {
    const g = generateReadme(join(chartsRoot(), chart));
    expect(readFileSync(g.readmePath, 'utf8')).toBe(g.text);
  });

  it('the worker README keeps the clusterUid note below the footer', () => {
    const text = generateReadme(join(chartsRoot(), 'prefect-worker')).text;
    const after = text.slice(text.indexOf(FOOTER_MARK));
    expect(after).toContain('worker.clusterUid');
    expect(after).toContain('`helm template`');
  });

  it('the agent README says the chart is deprecated in favour of prefect-worker', () => {
    const text = generateReadme(join(chartsRoot(), 'prefect-agent')).text;
    expect(text).toMatch(/deprecated[\s\S]*prefect-worker/);
  });
});
