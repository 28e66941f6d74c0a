// templates/serviceaccount.yaml: the exporter's ServiceAccount, when it is to be created.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, isTrue, yamlBlock } from '../../../src/renderer/helpers/index.js';
import { inlineText, metadata, serviceAccountName } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/serviceaccount.yaml',
  render(ctx) {
    const sa = ctx.Values.serviceAccount;
    if (!isTrue(field(sa, 'create'))) return null;
    const meta = metadata(ctx, inlineText(serviceAccountName(ctx), 2));
    const annotations = field(sa, 'annotations');
    if (isTrue(annotations)) meta.annotations = yamlBlock(annotations);
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta };
  },
};
