// templates/pdb.yaml: a PodDisruptionBudget (always policy/v1) whose spec is the value given.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { isMap, isTrue, ManifestYamlError, matchLabels, toYaml } from '../../../src/renderer/helpers/index.js';
import { metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/pdb.yaml',
  render(ctx) {
    const pdb = ctx.Values.podDisruptionBudget;
    if (!isTrue(pdb)) return null;
    // The value is written with toYaml under `spec:` after the selector, so its keys join (and may
    // replace) it; anything but a map there breaks the YAML.
    if (!isMap(pdb)) throw new ManifestYamlError(toYaml(pdb), 'podDisruptionBudget must be a map to join the spec');
    const spec = { selector: { matchLabels: matchLabels(ctx) }, ...pdb };
    return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: metadata(ctx), spec };
  },
};
