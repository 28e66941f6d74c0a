// templates/rolebinding.yaml: grants the agent Role to the agent's ServiceAccount.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { fullname, namespace, printed, quoted, rbacApiVersion } from '../../../src/renderer/helpers/index.js';
import { objectMetadata, serviceAccountName } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/rolebinding.yaml',
  render(ctx) {
    const name = printed(fullname(ctx));
    return {
      apiVersion: rbacApiVersion(ctx),
      kind: 'RoleBinding',
      metadata: objectMetadata(ctx, name),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: printed(serviceAccountName(ctx)), namespace: quoted(namespace(ctx)) }],
    };
  },
};
