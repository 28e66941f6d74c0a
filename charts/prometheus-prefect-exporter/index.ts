// prometheus-prefect-exporter, as upstream at prefect-helm 7618600 (bitnami common 2.31.3).
import type { ChartModule } from '../../src/renderer/chart.js';
import { chart as commonChart } from './charts/common/index.js';
import { template as deployment } from './templates/deployment.js';
import { template as hpa } from './templates/hpa.js';
import { template as notes } from './templates/notes.js';
import { template as pdb } from './templates/pdb.js';
import { template as prometheusrule } from './templates/prometheusrule.js';
import { template as service } from './templates/service.js';
import { template as serviceaccount } from './templates/serviceaccount.js';
import { template as servicemonitor } from './templates/servicemonitor.js';
import { serviceAccountName } from './templates/helpers.js';

export const chart: ChartModule = {
  commonVersion: '2.31.3',
  templates: [notes, deployment, hpa, pdb, prometheusrule, service, serviceaccount, servicemonitor],
  namedTemplates: {
    'prometheus-prefect-exporter.serviceAccountName': (ctx) => serviceAccountName(ctx),
  },
  // The bitnami common library is a dependency: helm merges its values under `common`.
  subcharts: [{ name: 'common', module: commonChart }],
};
