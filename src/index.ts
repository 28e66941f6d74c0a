// The public API: render a chart as `helm template` would. Library code never prints or exits.
import { getChart, CHART_NAMES, UnknownChartError } from './charts.js';
import { renderChart, type RenderOptions, type RenderResult } from './renderer/render.js';

export type { RenderOptions, RenderResult } from './renderer/render.js';
export type { SourcedDoc } from './renderer/serialize.js';
export { CHART_NAMES, UnknownChartError };
export { ChartFailure, RenderFailedError, SchemaValidationError, ReleaseNameError, ShowOnlyError } from './renderer/errors.js';
export { SetParseError } from './renderer/values/strvals.js';
export { ValuesFileError, ValuesShapeError } from './renderer/values/load.js';
export { YamlSyntaxError } from './renderer/values/yaml-read.js';
export { KubeVersionError } from './renderer/context.js';

/** Render one of the shipped charts (by name) with the given values and flags. */
export async function render(chart: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderChart(await getChart(chart), options);
}
