// templates/background-services-serviceaccount.yaml: the background services' own ServiceAccount.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { isTrue, printed } from '../../../src/renderer/helpers/index.js';
import { backgroundServicesServiceAccountName, serviceAccountMeta, val } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/background-services-serviceaccount.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'backgroundServices.serviceAccount.create'))) return null;
    if (!isTrue(val(ctx, 'backgroundServices.runAsSeparateDeployment'))) return null;
    return {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: serviceAccountMeta(
        ctx,
        printed(backgroundServicesServiceAccountName(ctx)),
        'background-services',
        'backgroundServices.serviceAccount.annotations',
      ),
    };
  },
};
