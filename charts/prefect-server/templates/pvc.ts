// templates/pvc.yaml: the SQLite database's volume claim.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { fullname, isTrue, printed } from '../../../src/renderer/helpers/index.js';
import { val } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/pvc.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'sqlite.enabled')) || !isTrue(val(ctx, 'sqlite.persistence.enabled'))) return null;
    const spec: Record<string, unknown> = {};
    const storageClassName = val(ctx, 'sqlite.persistence.storageClassName');
    if (isTrue(storageClassName)) spec.storageClassName = printed(storageClassName);
    spec.accessModes = ['ReadWriteOnce'];
    spec.resources = { requests: { storage: printed(val(ctx, 'sqlite.persistence.size')) } };
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      // Upstream places the claim in the release namespace (not namespaceOverride) and gives it no labels.
      metadata: { name: printed(`${fullname(ctx)}-sqlite`), namespace: printed(ctx.Release.Namespace) },
      spec,
    };
  },
};
