// The public API: render a chart as `helm template` would, and write its README as helm-docs would.
// Library code never prints or exits.
import { join } from 'node:path';
import { CHART_NAMES, chartsRoot, getChart, UnknownChartError } from './charts.js';
import type { GeneratedReadme } from './docs/index.js';
import type { LintOptions, LintResult } from './lint/lint.js';
import type { ValidateResult, ValuesInput } from './lint/validate.js';
import type { ReportOptions } from './lint/options.js';
import { renderChart, type RenderOptions, type RenderResult } from './renderer/render.js';

export type { RenderOptions, RenderResult } from './renderer/render.js';
export type { SourcedDoc } from './renderer/serialize.js';
export type { GeneratedReadme } from './docs/index.js';
export type { LintOptions, LintResult } from './lint/lint.js';
export type { ValidateResult, ValuesInput } from './lint/validate.js';
export type { LintIssue } from './lint/issue.js';
export { CHART_NAMES, UnknownChartError };
export { ChartFailure, RenderFailedError, SchemaValidationError, ReleaseNameError, ShowOnlyError } from './renderer/errors.js';
export { SetParseError } from './renderer/values/strvals.js';
export { ValuesFileError, ValuesShapeError } from './renderer/values/load.js';
export { YamlSyntaxError } from './renderer/values/yaml-read.js';
export { KubeVersionError } from './renderer/context.js';
export { DocsError } from './docs/errors.js';

/** Render one of the shipped charts (by name) with the given values and flags. */
export async function render(chart: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderChart(await getChart(chart), options);
}

// lint, validate and docs load on first use, so importing the API for render() stays cheap.

/** The README helm-docs would write for a chart: one of ours by name, or any chart directory by path. */
export async function generateDocs(chart: string): Promise<GeneratedReadme> {
  const { generateReadme } = await import('./docs/index.js');
  return generateReadme(CHART_NAMES.includes(chart) ? join(chartsRoot(), chart) : chart);
}

/** Validate, render and check a chart's manifests: every finding at once, with positions. */
export async function lint(chart: string, options: LintOptions = {}): Promise<LintResult> {
  const { lintChart } = await import('./lint/lint.js');
  return lintChart(await getChart(chart), options);
}

/** Validate many values files against a chart's schema (the schema is compiled once). */
export async function validate(chart: string, inputs: Iterable<ValuesInput>, options: ReportOptions = {}): Promise<ValidateResult> {
  const { validateValuesFiles } = await import('./lint/validate.js');
  return validateValuesFiles(await getChart(chart), inputs, options);
}
