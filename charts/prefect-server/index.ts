// prefect-server, as upstream at prefect-helm 00fb799 (bitnami common 2.27.0), with the bundled
// bitnami/postgresql 12.12.10 subchart under charts/postgresql.
import type { ChartModule } from '../../src/renderer/chart.js';
import { chart as commonChart } from './charts/common/index.js';
import { chart as postgresqlChart } from './charts/postgresql/index.js';
import { namedTemplates } from './templates/helpers.js';
import { template as notes } from './templates/notes.js';
import { template as backgroundServicesDeployment } from './templates/background-services-deployment.js';
import { template as backgroundServicesServiceAccount } from './templates/background-services-serviceaccount.js';
import { template as hpa } from './templates/hpa.js';
import { template as ingress } from './templates/ingress.js';
import { template as pvc } from './templates/pvc.js';
import { template as secret } from './templates/secret.js';
import { template as serverDeployment } from './templates/server-deployment.js';
import { template as serverServiceAccount } from './templates/server-serviceaccount.js';
import { template as service } from './templates/service.js';

export const chart: ChartModule = {
  commonVersion: '2.27.0',
  templates: [
    notes,
    backgroundServicesDeployment,
    backgroundServicesServiceAccount,
    hpa,
    ingress,
    pvc,
    secret,
    serverDeployment,
    serverServiceAccount,
    service,
  ],
  namedTemplates,
  // In Chart.yaml's order, as helm coalesces them: common's values (under `common`) first.
  subcharts: [
    { name: 'common', module: commonChart },
    { name: 'postgresql', condition: 'postgresql.enabled', module: postgresqlChart },
  ],
};
