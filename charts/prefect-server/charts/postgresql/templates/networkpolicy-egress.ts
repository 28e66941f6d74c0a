// templates/networkpolicy-egress.yaml: egress limited to DNS and the cluster, plus custom rules.
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { fullname, isTrue, matchLabels, networkPolicyApiVersion, printed } from '../../../../../src/renderer/helpers/index.js';
import { at, commonAnnotations, labels, splicedList, type Obj } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/networkpolicy-egress.yaml',
  render(ctx) {
    const deny = isTrue(at(ctx, 'networkPolicy', 'egressRules', 'denyConnectionsToExternal'));
    const custom = at(ctx, 'networkPolicy', 'egressRules', 'customRules');
    if (!isTrue(at(ctx, 'networkPolicy', 'enabled')) || !(deny || isTrue(custom))) return null;
    // This template writes the namespace unquoted.
    const meta: Obj = {
      name: printed(`${fullname(ctx)}-egress`),
      namespace: printed(ctx.Release.Namespace),
      labels: labels(ctx, ctx.Values.commonLabels),
    };
    const annotations = commonAnnotations(ctx);
    if (annotations !== undefined) meta.annotations = annotations;
    const egress: unknown[] = [];
    if (deny) {
      egress.push(
        { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
        { to: [{ namespaceSelector: {} }] },
      );
    }
    return {
      apiVersion: networkPolicyApiVersion(ctx),
      kind: 'NetworkPolicy',
      metadata: meta,
      spec: {
        podSelector: { matchLabels: matchLabels(ctx, isTrue(ctx.Values.commonLabels) ? ctx.Values.commonLabels : {}) },
        policyTypes: ['Egress'],
        egress: splicedList(ctx, egress, custom, [], 'networkPolicy.egressRules.customRules'),
      },
    };
  },
};
