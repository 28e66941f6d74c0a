// The shipped charts' data, compiled into the bundle by scripts/build.mjs: Chart.yaml and values.yaml
// as parsed data, values.schema.json, and its validator as ajv standalone code. The CLI then starts
// without reading or parsing any chart file, and without loading the YAML parser or ajv.
// charts/<name>/ stays the source of truth: in the sources (tests, tsx) this module holds nothing and
// charts are read from disk; the build replaces it with the generated data.
import type { ValidateFunction } from 'ajv';
import type { ChartMetadata } from './renderer/chart.js';

export interface EmbeddedChart {
  metadata: ChartMetadata;
  defaults: Record<string, unknown>;
  /** values.schema.json's text (parsed on first use). */
  schemaText?: string;
  /** Loads the schema's validator, compiled ahead of time (schemaForAjv + AJV_OPTIONS of src/schema/validate.ts). */
  loadValidate?: () => ValidateFunction;
  /** What a render with no user values prepares (LoadedChart.preparedDefaults), computed by the build. */
  preparedDefaults?: { values: Record<string, unknown>; warnings: string[] };
  /** By subchart name (charts/<name>/charts/<sub>/). */
  subcharts: Record<string, EmbeddedChart>;
}

/** Chart name → its embedded data; undefined when running from the sources. */
export const EMBEDDED: Readonly<Record<string, () => Promise<{ chart: EmbeddedChart }>>> | undefined = undefined;
