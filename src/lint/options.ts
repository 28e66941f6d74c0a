// What the user asked to see: rules turned off (`--disable`, ignore comments) and `--strict`.
import type { LintIssue } from './issue.js';
import { RULE_IDS } from './catalog.js';
import { closest } from '../suggest.js';
import { isIgnored, type IgnoreMap } from './values-file.js';

export interface ReportOptions {
  /** Warnings count as errors (severity `error`, exit 1). */
  strict?: boolean;
  /** Rule ids not to report. */
  disable?: readonly string[];
}

export class UnknownRuleError extends Error {
  readonly code = 'USAGE';
  constructor(readonly rule: string) {
    const hint = closest(rule, RULE_IDS);
    super(`unknown rule "${rule}"${hint ? ` (did you mean "${hint}"?)` : ''}; rules: ${RULE_IDS.join(', ')}`);
  }
}

/** Check rule ids given to --disable (a usage error when one is not a rule). */
export function checkRuleIds(ids: readonly string[]): void {
  for (const id of ids) if (!RULE_IDS.includes(id)) throw new UnknownRuleError(id);
}

/** Drop disabled and ignored findings; raise warnings under --strict. */
export function applyOptions(issues: LintIssue[], ignores: ReadonlyMap<string, IgnoreMap>, options: ReportOptions): LintIssue[] {
  const disabled = new Set(options.disable ?? []);
  const out: LintIssue[] = [];
  for (const i of issues) {
    if (disabled.has(i.rule)) continue;
    const map = i.file ? ignores.get(i.file) : undefined;
    if (map && isIgnored(i, map)) continue;
    out.push(options.strict && i.severity === 'warning' ? { ...i, severity: 'error' } : i);
  }
  return out;
}
