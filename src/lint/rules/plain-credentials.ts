// A password in a values file ends up in version control and in `helm get values`: where the chart
// can read it from an existing Secret instead, say so.
import { getPath, type ValueMap } from '../../renderer/values/maps.js';
import type { ValuesRule } from './rule.js';

interface SecretOption {
  chart: string;
  /** The credential, as the user writes it. */
  value: string;
  /** Only when this holds (a dotted path that must be truthy; `!path` must be falsy). */
  when: readonly string[];
  /** What to use instead. */
  instead: string;
}

/** Each credential the charts take in plain text, and their existing-Secret alternative. */
const OPTIONS: readonly SecretOption[] = [
  {
    chart: 'prefect-server',
    value: 'server.basicAuth.authString',
    when: ['server.basicAuth.enabled', '!server.basicAuth.existingSecret'],
    instead: 'server.basicAuth.existingSecret',
  },
  {
    chart: 'prefect-worker',
    value: 'worker.selfHostedServerApiConfig.basicAuth.authString',
    when: ['worker.selfHostedServerApiConfig.basicAuth.enabled', '!worker.selfHostedServerApiConfig.basicAuth.existingSecret'],
    instead: 'worker.selfHostedServerApiConfig.basicAuth.existingSecret',
  },
  {
    chart: 'prometheus-prefect-exporter',
    value: 'basicAuth.authString',
    when: ['basicAuth.enabled', '!basicAuth.existingSecret'],
    instead: 'basicAuth.existingSecret',
  },
  {
    chart: 'prefect-server',
    value: 'postgresql.auth.password',
    when: ['postgresql.enabled', '!postgresql.auth.existingSecret'],
    instead: 'postgresql.auth.existingSecret',
  },
  {
    chart: 'prefect-server',
    value: 'secret.password',
    when: ['secret.create', '!sqlite.enabled'],
    instead: 'an existing Secret (secret.create: false and secret.name)',
  },
];

const truthy = (v: unknown): boolean => v !== undefined && v !== null && v !== false && v !== '' && v !== 0;

function holds(values: ValueMap, cond: string): boolean {
  return cond.startsWith('!') ? !truthy(getPath(values, cond.slice(1))) : truthy(getPath(values, cond));
}

export const rule: ValuesRule = {
  kind: 'values',
  id: 'plain-credentials',
  severity: 'warning',
  reason: 'credentials written in values files leak through version control; the chart can read them from an existing Secret',
  charts: [...new Set(OPTIONS.map((o) => o.chart))],
  check(values, user, chart) {
    return OPTIONS.filter(
      // Only what the user wrote: the charts' demo defaults are theirs to ship.
      (o) => o.chart === chart && truthy(getPath(user, o.value)) && o.when.every((c) => holds(values, c)),
    ).map((o) => ({ path: o.value, message: `credentials written in plain values: use ${o.instead} instead` }));
  },
};
