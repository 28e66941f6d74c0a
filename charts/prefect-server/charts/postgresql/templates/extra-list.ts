// templates/extra-list.yaml: extraDeploy, each item rendered (templates allowed) as its own document.
import type { ChartTemplate, Manifest } from '../../../../../src/renderer/chart.js';
import { goRange, tplText, yamlFromText } from '../../../../../src/renderer/helpers/index.js';

export const template: ChartTemplate = {
  path: 'templates/extra-list.yaml',
  render(ctx) {
    const docs: Manifest[] = [];
    for (const [i, item] of goRange(ctx.Values.extraDeploy, 'extraDeploy')) {
      // An item written as text may hold several documents; helm splits the output at `---` lines.
      for (const text of tplText(ctx, item, `extraDeploy[${i}]`).split(/^---[ \t]*$/m)) {
        const doc = yamlFromText(text);
        if (doc && typeof doc === 'object' && !Array.isArray(doc)) docs.push(doc as Manifest);
      }
    }
    return docs;
  },
};
