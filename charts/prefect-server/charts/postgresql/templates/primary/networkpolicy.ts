// templates/primary/networkpolicy.yaml: who may reach the primary (and its metrics port).
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import type { RenderContext } from '../../../../../../src/renderer/context.js';
import { isTrue, matchLabels, withComponent, networkPolicyApiVersion, printed, tplValue } from '../../../../../../src/renderer/helpers/index.js';
import {
  at,
  eq,
  mergeWithCommon,
  metadata,
  primaryFullname,
  primarySelector,
  splicedList,
  type Obj,
} from '../helpers.js';

/** `- from: [namespaceSelector, podSelector]` for the selectors that are set. */
function from(ctx: RenderContext, rule: string[], path: string): Obj[] {
  const peers: Obj[] = [];
  const ns = at(ctx, ...rule, 'namespaceSelector');
  if (isTrue(ns)) peers.push({ namespaceSelector: { matchLabels: tplValue(ctx, ns, `${path}.namespaceSelector`) } });
  const pods = at(ctx, ...rule, 'podSelector');
  if (isTrue(pods)) peers.push({ podSelector: { matchLabels: tplValue(ctx, pods, `${path}.podSelector`) } });
  return peers;
}

export const template: ChartTemplate = {
  path: 'templates/primary/networkpolicy.yaml',
  render(ctx) {
    const np = ['networkPolicy'];
    const metricsRule = [...np, 'metrics'];
    const accessRule = [...np, 'ingressRules', 'primaryAccessOnlyFrom'];
    const accessOn = isTrue(at(ctx, ...accessRule, 'enabled'));
    if (!isTrue(at(ctx, ...np, 'enabled')) || !(isTrue(at(ctx, ...metricsRule, 'enabled')) || accessOn)) return null;
    const hasSelectors = (rule: string[]): boolean =>
      isTrue(at(ctx, ...rule, 'namespaceSelector')) || isTrue(at(ctx, ...rule, 'podSelector'));
    const ingress: unknown[] = [];
    if (isTrue(at(ctx, 'metrics', 'enabled')) && isTrue(at(ctx, ...metricsRule, 'enabled')) && hasSelectors(metricsRule)) {
      ingress.push({
        from: from(ctx, metricsRule, 'networkPolicy.metrics'),
        ports: [{ port: printed(at(ctx, 'metrics', 'containerPorts', 'metrics')) }],
      });
    }
    if (accessOn && hasSelectors(accessRule)) {
      ingress.push({
        from: from(ctx, accessRule, 'networkPolicy.ingressRules.primaryAccessOnlyFrom'),
        ports: [{ port: printed(at(ctx, 'containerPorts', 'postgresql')) }],
      });
    }
    if (accessOn && eq(ctx.Values.architecture, 'replication')) {
      const readLabels = mergeWithCommon(ctx, at(ctx, 'readReplicas', 'podLabels'), 'commonLabels', 'readReplicas.podLabels');
      ingress.push({
        from: [{ podSelector: { matchLabels: withComponent(matchLabels(ctx, readLabels), 'read') } }],
        ports: [{ port: printed(at(ctx, 'containerPorts', 'postgresql')) }],
      });
    }
    const custom = at(ctx, ...accessRule, 'customRules');
    return {
      apiVersion: networkPolicyApiVersion(ctx),
      kind: 'NetworkPolicy',
      metadata: metadata(ctx, `${primaryFullname(ctx)}-ingress`, 'primary'),
      spec: {
        podSelector: { matchLabels: primarySelector(ctx) },
        ingress: splicedList(ctx, ingress, custom, [], 'networkPolicy.ingressRules.primaryAccessOnlyFrom.customRules'),
      },
    };
  },
};
