// What every output format gets, and the one function it implements.
import type { LintIssue } from '../issue.js';

export interface Report {
  tool: { name: string; version: string; informationUri?: string };
  command: 'lint' | 'validate';
  chart: string;
  /** Values files checked, as the user named them. */
  files: readonly string[];
  /** Findings after --disable, ignore comments and --strict, sorted. */
  issues: readonly LintIssue[];
  strict: boolean;
  /** ANSI colour (text only; the CLI decides: a TTY and no NO_COLOR). */
  color: boolean;
}

export interface Formatter {
  readonly name: string;
  format(report: Report): string;
}
