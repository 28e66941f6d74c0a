// templates/role.yaml: a Role for the ServiceAccount (rbac.create), with PSP use where PSP exists.
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { fullname, isTrue, kubeVersion, printed, rbacApiVersion, versionBelow } from '../../../../../src/renderer/helpers/index.js';
import { at, metadata, splicedList } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/role.yaml',
  render(ctx) {
    if (!isTrue(at(ctx, 'rbac', 'create'))) return null;
    const rules: unknown[] = [];
    if (versionBelow(kubeVersion(ctx), 1, 25) && isTrue(at(ctx, 'psp', 'create'))) {
      rules.push({
        apiGroups: ['policy'],
        resources: ['podsecuritypolicies'],
        verbs: ['use'],
        resourceNames: [printed(fullname(ctx))],
      });
    }

    return {
      kind: 'Role',
      apiVersion: rbacApiVersion(ctx),
      metadata: metadata(ctx, fullname(ctx)),
      rules: splicedList(ctx, rules, at(ctx, 'rbac', 'rules'), [], 'rbac.rules'),
    };
  },
};
