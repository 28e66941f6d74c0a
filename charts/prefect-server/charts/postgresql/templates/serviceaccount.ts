// templates/serviceaccount.yaml: the pod's ServiceAccount (serviceAccount.create).
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { isTrue, printed } from '../../../../../src/renderer/helpers/index.js';
import { at, labels, mergedAnnotations, serviceAccountName, type Obj } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/serviceaccount.yaml',
  render(ctx) {
    if (!isTrue(at(ctx, 'serviceAccount', 'create'))) return null;
    const meta: Obj = {
      name: printed(serviceAccountName(ctx)),
      namespace: ctx.Release.Namespace,
      labels: labels(ctx, ctx.Values.commonLabels),
    };
    const annotations = mergedAnnotations(ctx, at(ctx, 'serviceAccount', 'annotations'), 'serviceAccount.annotations');
    if (annotations !== undefined) meta.annotations = annotations;
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: meta,
      automountServiceAccountToken: printed(at(ctx, 'serviceAccount', 'automountServiceAccountToken')),
    };
  },
};
