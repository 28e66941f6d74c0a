// The charts' `required` settings: the worker's work pool and the account, workspace and API URL its
// API configuration needs (named in parentheses), and prefect-server's external database settings.
import type { ChartFailRule } from './rule.js';

export const rule: ChartFailRule = {
  kind: 'chart-fail',
  id: 'required-value',
  severity: 'error',
  reason: 'a value the chart requires for the configuration chosen is missing or empty',
  charts: ['prefect-worker', 'prefect-server'],
  match: /(?:is required \(([\w.-]+)\)$)|(?:^\.Values\.([\w.-]+) is required\.$)/,
  path: '$1',
};
