// The charts this tool ships, by name. Modules load lazily so a command pays only for the chart it uses.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMBEDDED, type EmbeddedChart } from './embedded-charts.js';
import type { ChartModule, LoadedChart } from './renderer/chart.js';
import { ChartLoadError, loadChart } from './renderer/load-chart.js';
import { deepFreeze } from './renderer/values/maps.js';
import { registerCompiledSchema } from './schema/validate.js';

/** Each chart module exports `chart`, and `deprecation` (a one-line notice) when the chart is deprecated. */
const MODULES: Record<string, () => Promise<{ chart: ChartModule; deprecation?: string }>> = {
  'prefect-agent': () => import('../charts/prefect-agent/index.js'),
  'prefect-server': () => import('../charts/prefect-server/index.js'),
  'prefect-worker': () => import('../charts/prefect-worker/index.js'),
  'prometheus-prefect-exporter': () => import('../charts/prometheus-prefect-exporter/index.js'),
};

export const CHART_NAMES: readonly string[] = Object.keys(MODULES).sort();

/** A chart name that is not one of ours: a usage error (exit 2), like an unknown flag. */
export class UnknownChartError extends Error {
  readonly code = 'USAGE';
  constructor(readonly chart: string) {
    super(`unknown chart "${chart}": expected one of ${CHART_NAMES.join(', ')}`);
  }
}

let root: string | undefined;

/** The directory holding charts/: found by walking up from this module (src/ in tests, dist/ when bundled). */
export function chartsRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'charts', 'prometheus-prefect-exporter', 'Chart.yaml'))) return (root = join(dir, 'charts'));
    dir = dirname(dir);
  }
  throw new Error('cannot find the charts/ directory next to prefect-charts');
}

const cache = new Map<string, LoadedChart>();

function moduleLoader(name: string): () => Promise<{ chart: ChartModule; deprecation?: string }> {
  const load = Object.hasOwn(MODULES, name) ? MODULES[name] : undefined;
  if (!load) throw new UnknownChartError(name);
  return load;
}

export async function getChart(name: string): Promise<LoadedChart> {
  const hit = cache.get(name);
  if (hit) return hit;
  const load = moduleLoader(name);
  const embedded = EMBEDDED && Object.hasOwn(EMBEDDED, name) ? EMBEDDED[name] : undefined;
  const [{ chart, deprecation }, data] = await Promise.all([load(), embedded?.()]);
  // Not a spread of fromEmbedded's result: that would call its lazy getters (and read files).
  const loaded: LoadedChart = data
    ? fromEmbedded(() => join(chartsRoot(), name), data.chart, chart, deprecation)
    : { ...loadChart(join(chartsRoot(), name), chart), deprecation };
  cache.set(name, loaded);
  return loaded;
}

/** A chart as read from charts/<name>/ (what the build embeds). `charts` defaults to chartsRoot(). */
export async function readChart(name: string, charts = chartsRoot()): Promise<LoadedChart> {
  const { chart } = await moduleLoader(name)();
  return loadChart(join(charts, name), chart);
}

/**
 * A LoadedChart from embedded data. `dir` and `valuesText` (for docs and messages, never read by
 * render) are looked up on first use, so rendering touches no chart file; `schema` is parsed on
 * first use.
 */
function fromEmbedded(dirOf: () => string, data: EmbeddedChart, module: ChartModule, deprecation?: string): LoadedChart {
  let dir: string | undefined;
  let valuesText: string | undefined;
  let schema: Record<string, unknown> | undefined;
  let defaults: Record<string, unknown> | undefined;
  const subcharts = (module.subcharts ?? []).map((s) => {
    const sub = Object.hasOwn(data.subcharts, s.name) ? data.subcharts[s.name] : undefined;
    if (!sub) throw new Error(`embedded chart data lacks subchart ${s.name}; rebuild with npm run build`);
    return { name: s.name, condition: s.condition, chart: fromEmbedded(() => join(dirOf(), 'charts', s.name), sub, s.module) };
  });
  return {
    get dir() {
      return (dir ??= dirOf());
    },
    get valuesText() {
      if (valuesText === undefined) {
        const file = join(this.dir, 'values.yaml');
        try {
          valuesText = readFileSync(file, 'utf8');
        } catch {
          throw new ChartLoadError(file, 'cannot be read');
        }
      }
      return valuesText;
    },
    // Parsed on first use: a render whose values the build already checked never needs it.
    get schema() {
      if (schema === undefined && data.schemaText !== undefined) {
        schema = JSON.parse(data.schemaText) as Record<string, unknown>;
        if (data.loadValidate) registerCompiledSchema(schema, data.loadValidate);
      }
      return schema;
    },
    metadata: data.metadata,
    // Read (and parsed) on first use: a render without values takes the prepared defaults instead.
    // Renders share them (coalesce copies only what it changes): frozen, nothing can change them.
    get defaults() {
      if (defaults === undefined) {
        defaults = data.defaults;
        deepFreeze(defaults);
      }
      return defaults;
    },
    // Read on first use: a render with values never needs them.
    get preparedDefaults() {
      return data.preparedDefaults;
    },
    validator: data.loadValidate,
    module,
    subcharts,
    deprecation,
  };
}
