import type { CliIO } from '../io.js';

/** One CLI command: parses its own flags, returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}
