// templates/servicemonitor.yaml: a Prometheus Operator ServiceMonitor (rendered whether or not the
// cluster serves monitoring.coreos.com/v1, as upstream does).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, isTrue, matchLabels, quoted, yamlBlock } from '../../../src/renderer/helpers/index.js';
import { metadata, withExtraLabels } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/servicemonitor.yaml',
  render(ctx) {
    const sm = ctx.Values.serviceMonitor;
    if (!isTrue(field(sm, 'enabled'))) return null;
    const endpoint: Record<string, unknown> = {
      port: 'http',
      interval: quoted(field(sm, 'interval')),
      scrapeTimeout: quoted(field(sm, 'scrapeTimeout')),
    };
    for (const key of ['metricRelabelings', 'relabelings']) {
      if (isTrue(field(sm, key))) endpoint[key] = yamlBlock(field(sm, key));
    }
    const meta = metadata(ctx);
    meta.labels = withExtraLabels(meta.labels, field(sm, 'additionalLabels'));
    return {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: meta,
      spec: {
        jobLabel: ctx.Release.Name,
        selector: { matchLabels: matchLabels(ctx) },
        endpoints: [endpoint],
      },
    };
  },
};
