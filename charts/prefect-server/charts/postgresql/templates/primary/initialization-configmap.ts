// templates/primary/initialization-configmap.yaml: primary.initdb.scripts as a ConfigMap of scripts,
// unless primary.initdb.scriptsConfigMap names an existing one.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { isTrue, tplValue } from '../../../../../../src/renderer/helpers/index.js';
import { at, metadata, primaryFullname } from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/initialization-configmap.yaml',
  render(ctx) {
    const scripts = at(ctx, 'primary', 'initdb', 'scripts');
    if (!isTrue(scripts) || isTrue(at(ctx, 'primary', 'initdb', 'scriptsConfigMap'))) return null;
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(ctx, `${primaryFullname(ctx)}-init-scripts`),
      data: tplValue(ctx, scripts, 'primary.initdb.scripts'),
    };
  },
};
