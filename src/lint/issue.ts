// Lint findings as data (DESIGN: errors are typed data, wording at the edge). Every check returns a
// list of these; formatters turn them into text, JSON, SARIF, JUnit or workflow annotations.

export type Severity = 'error' | 'warning';

/** Where a finding points when it is not in a values file: a rendered manifest. */
export interface ManifestLocation {
  /** `prefect-worker/templates/deployment.yaml` */
  template: string;
  /** `Deployment/prefect-worker`; absent for a template's failure. */
  resource?: string;
  /** Field inside the object: `spec.template.spec.containers[0].resources` */
  field?: string;
}

export interface LintIssue {
  /** Stable rule id (`schema`, `unknown-key`, `image-tag-mutable`, …): what `--disable` and ignore comments name. */
  rule: string;
  severity: Severity;
  /** What was found and what was expected, without the location. */
  message: string;
  /** Dotted value path (`server.replicaCount`), when the finding is about a value. */
  path?: string;
  /** The values file the finding points into, as the user named it. */
  file?: string;
  line?: number;
  col?: number;
  /** A `--set` style flag that set the value, when it came from one. */
  flag?: string;
  manifest?: ManifestLocation;
  /** "Did you mean" candidate. */
  suggestion?: string;
  /** Line of the value's key, so an ignore comment above a block value's key counts too. */
  keyLine?: number;
}

/** `file:line:col`, the flag, the file, or the manifest: the location shown before the message. */
export function whereOf(i: LintIssue): string {
  if (i.file && i.line) return `${i.file}:${i.line}:${i.col ?? 1}`;
  if (i.flag) return i.flag;
  if (i.file) return i.file;
  if (i.manifest) return i.manifest.resource ? `${i.manifest.template} ${i.manifest.resource}` : i.manifest.template;
  return '';
}

/** The message with its subject: `server.replicaCount: expected integer, got string "two"`. */
export function subjectMessage(i: LintIssue): string {
  const subject = i.path ?? i.manifest?.field;
  const hint = i.suggestion ? ` (did you mean "${i.suggestion}"?)` : '';
  return `${subject ? subject + ': ' : ''}${i.message}${hint}`;
}

/** One line per finding, as the text format and JUnit print it. */
export function issueLine(i: LintIssue): string {
  const where = whereOf(i);
  return `${where ? where + ' ' : ''}${subjectMessage(i)}`;
}

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Stable order: by file, position, then manifest, rule and message (code-unit order, never locale). */
export function sortIssues(issues: LintIssue[]): LintIssue[] {
  return issues.sort(
    (a, b) =>
      cmp(a.file ?? a.flag, b.file ?? b.flag) ||
      cmp(a.line, b.line) ||
      cmp(a.col, b.col) ||
      cmp(a.manifest?.template, b.manifest?.template) ||
      cmp(a.manifest?.resource, b.manifest?.resource) ||
      cmp(a.manifest?.field, b.manifest?.field) ||
      cmp(a.rule, b.rule) ||
      cmp(a.message, b.message),
  );
}

export interface LintSummary {
  errors: number;
  warnings: number;
}

export function summarize(issues: readonly LintIssue[]): LintSummary {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) i.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}
