// templates/secret.yaml: the database connection string, for PostgreSQL (bundled or external).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { b64enc, isTrue, quoted } from '../../../src/renderer/helpers/index.js';
import { objectMeta, postgresConnectionString, postgresSecretName, val } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/secret.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'secret.create')) || isTrue(val(ctx, 'sqlite.enabled'))) return null;
    const metadata = objectMeta(ctx, quoted(postgresSecretName(ctx)), 'server');
    const connection = b64enc(postgresConnectionString(ctx));
    return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', data: { 'connection-string': connection } };
  },
};
