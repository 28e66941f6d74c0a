// templates/serviceaccount.yaml: the worker's ServiceAccount, when the chart creates it.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  assignKeys,
  isTrue,
  printed,
  val,
} from '../../../src/renderer/helpers/index.js';
import { inlineText, mapBlock, serviceAccountName, tplBlock, workerMetadata, yamlErrorsLast } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/serviceaccount.yaml',
  render: yamlErrorsLast((ctx) => {
    if (!isTrue(val(ctx, 'serviceAccount.create'))) return null;
    const metadata = workerMetadata(ctx, inlineText(serviceAccountName(ctx), 2), printed(ctx.Chart.AppVersion));
    // commonAnnotations and the account's own annotations share one mapping; the latter win on a repeated key.
    const own = val(ctx, 'serviceAccount.annotations');
    if (isTrue(own)) {
      const annotations = assignKeys({}, mapBlock(metadata.annotations, 'commonAnnotations'));
      metadata.annotations = assignKeys(annotations, mapBlock(tplBlock(ctx, own, 'serviceAccount.annotations'), 'serviceAccount.annotations'));
    }
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata };
  }),
};
