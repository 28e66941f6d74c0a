// templates/primary/extended-configmap.yaml: primary.extendedConfiguration as conf.d/override.conf.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import type { RenderContext } from '../../../../../../src/renderer/context.js';
import { tplText } from '../../../../../../src/renderer/helpers/index.js';
import { at, blockScalar, createExtendedConfigmap, metadata, primaryFullname, type Obj } from '../helpers.js';

/** The ConfigMap's `data` (also what the StatefulSet's checksum/extended-configuration hashes). */
export function extendedConfigurationData(ctx: RenderContext): Obj {
  const conf = at(ctx, 'primary', 'extendedConfiguration');
  return { 'override.conf': blockScalar('|-', tplText(ctx, conf, 'primary.extendedConfiguration')) };
}

export const template: ChartTemplate = {
  path: 'templates/primary/extended-configmap.yaml',
  render(ctx) {
    if (!createExtendedConfigmap(ctx)) return null;
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(ctx, `${primaryFullname(ctx)}-extended-configuration`, 'primary'),
      data: extendedConfigurationData(ctx),
    };
  },
};
