// From findings to what the CLI prints and returns: the chosen format's text and the exit code.
import { FORMATS, FORMAT_NAMES, type Report } from './formats/index.js';
import type { LintIssue } from './issue.js';
import { closest } from '../suggest.js';

export class UnknownFormatError extends Error {
  readonly code = 'USAGE';
  constructor(readonly format: string) {
    const hint = closest(format, FORMAT_NAMES);
    super(`unknown format "${format}"${hint ? ` (did you mean "${hint}"?)` : ''}: expected one of ${FORMAT_NAMES.join(', ')}`);
  }
}

export function checkFormat(name: string): void {
  if (!Object.hasOwn(FORMATS, name)) throw new UnknownFormatError(name);
}

export function formatReport(report: Report, format: string): string {
  checkFormat(format);
  return FORMATS[format].format(report);
}

/** 0 clean, 1 when anything is an error (under --strict warnings already are). */
export function exitCodeFor(issues: readonly LintIssue[]): 0 | 1 {
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}
