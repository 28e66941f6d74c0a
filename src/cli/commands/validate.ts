// `prefect-charts validate <chart> <glob>...`: many values files against one chart, in one process.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import { getChart } from '../../charts.js';
import type { LintIssue } from '../../lint/issue.js';
import { applyOptions } from '../../lint/options.js';
import { validateText } from '../../lint/validate.js';
import { sortIssues } from '../../lint/issue.js';
import { parseFlags, UsageError, type FlagSpec } from '../args.js';
import type { Command } from './command.js';
import { emit, REPORT_FLAGS, REPORT_USAGE, reportFlags } from './lint.js';

const VALIDATE_FLAGS: FlagSpec = { ...REPORT_FLAGS, help: { type: 'boolean', short: 'h' } };

const VALIDATE_USAGE = `Usage: prefect-charts validate <chart> <file or glob>...

Check values files against a chart without rendering: YAML syntax and duplicate keys, the chart's
schema, keys the chart does not know, and its value rules. Each file is checked on its own over the
chart's defaults. Globs are fast-glob patterns (quote them: 'envs/**/values*.yaml').

Flags:
${REPORT_USAGE}`;

/** The files the patterns name, in the order given (each glob's matches sorted), once each. */
export function expandPatterns(patterns: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of patterns) {
    const matches = fg.isDynamicPattern(p) ? fg.sync(p, { cwd, onlyFiles: true, unique: true }).sort() : [p];
    if (!matches.length) throw new UsageError(`no values files match ${p}`);
    for (const m of matches) {
      if (seen.has(m)) continue;
      seen.add(m);
      out.push(m);
    }
  }
  return out;
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return (e as Error).message;
}

export const command: Command = {
  name: 'validate',
  summary: 'check many values files against a chart, fast (for CI)',
  usage: VALIDATE_USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags('validate', argv, VALIDATE_FLAGS);
    if (values.help) {
      io.out(VALIDATE_USAGE);
      return 0;
    }
    const [chartName, ...patterns] = positionals;
    if (!chartName) throw new UsageError('"validate" needs a chart name and values files (see prefect-charts validate --help)');
    if (!patterns.length) throw new UsageError('"validate" needs values files or globs after the chart name');
    const flags = reportFlags(values);
    const chart = await getChart(chartName);
    if (chart.deprecation) io.err(`note: ${chart.deprecation}\n`);
    const files = expandPatterns(patterns, io.cwd);
    const issues: LintIssue[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(resolve(io.cwd, file), 'utf8');
      } catch (e) {
        issues.push({ rule: 'values-file', severity: 'error', file, message: readError(e) });
        continue;
      }
      const r = validateText(chart, file, text);
      issues.push(...applyOptions(r.issues, new Map([[file, r.ignores]]), flags));
    }
    return emit(io, flags, 'validate', chartName, files, sortIssues(issues));
  },
};
