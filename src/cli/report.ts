// Errors as the terminal shows them: one line each (a schema error lists every violation), never a
// stack trace. Exit 2 for usage errors, 1 for everything else.
import { UsageError } from './args.js';

export interface Reported {
  lines: string[];
  exitCode: number;
}

interface Coded extends Error {
  code?: string;
  issues?: ReadonlyArray<{ where?: string; path?: string; message: string; template?: string }>;
}

export function reportError(e: unknown): Reported {
  const err = e as Coded;
  if (e instanceof UsageError || err?.code === 'USAGE') return { lines: [`error: ${err.message}`], exitCode: 2 };
  switch (err?.code) {
    case 'SCHEMA_INVALID':
      return {
        lines: [
          "error: values don't meet the chart's schema:",
          ...(err.issues ?? []).map((i) => `  ${i.where ? i.where + ' ' : ''}${i.path}: ${i.message}`),
        ],
        exitCode: 1,
      };
    case 'RENDER_FAILED':
      return {
        lines: (err.issues ?? []).map((i) => `error: execution error in ${i.template}: ${i.message}`),
        exitCode: 1,
      };
    case undefined:
      break;
    default:
      return { lines: [`error: ${err.message}`], exitCode: 1 };
  }
  if (err instanceof Error && (err as NodeJS.ErrnoException).syscall) {
    return { lines: [`error: ${err.message}`], exitCode: 1 };
  }
  // Not one of ours: still one line and no stack (PREFECT_CHARTS_DEBUG=1 shows it).
  const msg = err instanceof Error ? err.message : String(e);
  const lines = [`error: internal error: ${msg}`];
  if (process.env.PREFECT_CHARTS_DEBUG && err instanceof Error && err.stack) lines.push(err.stack);
  return { lines, exitCode: 1 };
}
