// Step 1 of render: a chart's metadata, defaults and schema from charts/<name>/, paired with its
// TypeScript templates; subcharts from charts/<name>/charts/<sub>/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartMetadata, ChartModule, LoadedChart } from './chart.js';
import { deepFreeze } from './values/maps.js';
import { readYaml } from './values/yaml-read.js';
import { yamlLib } from './yaml-lib.js';

export class ChartLoadError extends Error {
  readonly code = 'CHART_LOAD';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ChartLoadError(file, 'cannot be read');
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function loadChart(dir: string, module: ChartModule): LoadedChart {
  const metadata = yamlLib().parse(readText(join(dir, 'Chart.yaml'))) as ChartMetadata;
  const valuesFile = join(dir, 'values.yaml');
  const valuesText = readText(valuesFile);
  const defaults = (readYaml(valuesText, valuesFile).data ?? {}) as Record<string, unknown>;
  // Renders share the defaults (coalesce copies only what it changes): frozen, nothing can change them.
  deepFreeze(defaults);
  const schemaText = readOptional(join(dir, 'values.schema.json'));
  let schema: Record<string, unknown> | undefined;
  if (schemaText !== undefined) {
    try {
      schema = JSON.parse(schemaText) as Record<string, unknown>;
    } catch (e) {
      throw new ChartLoadError(join(dir, 'values.schema.json'), `invalid JSON: ${(e as Error).message}`);
    }
  }
  const subcharts = (module.subcharts ?? []).map((s) => ({
    name: s.name,
    condition: s.condition,
    chart: loadChart(join(dir, 'charts', s.name), s.module),
  }));
  return { dir, metadata, defaults, valuesText, schema, module, subcharts };
}
