// templates/primary/servicemonitor.yaml: a Prometheus Operator ServiceMonitor for the exporter.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { dflt, isTrue, matchLabels, withComponent, printed, quoted, tplValue } from '../../../../../../src/renderer/helpers/index.js';
import { at, atUnder, commonAnnotations, labels, mergeWithCommon, primaryFullname, type Obj } from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/servicemonitor.yaml',
  render(ctx) {
    const sm = atUnder(ctx, 'metrics', 'serviceMonitor');
    if (!isTrue(at(ctx, 'metrics', 'enabled')) || !isTrue(sm('enabled'))) return null;
    const meta: Obj = {
      name: printed(primaryFullname(ctx)),
      namespace: quoted(dflt(ctx.Release.Namespace, sm('namespace'))),
      labels: labels(ctx, mergeWithCommon(ctx, sm('labels'), 'commonLabels', 'metrics.serviceMonitor.labels'), 'metrics'),
    };
    const annotations = commonAnnotations(ctx);
    if (annotations !== undefined) meta.annotations = annotations;
    const spec: Obj = {};
    if (isTrue(sm('jobLabel'))) spec.jobLabel = printed(sm('jobLabel'));
    const selector = mergeWithCommon(ctx, sm('selector'), 'commonLabels', 'metrics.serviceMonitor.selector');
    spec.selector = { matchLabels: withComponent(matchLabels(ctx, selector), 'metrics') };
    const endpoint: Obj = { port: 'http-metrics' };
    if (isTrue(sm('interval'))) endpoint.interval = printed(sm('interval'));
    if (isTrue(sm('scrapeTimeout'))) endpoint.scrapeTimeout = printed(sm('scrapeTimeout'));
    if (isTrue(sm('relabelings'))) endpoint.relabelings = tplValue(ctx, sm('relabelings'), 'metrics.serviceMonitor.relabelings');
    if (isTrue(sm('metricRelabelings'))) {
      endpoint.metricRelabelings = tplValue(ctx, sm('metricRelabelings'), 'metrics.serviceMonitor.metricRelabelings');
    }
    if (isTrue(sm('honorLabels'))) endpoint.honorLabels = printed(sm('honorLabels'));
    spec.endpoints = [endpoint];
    spec.namespaceSelector = { matchNames: [ctx.Release.Namespace] };
    return { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: meta, spec };
  },
};
