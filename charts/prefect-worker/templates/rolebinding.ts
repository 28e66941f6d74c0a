// templates/rolebinding.yaml: binds the worker Role to the worker's ServiceAccount.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  fullname,
  isTrue,
  namespace,
  printed,
  val,
} from '../../../src/renderer/helpers/index.js';
import { inlineText, RBAC_API_VERSION, serviceAccountName, workerMetadata, yamlErrorsLast } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/rolebinding.yaml',
  render: yamlErrorsLast((ctx) => {
    if (!isTrue(val(ctx, 'rolebinding.create'))) return null;
    const name = inlineText(fullname(ctx), 2);
    return {
      apiVersion: RBAC_API_VERSION,
      kind: 'RoleBinding',
      metadata: workerMetadata(ctx, name, printed(ctx.Chart.AppVersion)),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: inlineText(serviceAccountName(ctx), 4), namespace: namespace(ctx) }],
    };
  }),
};
