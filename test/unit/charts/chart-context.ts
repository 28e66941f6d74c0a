// A render context for unit-testing one chart's helpers without loading the chart from disk.
import type { CommonVersion, LoadedChart } from '../../../src/renderer/chart.js';
import { makeCapabilities, makeContext, type RenderContext } from '../../../src/renderer/context.js';

export interface ChartContextOptions {
  chart: string;
  appVersion: string;
  commonVersion: CommonVersion;
  release?: string;
  namespace?: string;
  kubeVersion?: string;
}

export function chartContext(values: Record<string, unknown>, o: ChartContextOptions): RenderContext {
  const chart = {
    dir: '',
    metadata: { apiVersion: 'v2', name: o.chart, version: '0.0.0', appVersion: o.appVersion },
    defaults: {},
    valuesText: '',
    module: { commonVersion: o.commonVersion, templates: [] },
    subcharts: [],
  } as LoadedChart;
  return makeContext({
    chart,
    values,
    release: { Name: o.release ?? o.chart, Namespace: o.namespace ?? 'default', IsInstall: true, IsUpgrade: false, Revision: 1n, Service: 'Helm' },
    capabilities: makeCapabilities(o.kubeVersion),
    basePath: `${o.chart}/templates`,
    isRoot: true,
    include: () => undefined,
  });
}
