// templates/prometheusrule.yaml: alerting rules for the exporter's metrics (Prometheus Operator).
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { dflt, fullname, isTrue, printed, quoted, tplValue } from '../../../../../src/renderer/helpers/index.js';
import { at, atUnder, commonAnnotations, labels, mergeWithCommon, type Obj } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/prometheusrule.yaml',
  render(ctx) {
    const pr = atUnder(ctx, 'metrics', 'prometheusRule');
    if (!isTrue(at(ctx, 'metrics', 'enabled')) || !isTrue(pr('enabled'))) return null;
    const meta: Obj = {
      name: printed(fullname(ctx)),
      namespace: quoted(dflt(ctx.Release.Namespace, pr('namespace'))),
      labels: labels(ctx, mergeWithCommon(ctx, pr('labels'), 'commonLabels', 'metrics.prometheusRule.labels'), 'metrics'),
    };
    const annotations = commonAnnotations(ctx);
    if (annotations !== undefined) meta.annotations = annotations;
    return {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: meta,
      spec: { groups: [{ name: printed(fullname(ctx)), rules: tplValue(ctx, pr('rules'), 'metrics.prometheusRule.rules') }] },
    };
  },
};
