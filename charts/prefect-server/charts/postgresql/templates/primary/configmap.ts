// templates/primary/configmap.yaml: postgresql.conf and pg_hba.conf from primary.configuration and
// primary.pgHbaConfiguration, unless an existing ConfigMap is named.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import type { RenderContext } from '../../../../../../src/renderer/context.js';
import { isTrue, tplText } from '../../../../../../src/renderer/helpers/index.js';
import { at, blockScalar, createConfigmap, metadata, primaryFullname, type Obj } from '../helpers.js';

/** The ConfigMap's `data` (also what the StatefulSet's checksum/configuration hashes). */
export function configurationData(ctx: RenderContext): Obj {
  const data: Obj = {};
  const conf = at(ctx, 'primary', 'configuration');
  if (isTrue(conf)) data['postgresql.conf'] = blockScalar('|-', tplText(ctx, conf, 'primary.configuration'));
  const hba = at(ctx, 'primary', 'pgHbaConfiguration');
  if (isTrue(hba)) data['pg_hba.conf'] = blockScalar('|', tplText(ctx, hba, 'primary.pgHbaConfiguration'));
  return data;
}

export const template: ChartTemplate = {
  path: 'templates/primary/configmap.yaml',
  render(ctx) {
    if (!createConfigmap(ctx)) return null;
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(ctx, `${primaryFullname(ctx)}-configuration`, 'primary'),
      data: configurationData(ctx),
    };
  },
};
