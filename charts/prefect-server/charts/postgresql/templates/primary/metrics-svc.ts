// templates/primary/metrics-svc.yaml: the Service in front of the exporter (metrics.enabled).
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { isTrue, printed } from '../../../../../../src/renderer/helpers/index.js';
import {
  at,
  labels,
  mergedAnnotations,
  primaryFullname,
  primarySelector,
  type Obj,
} from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/metrics-svc.yaml',
  render(ctx) {
    if (!isTrue(at(ctx, 'metrics', 'enabled'))) return null;
    const meta: Obj = {
      name: printed(`${primaryFullname(ctx)}-metrics`),
      namespace: ctx.Release.Namespace,
      labels: labels(ctx, ctx.Values.commonLabels, 'metrics'),
    };
    const annotations = mergedAnnotations(ctx, at(ctx, 'metrics', 'service', 'annotations'), 'metrics.service.annotations');
    if (annotations !== undefined) meta.annotations = annotations;
    const spec: Obj = { type: 'ClusterIP', sessionAffinity: printed(at(ctx, 'metrics', 'service', 'sessionAffinity')) };
    const clusterIP = at(ctx, 'metrics', 'service', 'clusterIP');
    if (isTrue(clusterIP)) spec.clusterIP = printed(clusterIP);
    spec.ports = [
      { name: 'http-metrics', port: printed(at(ctx, 'metrics', 'service', 'ports', 'metrics')), targetPort: 'http-metrics' },
    ];
    spec.selector = primarySelector(ctx);
    return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec };
  },
};
