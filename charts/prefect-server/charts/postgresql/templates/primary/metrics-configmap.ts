// templates/primary/metrics-configmap.yaml: the exporter's extra queries (metrics.customMetrics).
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { isTrue, quoted, toYaml } from '../../../../../../src/renderer/helpers/index.js';
import { at, metadata, primaryFullname } from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/metrics-configmap.yaml',
  render(ctx) {
    const custom = at(ctx, 'metrics', 'customMetrics');
    if (!isTrue(at(ctx, 'metrics', 'enabled')) || !isTrue(custom)) return null;
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(ctx, `${primaryFullname(ctx)}-metrics`),
      data: { 'custom-metrics.yaml': quoted(toYaml(custom)) },
    };
  },
};
