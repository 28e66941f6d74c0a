// templates/pdb.yaml: a PodDisruptionBudget (always policy/v1) whose spec is the value given.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { isTrue, matchLabels, yamlBlock } from '../../../src/renderer/helpers/index.js';
import { metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/pdb.yaml',
  render(ctx) {
    const pdb = ctx.Values.podDisruptionBudget;
    if (!isTrue(pdb)) return null;
    // The value is written under `spec:` after the selector, so its keys join (and may replace) it.
    const extra = yamlBlock(pdb);
    const spec = { selector: { matchLabels: matchLabels(ctx) }, ...(extra && typeof extra === 'object' ? extra : {}) };
    return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata(ctx), spec };
  },
};
