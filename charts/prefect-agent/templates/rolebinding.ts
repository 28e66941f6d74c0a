// templates/rolebinding.yaml: grants the agent Role to the agent's ServiceAccount.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { fullname, namespace, quoted, rbacApiVersion } from '../../../src/renderer/helpers/index.js';
import { inline, objectMetadata, serviceAccountName } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/rolebinding.yaml',
  render(ctx) {
    const name = inline(fullname(ctx));
    return {
      apiVersion: rbacApiVersion(ctx),
      kind: 'RoleBinding',
      metadata: objectMetadata(ctx, name),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: inline(serviceAccountName(ctx)), namespace: quoted(namespace(ctx)) }],
    };
  },
};
