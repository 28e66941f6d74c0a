// `lint`: validate the values (as `validate` does, over every -f file and --set flag together),
// render, map the chart's own failures back to values, then check the rendered manifests.
import type { LoadedChart } from '../renderer/chart.js';
import { RenderFailedError } from '../renderer/errors.js';
import { renderChart, type RenderOptions } from '../renderer/render.js';
import { defaultReader, loadValues, type InlineValues } from '../renderer/values/load.js';
import { chartFailureIssues } from './chart-failures.js';
import { sortIssues, type LintIssue } from './issue.js';
import { checkManifests } from './manifest-checks.js';
import { applyOptions, type ReportOptions } from './options.js';
import { checkValues } from './values-check.js';
import { lintValuesText, type IgnoreMap } from './values-file.js';

export interface LintOptions extends RenderOptions, ReportOptions {}

export interface LintResult {
  /** Values files read, as named by the user. */
  files: string[];
  issues: LintIssue[];
  /** Whether the chart rendered (lint stops before rendering values that break the schema). */
  rendered: boolean;
}

export async function lintChart(chart: LoadedChart, options: LintOptions = {}): Promise<LintResult> {
  const read = options.readFile ?? defaultReader;
  const inputs: InlineValues[] = [...(options.inlineValues ?? [])];
  for (const file of options.valueFiles ?? []) inputs.push({ file, text: read(file) });

  const issues: LintIssue[] = [];
  const ignores = new Map<string, IgnoreMap>();
  let readable = true;
  for (const input of inputs) {
    const linted = lintValuesText(input.file, input.text);
    ignores.set(input.file, linted.ignores);
    issues.push(...linted.issues);
    if (!linted.parsed) readable = false;
  }
  const finish = (rendered: boolean): LintResult => ({
    files: inputs.map((i) => i.file),
    issues: sortIssues(applyOptions(issues, ignores, options)),
    rendered,
  });
  if (!readable) return finish(false);

  const sources = { ...options, valueFiles: [] };
  const loaded = loadValues(sources, inputs, read);
  const checked = checkValues(chart, loaded);
  issues.push(...checked.issues);
  // helm stops at a schema violation before any template runs; so do we.
  if (!checked.values || checked.issues.some((i) => i.rule === 'schema')) return finish(false);

  let rendered;
  try {
    // Coalesce warnings are findings already (values-check); the render need not say them again.
    rendered = renderChart(chart, { ...sources, inlineValues: inputs, readFile: read, warn: () => {} });
  } catch (e) {
    if (!(e instanceof RenderFailedError)) throw e;
    issues.push(...chartFailureIssues(chart.metadata.name, e.issues, loaded, checked.values));
    return finish(false);
  }
  issues.push(...(await checkManifests(rendered.docs, loaded, { kubeVersion: options.kubeVersion })));
  return finish(true);
}
