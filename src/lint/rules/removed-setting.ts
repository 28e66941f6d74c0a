// Settings prefect-server no longer reads fail the render with the setting that replaces them.
import type { ChartFailRule } from './rule.js';

export const rule: ChartFailRule = {
  kind: 'chart-fail',
  id: 'removed-setting',
  severity: 'error',
  reason: 'a setting the chart has removed: its message names the one to use instead',
  charts: ['prefect-server'],
  match: /^`([\w.-]+)` has been removed/,
  path: '$1',
};
