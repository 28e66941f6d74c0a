// Errors of the docs generator: a stable code, the file, and a 1-based line (and column) where known.

export type DocsErrorCode =
  | 'DOCS_NO_CHART' // no Chart.yaml where a chart was expected
  | 'DOCS_NO_TEMPLATE' // a chart without README.md.hbs or README.md.gotmpl
  | 'DOCS_YAML' // Chart.yaml / values.yaml does not parse or has the wrong shape
  | 'DOCS_VALUE' // a default that cannot be written as JSON (.inf, .nan)
  | 'DOCS_TEMPLATE'; // the README template does not parse or fails while running

export class DocsError extends Error {
  constructor(
    readonly code: DocsErrorCode,
    /** What went wrong, without the location. */
    readonly reason: string,
    readonly file: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}${line && col ? `:${col}` : ''}: ${reason}`);
    this.name = 'DocsError';
  }
}
