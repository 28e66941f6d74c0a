// `lint`: validate the values (as `validate` does, over every -f file and --set flag together),
// render, map the chart's own failures back to values, then check the rendered manifests.
import type { LoadedChart } from '../renderer/chart.js';
import { RenderFailedError } from '../renderer/errors.js';
import { renderChart, type RenderOptions, type RenderResult } from '../renderer/render.js';
import { defaultReader, loadValues, type InlineValues, type LoadedValues, type TextReader } from '../renderer/values/load.js';
import { isMap, setKey, type ValueMap } from '../renderer/values/maps.js';
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

  const rendered = renderAll(chart, sources, inputs, read, loaded, checked.values, issues);
  // A removed setting is also a key the chart no longer knows: its own message says more.
  const failed = new Set(issues.filter((i) => i.severity === 'error' && i.rule !== 'unknown-key').map((i) => i.path));
  for (let n = issues.length - 1; n >= 0; n--) if (issues[n].rule === 'unknown-key' && failed.has(issues[n].path)) issues.splice(n, 1);
  if (!rendered) return finish(false);
  issues.push(...(await checkManifests(rendered.docs, loaded, { kubeVersion: options.kubeVersion })));
  return finish(true);
}

/** Stands in for a value the chart requires, so the next render gets past that check. */
const PLACEHOLDER = 'prefect-charts-lint-placeholder';

function setPath(m: ValueMap, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = m;
  for (const p of parts.slice(0, -1)) {
    if (!isMap(cur[p])) setKey(cur, p, {});
    cur = cur[p] as ValueMap;
  }
  setKey(cur, parts[parts.length - 1], value);
}

/**
 * Render, collecting the chart's failures. A template stops at its first `fail`, so one render shows
 * one problem per template; to report them all at once, each failure's value is patched (a removed
 * setting dropped, a required one filled with a placeholder) and the chart rendered again, until it
 * renders or no failure names a new value. Returns the result only when the user's own values render.
 */
function renderAll(
  chart: LoadedChart,
  sources: RenderOptions,
  inputs: InlineValues[],
  read: TextReader,
  loaded: LoadedValues,
  values: ValueMap,
  issues: LintIssue[],
): RenderResult | undefined {
  const patch: ValueMap = {};
  const paths = new Set<string>();
  const messages = new Set<string>();
  for (let round = 0; round < 10; round++) {
    const patched = round ? [...inputs, { file: '(lint)', text: JSON.stringify(patch) }] : inputs;
    try {
      // Coalesce warnings are findings already (values-check); the render need not say them again.
      const result = renderChart(chart, { ...sources, inlineValues: patched, readFile: read, warn: () => {} });
      return round ? undefined : result;
    } catch (e) {
      if (!(e instanceof RenderFailedError)) throw e;
      let progressed = false;
      for (const f of chartFailureIssues(chart.metadata.name, e.issues, loaded, values)) {
        // A patched value may fail in another way (a placeholder is no version): not the user's problem.
        if (messages.has(f.message) || (f.path && paths.has(f.path))) continue;
        messages.add(f.message);
        issues.push(f);
        if (!f.path) continue;
        paths.add(f.path);
        setPath(patch, f.path, f.rule === 'removed-setting' ? null : PLACEHOLDER);
        progressed = true;
      }
      if (!progressed) return undefined;
    }
  }
  return undefined;
}
