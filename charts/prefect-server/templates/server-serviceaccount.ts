// templates/server-serviceaccount.yaml: the server's ServiceAccount.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { isTrue, printed } from '../../../src/renderer/helpers/index.js';
import { serverServiceAccountName, serviceAccountMeta, val } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/server-serviceaccount.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'serviceAccount.create'))) return null;
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serviceAccountMeta(ctx, printed(serverServiceAccountName(ctx)), 'server', 'serviceAccount.annotations'),
    };
  },
};
