// Typed errors of the template evaluator: a stable code, Go's wording, and a 1-based position in the text.

export type TemplateErrorCode = 'TEMPLATE_PARSE' | 'TEMPLATE_EXEC' | 'TEMPLATE_FAIL' | 'TEMPLATE_LIMIT';

export class TemplateError extends Error {
  readonly code: TemplateErrorCode;
  /** 1-based line inside the template text. */
  readonly line: number;
  /** 1-based column (in characters) inside the template text. */
  readonly col: number;
  /** Name of the template being parsed or executed (the tpl name, or a `define`d name). */
  readonly template: string;

  constructor(code: TemplateErrorCode, message: string, line: number, col: number, template = '') {
    super(message);
    this.name = 'TemplateError';
    this.code = code;
    this.line = line;
    this.col = col;
    this.template = template;
  }
}

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}
