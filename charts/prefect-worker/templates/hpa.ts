// templates/hpa.yaml: a HorizontalPodAutoscaler for the worker Deployment (always autoscaling/v2).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  fullname,
  isTrue,
  printed,
  val,
} from '../../../src/renderer/helpers/index.js';
import { DEPLOYMENT_API_VERSION, inline, inlineText, workerMetadata, yamlErrorsLast } from './helpers.js';

function utilization(resource: string, target: unknown): Record<string, unknown> {
  return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: inline(target, 10) } } };
}

export const template: ChartTemplate = {
  path: 'templates/hpa.yaml',
  render: yamlErrorsLast((ctx) => {
    if (!isTrue(val(ctx, 'worker.autoscaling.enabled'))) return null;
    const name = inlineText(fullname(ctx), 2);
    const metadata = workerMetadata(ctx, name, printed(ctx.Chart.AppVersion));
    const cpu = val(ctx, 'worker.autoscaling.targetCPUUtilizationPercentage');
    const memory = val(ctx, 'worker.autoscaling.targetMemoryUtilizationPercentage');
    const metrics: unknown[] = [];
    if (isTrue(cpu)) metrics.push(utilization('cpu', cpu));
    if (isTrue(memory)) metrics.push(utilization('memory', memory));
    return {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: DEPLOYMENT_API_VERSION, kind: 'Deployment', name: inlineText(fullname(ctx), 4) },
        minReplicas: inline(val(ctx, 'worker.autoscaling.minReplicas'), 2),
        maxReplicas: inline(val(ctx, 'worker.autoscaling.maxReplicas'), 2),
        // With neither target, `metrics:` is left without items: null.
        metrics: metrics.length ? metrics : null,
      },
    };
  }),
};
