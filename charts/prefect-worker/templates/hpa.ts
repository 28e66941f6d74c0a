// templates/hpa.yaml: a HorizontalPodAutoscaler for the worker Deployment (always autoscaling/v2).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  fullname,
  isTrue,
  printed,
  val,
} from '../../../src/renderer/helpers/index.js';
import { DEPLOYMENT_API_VERSION, workerMetadata } from './helpers.js';

function utilization(resource: string, target: unknown): Record<string, unknown> {
  return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: printed(target) } } };
}

export const template: ChartTemplate = {
  path: 'templates/hpa.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'worker.autoscaling.enabled'))) return null;
    const name = printed(fullname(ctx));
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
        scaleTargetRef: { apiVersion: DEPLOYMENT_API_VERSION, kind: 'Deployment', name },
        minReplicas: printed(val(ctx, 'worker.autoscaling.minReplicas')),
        maxReplicas: printed(val(ctx, 'worker.autoscaling.maxReplicas')),
        // With neither target, `metrics:` is left without items: null.
        metrics: metrics.length ? metrics : null,
      },
    };
  },
};
