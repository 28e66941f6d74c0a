// templates/rolebinding.yaml: binds the chart's Role to its ServiceAccount (rbac.create).
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { fullname, isTrue, printed, rbacApiVersion } from '../../../../../src/renderer/helpers/index.js';
import { at, metadata, serviceAccountName } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/rolebinding.yaml',
  render(ctx) {
    if (!isTrue(at(ctx, 'rbac', 'create'))) return null;
    return {
      kind: 'RoleBinding',
      apiVersion: rbacApiVersion(ctx),
      metadata: metadata(ctx, fullname(ctx)),
      roleRef: { kind: 'Role', name: printed(fullname(ctx)), apiGroup: 'rbac.authorization.k8s.io' },
      subjects: [{ kind: 'ServiceAccount', name: printed(serviceAccountName(ctx)), namespace: ctx.Release.Namespace }],
    };
  },
};
