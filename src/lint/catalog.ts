// Every rule id lint and validate can report, with its severity and reason: the declared rules plus
// the built-in checks (syntax, schema, unknown keys, Kubernetes schemas and API versions).
import type { RuleMeta } from './rules/rule.js';
import { RULES } from './rules/index.js';

export const CORE_RULES: readonly RuleMeta[] = [
  { id: 'yaml-syntax', severity: 'error', reason: 'the values file is not valid YAML' },
  { id: 'duplicate-key', severity: 'error', reason: 'a key appears twice in one map: only the last one counts' },
  { id: 'values-file', severity: 'error', reason: 'the values file cannot be read or does not hold a map of keys' },
  { id: 'schema', severity: 'error', reason: "the value does not meet the chart's values.schema.json" },
  { id: 'unknown-key', severity: 'warning', reason: 'the chart neither defines nor accepts this key: likely a typo, silently ignored' },
  { id: 'coalesce', severity: 'warning', reason: "a value of another type than the chart's default is skipped when values are combined" },
  { id: 'chart-fail', severity: 'error', reason: "the chart's own checks (`fail`, `required`) stop the render" },
  { id: 'k8s-schema', severity: 'error', reason: 'a rendered object does not meet the Kubernetes OpenAPI schema' },
  { id: 'api-removed', severity: 'error', reason: 'the apiVersion is no longer served by the target Kubernetes version' },
  { id: 'api-deprecated', severity: 'warning', reason: 'the apiVersion is deprecated in the target Kubernetes version' },
  { id: 'api-unavailable', severity: 'error', reason: 'the apiVersion is not served yet by the target Kubernetes version' },
];

export const ALL_RULES: readonly RuleMeta[] = [...CORE_RULES, ...RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export const RULE_IDS: readonly string[] = ALL_RULES.map((r) => r.id);

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
