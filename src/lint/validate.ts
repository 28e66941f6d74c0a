// `validate`: many values files against one chart, each on its own over the chart's defaults —
// syntax, duplicate keys, schema, unknown keys and the values rules; no render. The schema is
// compiled once (schema/validate caches per chart) and the key model is built once per chart.
import type { LoadedChart } from '../renderer/chart.js';
import type { LoadedValues } from '../renderer/values/load.js';
import type { ValueMap } from '../renderer/values/maps.js';
import { sortIssues, type LintIssue } from './issue.js';
import { applyOptions, type ReportOptions } from './options.js';
import { checkValues } from './values-check.js';
import { lintValuesText, type IgnoreMap } from './values-file.js';

export interface ValuesInput {
  /** The name messages use (the path as the user gave it). */
  file: string;
  text: string;
}

export interface ValidateResult {
  files: string[];
  /** Every finding, sorted by file and position. */
  issues: LintIssue[];
}

/** The raw findings for one values text (before --disable, ignore comments and --strict). */
export function validateText(chart: LoadedChart, file: string, text: string): { issues: LintIssue[]; ignores: IgnoreMap } {
  const linted = lintValuesText(file, text);
  if (!linted.parsed) return { issues: linted.issues, ignores: linted.ignores };
  const loaded: LoadedValues = { values: linted.parsed.data as ValueMap, files: [linted.parsed], flags: [] };
  const { issues } = checkValues(chart, loaded);
  return { issues: [...linted.issues, ...issues], ignores: linted.ignores };
}

export function validateValuesFiles(chart: LoadedChart, inputs: Iterable<ValuesInput>, options: ReportOptions = {}): ValidateResult {
  const files: string[] = [];
  const issues: LintIssue[] = [];
  for (const { file, text } of inputs) {
    files.push(file);
    const r = validateText(chart, file, text);
    issues.push(...applyOptions(r.issues, new Map([[file, r.ignores]]), options));
  }
  return { files, issues: sortIssues(issues) };
}
