// argv → command → exit code. The only layer that talks to the terminal.
import { UsageError } from './args.js';
import type { Command } from './commands/command.js';
import { processIO, type CliIO } from './io.js';
import { reportError } from './report.js';
import { closest } from '../suggest.js';

/** Commands load on demand so `render` never pays for `lint` or `docs`. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  render: { summary: 'print the manifests helm template prints for a chart and values', load: () => import('./commands/render.js') },
  docs: { summary: "write the charts' README.md from README.md.hbs and values.yaml", load: () => import('./commands/docs.js') },
  lint: { summary: 'validate values, render, and check the manifests (for CI)', load: () => import('./commands/lint.js') },
  validate: { summary: 'check many values files against a chart, fast (for CI)', load: () => import('./commands/validate.js') },
};

export const VERSION = '0.1.0';

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `prefect-charts ${VERSION}: render, lint and document the Prefect Helm charts

Usage: prefect-charts <command> [flags]

Commands:
${rows.join('\n')}

Run "prefect-charts <command> --help" for a command's flags.
`;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage());
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!entry) {
      const hint = closest(name, Object.keys(COMMANDS));
      throw new UsageError(`unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; run prefect-charts --help`);
    }
    const { command } = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    const { lines, exitCode } = reportError(e);
    io.err(lines.join('\n') + '\n');
    return exitCode;
  }
}
