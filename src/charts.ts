// The charts this tool ships, by name. Modules load lazily so a command pays only for the chart it uses.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChartModule, LoadedChart } from './renderer/chart.js';
import { loadChart } from './renderer/load-chart.js';

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

/** The directory holding charts/: found by walking up from this module (src/ in tests, dist/ when bundled). */
export function chartsRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'charts', 'prometheus-prefect-exporter', 'Chart.yaml'))) return join(dir, 'charts');
    dir = dirname(dir);
  }
  throw new Error('cannot find the charts/ directory next to prefect-charts');
}

const cache = new Map<string, LoadedChart>();

export async function getChart(name: string): Promise<LoadedChart> {
  const hit = cache.get(name);
  if (hit) return hit;
  const load = Object.hasOwn(MODULES, name) ? MODULES[name] : undefined;
  if (!load) throw new UnknownChartError(name);
  const { chart, deprecation } = await load();
  const loaded = { ...loadChart(join(chartsRoot(), name), chart), deprecation };
  cache.set(name, loaded);
  return loaded;
}
