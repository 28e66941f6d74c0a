// prefect-server's version checks for running background services on their own name no value in
// their message: they are about the Prefect image tag.
import type { ChartFailRule } from './rule.js';

export const rule: ChartFailRule = {
  kind: 'chart-fail',
  id: 'background-services-version',
  severity: 'error',
  reason: 'background services run as their own Deployment only with Prefect 3.1.13 or newer, tagged X.Y.Z',
  charts: ['prefect-server'],
  match: /^When running background services separately, Prefect (tag|version) must/,
  path: 'global.prefect.image.prefectTag',
};
