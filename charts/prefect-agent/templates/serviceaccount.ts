// templates/serviceaccount.yaml: the agent's ServiceAccount, unless an existing one is used.
import type { ChartTemplate, Manifest } from '../../../src/renderer/chart.js';
import {
  isTrue,
  namespace,
  quoted,
  val,
} from '../../../src/renderer/helpers/index.js';
import { inline, mergeRendered, objectLabels, renderedBlockIf, renderedIf, serviceAccountName } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/serviceaccount.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'serviceAccount.create'))) return null;
    const labels = objectLabels(ctx);
    mergeRendered(labels, renderedBlockIf(ctx, 'commonLabels'), 'commonLabels');
    const metadata: Manifest = { name: inline(serviceAccountName(ctx)), namespace: quoted(namespace(ctx)), labels };
    // Both annotation sources are written under one `annotations:` key; a later key wins.
    if (isTrue(val(ctx, 'serviceAccount.annotations')) || isTrue(val(ctx, 'commonAnnotations'))) {
      const annotations: Manifest = {};
      let any = false;
      // With both set, each must be a block to share the mapping; alone, either is the whole value.
      const both = isTrue(val(ctx, 'serviceAccount.annotations')) && isTrue(val(ctx, 'commonAnnotations'));
      for (const path of ['commonAnnotations', 'serviceAccount.annotations']) {
        const rendered = both ? renderedBlockIf(ctx, path) : renderedIf(ctx, path);
        if (rendered !== null) any = true;
        mergeRendered(annotations, rendered, path);
      }
      metadata.annotations = any ? annotations : null;
    }
    return { apiVersion: 'v1', kind: 'ServiceAccount', metadata };
  },
};
