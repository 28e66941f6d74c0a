// The shapes a lint rule is declared in. Each rule is one file exporting one of these objects: its
// id, severity and one-line reason are data; `check` only finds, it never words the location.
import type { Manifest } from '../../renderer/chart.js';
import type { ValueMap } from '../../renderer/values/maps.js';
import type { Severity } from '../issue.js';

export interface RuleMeta {
  /** Stable id, kebab-case: what `--disable` and `# prefect-charts:ignore` name. */
  readonly id: string;
  readonly severity: Severity;
  /** Why the rule exists, in one line (SARIF's short description, `--help`). */
  readonly reason: string;
}

/** A finding about a value: `path` is the dotted value path the message is about. */
export interface ValueFinding {
  path: string;
  message: string;
}

/** A rule over the coalesced values (what the templates will see). */
export interface ValuesRule extends RuleMeta {
  readonly kind: 'values';
  /** Charts it applies to; all when absent. */
  readonly charts?: readonly string[];
  /** `values` are the coalesced values; `user` only what the user's files and flags set. */
  check(values: ValueMap, user: ValueMap, chart: string): ValueFinding[];
}

/**
 * How to find the value behind a manifest finding in the user's values files: a map key named `key`
 * (under a key named `parent`, when given) whose value passes `test`.
 */
export interface ValueHint {
  key: string | RegExp;
  parent?: string;
  test(value: unknown): boolean;
}

export interface ManifestFinding {
  /** Field inside the object: `spec.template.spec.containers[0].resources`. */
  field: string;
  message: string;
  /** Container the finding is about, to tell the worker's values from the init container's. */
  container?: string;
  hints?: readonly ValueHint[];
}

/** A rule over each rendered manifest. */
export interface ManifestRule extends RuleMeta {
  readonly kind: 'manifest';
  check(doc: Manifest): ManifestFinding[];
}

/**
 * How a chart's own `fail`/`required` message names its value, for messages that do not say it
 * themselves in `(path)`, `` `path` `` or `.Values.path` form.
 */
export interface ChartFailRule extends RuleMeta {
  readonly kind: 'chart-fail';
  readonly charts: readonly string[];
  readonly match: RegExp;
  /** The value the message is about; `$1` stands for the first group of the match that took part. */
  readonly path: string;
}

export type Rule = ValuesRule | ManifestRule | ChartFailRule;
