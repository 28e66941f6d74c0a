// templates/primary/svc.yaml: the Service clients (prefect-server) connect to.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { empty, isTrue, printed, quoted, toJson, tplValue, yamlFromText } from '../../../../../../src/renderer/helpers/index.js';
import {
  at,
  atUnder,
  eq,
  labels,
  mergedAnnotations,
  primaryFullname,
  primarySelector,
  renderedItems,
  servicePort,
  type Obj,
} from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/svc.yaml',
  render(ctx) {
    const svc = atUnder(ctx, 'primary', 'service');
    const meta: Obj = {
      name: printed(primaryFullname(ctx)),
      namespace: ctx.Release.Namespace,
      labels: labels(ctx, ctx.Values.commonLabels, 'primary'),
    };
    const annotations = mergedAnnotations(ctx, svc('annotations'), 'primary.service.annotations');
    if (annotations !== undefined) meta.annotations = annotations;
    const type = svc('type');
    const isLoadBalancer = eq(type, 'LoadBalancer');
    const isNodePort = eq(type, 'NodePort');
    const isClusterIP = eq(type, 'ClusterIP');
    const spec: Obj = { type: printed(type) };
    if (isLoadBalancer || isNodePort) spec.externalTrafficPolicy = quoted(svc('externalTrafficPolicy'));
    if (isLoadBalancer && !empty(svc('loadBalancerSourceRanges'))) {
      // written with toJson: a flow sequence
      spec.loadBalancerSourceRanges = yamlFromText(toJson(svc('loadBalancerSourceRanges')));
    }
    if (isLoadBalancer && !empty(svc('loadBalancerIP'))) spec.loadBalancerIP = printed(svc('loadBalancerIP'));
    if (isTrue(svc('clusterIP')) && isClusterIP) spec.clusterIP = printed(svc('clusterIP'));
    if (isTrue(svc('sessionAffinity'))) spec.sessionAffinity = printed(svc('sessionAffinity'));
    if (isTrue(svc('sessionAffinityConfig'))) {
      spec.sessionAffinityConfig = tplValue(ctx, svc('sessionAffinityConfig'), 'primary.service.sessionAffinityConfig');
    }
    const port: Obj = { name: 'tcp-postgresql', port: printed(servicePort(ctx)), targetPort: 'tcp-postgresql' };
    const nodePort = svc('nodePorts', 'postgresql');
    if ((isNodePort || isLoadBalancer) && !empty(nodePort)) port.nodePort = printed(nodePort);
    else if (isClusterIP) port.nodePort = null;
    const ports: unknown[] = [port];
    if (isTrue(svc('extraPorts'))) ports.push(...renderedItems(ctx, svc('extraPorts'), 'primary.service.extraPorts'));
    spec.ports = ports;
    spec.selector = primarySelector(ctx);
    return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec };
  },
};
