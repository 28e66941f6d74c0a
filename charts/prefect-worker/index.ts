// prefect-worker, as upstream at prefect-helm 7618600 (bitnami common 2.31.3).
import type { ChartModule } from '../../src/renderer/chart.js';
import { chart as commonChart } from './charts/common/index.js';
import { template as configmap } from './templates/configmap.js';
import { template as deployment } from './templates/deployment.js';
import { NAMED } from './templates/helpers.js';
import { template as hpa } from './templates/hpa.js';
import { template as notes } from './templates/notes.js';
import { template as role } from './templates/role.js';
import { template as rolebinding } from './templates/rolebinding.js';
import { template as serviceaccount } from './templates/serviceaccount.js';

export const chart: ChartModule = {
  commonVersion: '2.31.3',
  templates: [notes, configmap, deployment, hpa, role, rolebinding, serviceaccount],
  namedTemplates: Object.fromEntries(Object.entries(NAMED).map(([name, fn]) => [name, (ctx) => fn(ctx)])),
  // The bitnami common library is a dependency: helm merges its values under `common`.
  subcharts: [{ name: 'common', module: commonChart }],
};
