// templates/prometheusrule.yaml: a Prometheus Operator PrometheusRule. Alert texts keep their
// `{{ $labels }}`/`{{ $value }}` placeholders: the chart writes the rules with toYaml, not tpl.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, fullname, isTrue, yamlBlock } from '../../../src/renderer/helpers/index.js';
import { inlineText, metadata, withExtraLabels } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/prometheusrule.yaml',
  render(ctx) {
    const pr = ctx.Values.prometheusRule;
    if (!isTrue(field(pr, 'enabled'))) return null;
    const meta = metadata(ctx);
    meta.labels = withExtraLabels(meta.labels, field(pr, 'additionalLabels'));
    const rules = field(pr, 'rules');
    return {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: meta,
      spec: isTrue(rules) ? { groups: [{ name: inlineText(fullname(ctx), 6), rules: yamlBlock(rules) }] } : null,
    };
  },
};
