// prefect-server runs on one database: with SQLite on, the bundled PostgreSQL is deployed for nothing
// and the server silently ignores it.
import { getPath } from '../../renderer/values/maps.js';
import type { ValuesRule } from './rule.js';

export const rule: ValuesRule = {
  kind: 'values',
  id: 'server-database-conflict',
  severity: 'error',
  reason: 'SQLite and the bundled PostgreSQL cannot both be enabled: the server uses one database',
  charts: ['prefect-server'],
  check(values) {
    if (getPath(values, 'sqlite.enabled') !== true || getPath(values, 'postgresql.enabled') !== true) return [];
    return [
      {
        path: 'sqlite.enabled',
        message: 'SQLite and PostgreSQL are both enabled: set postgresql.enabled: false to use SQLite, or sqlite.enabled: false',
      },
    ];
  },
};
