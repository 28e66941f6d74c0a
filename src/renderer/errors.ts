// Typed render errors. Wording lives here and at the CLI edge; every error carries a stable `code`.
import type { SchemaIssue } from '../schema/validate.js';

/** A chart's own `fail`/`required`: the message is the chart's, verbatim. */
export class ChartFailure extends Error {
  readonly code = 'CHART_FAIL';
  constructor(message: string) {
    super(message);
  }
}

/** Helm's `fail`. */
export function fail(message: string): never {
  throw new ChartFailure(message);
}

/** Helm's `required`: the value unless it is nil or "" (only those, as in helm's engine). */
export function required<T>(message: string, value: T): NonNullable<T> {
  if (value === null || value === undefined || (typeof value === 'string' && value === '')) throw new ChartFailure(message);
  return value as NonNullable<T>;
}

/** One failure of one template. */
export interface TemplateIssue {
  code: string;
  /** `prefect-worker/templates/deployment.yaml` */
  template: string;
  message: string;
}

/** Rendering stopped: every template failure, not only the first. */
export class RenderFailedError extends Error {
  readonly code = 'RENDER_FAILED';
  constructor(readonly issues: readonly TemplateIssue[]) {
    super(issues.map((i) => `${i.template}: ${i.message}`).join('\n'));
  }
}

/** The values break the chart's schema: every violation, with where each value came from. */
export class SchemaValidationError extends Error {
  readonly code = 'SCHEMA_INVALID';
  constructor(readonly issues: ReadonlyArray<SchemaIssue & { where?: string }>) {
    super(issues.map((i) => `${i.where ? i.where + ': ' : ''}${i.path}: ${i.message}`).join('\n'));
  }
}

export class ReleaseNameError extends Error {
  readonly code = 'BAD_RELEASE_NAME';
  constructor(readonly release: string) {
    super(
      release.length > 53
        ? `release name "${release}" is longer than 53 characters`
        : `release name "${release}" is invalid: use lowercase letters, digits, "-" and ".", starting and ending with a letter or digit`,
    );
  }
}

export class ShowOnlyError extends Error {
  readonly code = 'SHOW_ONLY_NOT_FOUND';
  constructor(readonly pattern: string) {
    super(`--show-only ${pattern}: could not find template ${pattern} in chart`);
  }
}

/** What Go's template engine would stop on (ranging over a string, a field of a non-map). */
export class TemplateExecError extends Error {
  readonly code = 'TEMPLATE_EXEC';
}
