// templates/hpa.yaml: a HorizontalPodAutoscaler (always autoscaling/v2) when autoscaling is enabled.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, fullname, isTrue } from '../../../src/renderer/helpers/index.js';
import { inline, inlineText, metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/hpa.yaml',
  render(ctx) {
    const a = ctx.Values.autoscaling;
    if (!isTrue(field(a, 'enabled'))) return null;
    const metrics: unknown[] = [];
    for (const [resource, key] of [['cpu', 'targetCPUUtilizationPercentage'], ['memory', 'targetMemoryUtilizationPercentage']]) {
      const target = field(a, key);
      if (isTrue(target)) metrics.push({ type: 'Resource', resource: { name: resource, targetAverageUtilization: inline(target, 8) } });
    }
    return {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: metadata(ctx),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: inlineText(fullname(ctx), 4) },
        minReplicas: inline(field(a, 'minReplicas'), 2),
        maxReplicas: inline(field(a, 'maxReplicas'), 2),
        metrics: metrics.length ? metrics : null,
      },
    };
  },
};
