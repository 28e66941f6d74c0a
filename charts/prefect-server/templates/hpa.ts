// templates/hpa.yaml: the server's HorizontalPodAutoscaler (never with SQLite, which runs one replica).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { deploymentApiVersion, fullname, isTrue, printed } from '../../../src/renderer/helpers/index.js';
import { objectMeta, val } from './helpers.js';

function utilization(resource: string, target: unknown): Record<string, unknown> {
  return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: printed(target) } } };
}

export const template: ChartTemplate = {
  path: 'templates/hpa.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'server.autoscaling.enabled'))) return null;
    // It scales on utilisation of the requests, so without requests there is nothing to measure.
    if (!isTrue(val(ctx, 'server.resources.requests')) || isTrue(val(ctx, 'sqlite.enabled'))) return null;
    const metrics: unknown[] = [];
    const cpu = val(ctx, 'server.autoscaling.targetCPU');
    if (isTrue(cpu)) metrics.push(utilization('cpu', cpu));
    const memory = val(ctx, 'server.autoscaling.targetMemory');
    if (isTrue(memory)) metrics.push(utilization('memory', memory));
    const name = printed(fullname(ctx));
    return {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      // The HPA carries no component label.
      metadata: objectMeta(ctx, name),
      spec: {
        scaleTargetRef: { apiVersion: deploymentApiVersion(ctx), kind: 'Deployment', name },
        minReplicas: printed(val(ctx, 'server.autoscaling.minReplicas')),
        maxReplicas: printed(val(ctx, 'server.autoscaling.maxReplicas')),
        metrics: metrics.length ? metrics : null,
      },
    };
  },
};
