// templates/service.yaml: the Service in front of the server pods.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { componentSelector, empty, fullname, isTrue, namespace, printed, quoted } from '../../../src/renderer/helpers/index.js';
import { annotationBlocks, at, goEq, objectLabels, rangeItems, val } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/service.yaml',
  render(ctx) {
    const type = val(ctx, 'service.type');
    const isType = (t: string): boolean => goEq(type, t, 'service.type');
    const metadata: Record<string, unknown> = {
      name: printed(fullname(ctx)),
      namespace: quoted(namespace(ctx)),
      labels: objectLabels(ctx, 'server'),
    };
    if (isTrue(val(ctx, 'service.annotations')) || isTrue(ctx.Values.commonAnnotations)) {
      // commonAnnotations come second and win on a repeated key.
      metadata.annotations = annotationBlocks(ctx, 'service.annotations', 'commonAnnotations');
    }
    const spec: Record<string, unknown> = { type: printed(type) };
    const clusterIP = val(ctx, 'service.clusterIP');
    if (isTrue(clusterIP) && isType('ClusterIP')) spec.clusterIP = printed(clusterIP);
    if (isType('NodePort')) spec.externalTrafficPolicy = quoted(val(ctx, 'service.externalTrafficPolicy'));
    const main: Record<string, unknown> = {
      name: 'server-svc-port',
      port: printed(val(ctx, 'service.port')),
      protocol: 'TCP',
      targetPort: printed(val(ctx, 'service.targetPort')),
    };
    const nodePort = val(ctx, 'service.nodePort');
    if ((isType('NodePort') || isType('LoadBalancer')) && !empty(nodePort)) main.nodePort = printed(nodePort);
    else if (isType('ClusterIP')) main.nodePort = null;
    const ports: unknown[] = [main];
    for (const extra of rangeItems(val(ctx, 'service.extraPorts'), 'service.extraPorts')) {
      const port: Record<string, unknown> = {
        name: printed(at(extra, 'name')),
        protocol: 'TCP',
        port: printed(at(extra, 'port')),
        targetPort: printed(at(extra, 'targetPort')),
      };
      // Extra ports get their nodePort only on a NodePort Service (not a LoadBalancer).
      if (isType('NodePort') && !empty(at(extra, 'nodePort'))) port.nodePort = printed(at(extra, 'nodePort'));
      else if (isType('ClusterIP')) port.nodePort = null;
      ports.push(port);
    }
    spec.ports = ports;
    spec.selector = componentSelector(ctx, 'server');
    return { apiVersion: 'v1', kind: 'Service', metadata, spec };
  },
};
