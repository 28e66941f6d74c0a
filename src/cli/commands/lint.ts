// `prefect-charts lint <chart> [render flags]`: validate the values, render, check the manifests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartsRoot, getChart } from '../../charts.js';
import { RULE_IDS } from '../../lint/catalog.js';
import { FORMAT_NAMES } from '../../lint/formats/index.js';
import { lintChart } from '../../lint/lint.js';
import { checkRuleIds } from '../../lint/options.js';
import { checkFormat, exitCodeFor, formatReport } from '../../lint/report.js';
import type { LintIssue } from '../../lint/issue.js';
import { parseFlags, str, strings, type FlagSpec } from '../args.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';
import { chartArguments, RENDER_FLAGS, renderOptions } from './render.js';

/** The flags lint and validate add: how to report. */
export const REPORT_FLAGS: FlagSpec = {
  format: { type: 'string', short: 'o' },
  strict: { type: 'boolean' },
  disable: { type: 'string', multiple: true },
};

const { 'output-dir': _noOutputDir, ...LINT_RENDER_FLAGS } = RENDER_FLAGS;
const LINT_FLAGS: FlagSpec = { ...LINT_RENDER_FLAGS, ...REPORT_FLAGS };

export const REPORT_USAGE = `  -o, --format FORMAT        ${FORMAT_NAMES.join(', ')} (default: text)
  --strict                   warnings are errors (exit 1)
  --disable RULE             do not report RULE, repeatable or comma-separated
                             (or in a values file: # prefect-charts:ignore RULE, on or above the line)

Rules: ${RULE_IDS.join(', ')}

Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage error.
`;

const LINT_USAGE = `Usage: prefect-charts lint [RELEASE] <chart> [flags]

Validate values against the chart (schema, unknown keys, the chart's own rules), render it, and check
the manifests against the Kubernetes schemas for --kube-version and best practices. The arguments are
render's (helm template's): a release name may come first, the chart may carry a repository prefix.

Flags (render's, except --output-dir):
  --release NAME, -n/--namespace NS, -f/--values FILE, --set, --set-string, --set-json, --set-file,
  --kube-version V (default v1.25.0), -a/--api-versions G/V, -s/--show-only PATH
${REPORT_USAGE}`;

export interface ReportFlags {
  format: string;
  strict: boolean;
  disable: string[];
}

export function reportFlags(values: Record<string, unknown>): ReportFlags {
  const format = str(values.format) ?? 'text';
  checkFormat(format);
  const disable = strings(values.disable).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  checkRuleIds(disable);
  return { format, strict: values.strict === true, disable };
}

/** The package's version (package.json sits beside charts/, from src/ and from dist/ alike; no import of main, no cycle). */
function toolVersion(): string {
  try {
    return String((JSON.parse(readFileSync(join(chartsRoot(), '..', 'package.json'), 'utf8')) as { version?: unknown }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

/** Print the report in its format; return the exit code. */
export function emit(
  io: CliIO,
  flags: ReportFlags,
  command: 'lint' | 'validate',
  chart: string,
  files: readonly string[],
  issues: readonly LintIssue[],
): number {
  const color = flags.format === 'text' && io.stdoutIsTTY && !io.env.NO_COLOR;
  io.out(formatReport({ tool: { name: 'prefect-charts', version: toolVersion() }, command, chart, files, issues, strict: flags.strict, color }, flags.format));
  return exitCodeFor(issues);
}

export const command: Command = {
  name: 'lint',
  summary: 'validate values, render, and check the manifests (for CI)',
  usage: LINT_USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags('lint', argv, LINT_FLAGS);
    if (values.help) {
      io.out(LINT_USAGE);
      return 0;
    }
    const args = chartArguments(positionals, 'lint', str(values.release));
    const flags = reportFlags(values);
    const chart = await getChart(args.chart);
    if (chart.deprecation) io.err(`note: ${chart.deprecation}\n`);
    const options = { ...renderOptions(values, io), release: args.release ?? str(values.release) };
    const result = await lintChart(chart, { ...options, strict: flags.strict, disable: flags.disable });
    return emit(io, flags, 'lint', args.chart, result.files, result.issues);
  },
};
