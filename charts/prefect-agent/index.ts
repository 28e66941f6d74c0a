// The prefect-agent chart (the last upstream release before agents gave way to workers).
import type { ChartModule } from '../../src/renderer/chart.js';
import { chart as commonChart } from './charts/common/index.js';
import { template as deployment } from './templates/deployment.js';
import { namedTemplates } from './templates/helpers.js';
import { template as notes } from './templates/notes.js';
import { template as role } from './templates/role.js';
import { template as rolebinding } from './templates/rolebinding.js';
import { template as serviceaccount } from './templates/serviceaccount.js';

/** One line for the CLI to print on stderr when this chart is rendered or linted; never part of a manifest. */
export const deprecation =
  'prefect-agent is deprecated: Prefect agents are superseded by workers; use the prefect-worker chart';

export const chart: ChartModule = {
  commonVersion: '2.20.5',
  templates: [notes, deployment, role, rolebinding, serviceaccount],
  namedTemplates,
  // The bitnami common library is a dependency: helm merges its values under `common`.
  subcharts: [{ name: 'common', module: commonChart }],
};
