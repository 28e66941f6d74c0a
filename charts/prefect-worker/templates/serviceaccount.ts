// templates/serviceaccount.yaml: the worker's ServiceAccount, when the chart creates it.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  isTrue,
  printed,
  tplValue,
  val,
} from '../../../src/renderer/helpers/index.js';
import { mapBlock, serviceAccountName, workerMetadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/serviceaccount.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'serviceAccount.create'))) return null;
    const metadata = workerMetadata(ctx, printed(serviceAccountName(ctx)), printed(ctx.Chart.AppVersion));
    // commonAnnotations and the account's own annotations share one mapping; the latter win on a repeated key.
    const own = val(ctx, 'serviceAccount.annotations');
    if (isTrue(own)) {
      metadata.annotations = {
        ...mapBlock(metadata.annotations, 'commonAnnotations'),
        ...mapBlock(tplValue(ctx, own, 'serviceAccount.annotations'), 'serviceAccount.annotations'),
      };
    }
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata };
  },
};
