// Every declared rule, in one list. Adding a rule is adding a file here.
import { rule as backgroundServicesVersion } from './background-services-version.js';
import { rule as imageTagMutable } from './image-tag-mutable.js';
import { rule as plainCredentials } from './plain-credentials.js';
import { rule as privilegeEscalation } from './privilege-escalation.js';
import { rule as probesDisabled } from './probes-disabled.js';
import { rule as removedSetting } from './removed-setting.js';
import { rule as requiredValue } from './required-value.js';
import { rule as resourcesMissing } from './resources-missing.js';
import { rule as runAsRoot } from './run-as-root.js';
import { rule as serverDatabaseConflict } from './server-database-conflict.js';
import { rule as writableRootFs } from './writable-root-fs.js';
import type { ChartFailRule, ManifestRule, Rule, ValuesRule } from './rule.js';

export const RULES: readonly Rule[] = [
  backgroundServicesVersion,
  imageTagMutable,
  plainCredentials,
  privilegeEscalation,
  probesDisabled,
  removedSetting,
  requiredValue,
  resourcesMissing,
  runAsRoot,
  serverDatabaseConflict,
  writableRootFs,
];

export const VALUES_RULES = RULES.filter((r): r is ValuesRule => r.kind === 'values');
export const MANIFEST_RULES = RULES.filter((r): r is ManifestRule => r.kind === 'manifest');
export const CHART_FAIL_RULES = RULES.filter((r): r is ChartFailRule => r.kind === 'chart-fail');
