// `prefect-charts docs [CHART|PATH...]`: write each chart's README.md from its README.md.hbs (or a helm-docs
// README.md.gotmpl), Chart.yaml and values.yaml; `--check` writes nothing and fails with a diff when one is stale.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { CHART_NAMES, chartsRoot } from '../../charts.js';
import { DocsError, findTemplate, generateReadme, type GeneratedReadme, type SortOrder } from '../../docs/index.js';
import { parseFlags, str, strings, UsageError, type FlagSpec } from '../args.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';

const FLAGS: FlagSpec = {
  check: { type: 'boolean' },
  'chart-dir': { type: 'string', multiple: true },
  'sort-values-order': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const USAGE = `Usage: prefect-charts docs [CHART|PATH...] [flags]

Write charts/<chart>/README.md from the chart's README.md.hbs (or a helm-docs README.md.gotmpl),
Chart.yaml and values.yaml, in helm-docs' format (the values table from the \`# --\` comments).

Arguments name a shipped chart (${CHART_NAMES.join(', ')}), a chart directory, a directory to search
for charts, or a file inside a chart (as pre-commit passes them). Without arguments, every chart
under the current directory that has a README template is documented.

Flags:
  --check                    write nothing; print a diff for each README that is out of date and exit 1
  --chart-dir DIR            document the chart in DIR, repeatable
  --sort-values-order ORDER  alphanum (default, as helm-docs) or file
  -h, --help                 show this help
`;

const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Chart directories with a README template under `dir` (subcharts included), sorted. */
function searchCharts(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (depth > 12) return;
    if (existsSync(join(d, 'Chart.yaml')) && findTemplate(d)) found.push(d);
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const e of entries.sort()) {
      if (SKIP_DIRS.has(e) || e.startsWith('.')) continue;
      const p = join(d, e);
      try {
        if (statSync(p).isDirectory()) walk(p, depth + 1);
      } catch {
        // unreadable entries are not charts
      }
    }
  };
  walk(dir, 0);
  return found;
}

/** The chart directory holding `file`: the nearest ancestor with a Chart.yaml. */
function chartOf(file: string): string | undefined {
  let d = dirname(file);
  for (;;) {
    if (existsSync(join(d, 'Chart.yaml'))) return d;
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

interface Target {
  dir: string;
  /** Named by a file path (pre-commit): a chart without a template is skipped instead of failing. */
  optional: boolean;
}

function targets(positionals: string[], chartDirs: string[], io: CliIO): Target[] {
  const out: Target[] = [];
  for (const d of chartDirs) {
    const dir = resolve(io.cwd, d);
    if (!existsSync(join(dir, 'Chart.yaml'))) throw new UsageError(`--chart-dir ${d}: no Chart.yaml there`);
    out.push({ dir, optional: false });
  }
  for (const arg of positionals) {
    const path = resolve(io.cwd, arg);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        if (existsSync(join(path, 'Chart.yaml'))) out.push({ dir: path, optional: false });
        else out.push(...searchCharts(path).map((dir) => ({ dir, optional: false })));
      } else {
        const dir = chartOf(path);
        if (dir) out.push({ dir, optional: true });
      }
    } else if (CHART_NAMES.includes(arg)) {
      out.push({ dir: join(chartsRoot(), arg), optional: false });
    } else {
      throw new UsageError(`"${arg}" is neither a chart (${CHART_NAMES.join(', ')}) nor a path`);
    }
  }
  if (chartDirs.length === 0 && positionals.length === 0) out.push(...searchCharts(io.cwd).map((dir) => ({ dir, optional: false })));
  const seen = new Set<string>();
  return out.filter((t) => {
    if (seen.has(t.dir)) return false;
    seen.add(t.dir);
    return !(t.optional && !findTemplate(t.dir));
  });
}

function sortOrder(v: unknown): SortOrder | undefined {
  const s = str(v);
  if (s === undefined || s === 'alphanum' || s === 'file') return s;
  throw new UsageError(`--sort-values-order must be alphanum or file, got "${s}"`);
}

function current(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const command: Command = {
  name: 'docs',
  summary: 'write the charts\' README.md from README.md.hbs and values.yaml (helm-docs format)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags('docs', argv, FLAGS);
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const order = sortOrder(values['sort-values-order']);
    const list = targets(positionals, strings(values['chart-dir']), io);
    const rel = (p: string): string => relative(io.cwd, p) || '.';
    if (list.length === 0) {
      io.err(`note: no charts with a README.md.hbs or README.md.gotmpl under ${rel(io.cwd)}\n`);
      return 0;
    }

    // Collect, then fail once: every chart is generated before anything is reported or written.
    const done: GeneratedReadme[] = [];
    const failures: DocsError[] = [];
    for (const t of list) {
      try {
        done.push(generateReadme(t.dir, { sortOrder: order }));
      } catch (e) {
        if (e instanceof DocsError) failures.push(e);
        else throw e;
      }
    }
    for (const f of failures) {
      const where = `${rel(f.file)}${f.line ? `:${f.line}` : ''}${f.line && f.col ? `:${f.col}` : ''}`;
      io.err(`error: ${where}: ${f.reason}\n`);
    }

    let stale = 0;
    for (const g of done) {
      const before = current(g.readmePath);
      if (before === g.text) continue;
      const path = rel(g.readmePath);
      if (values.check) {
        stale++;
        const oldHeader = before === undefined ? '(missing)' : 'committed';
        io.out(createTwoFilesPatch(path, path, before ?? '', g.text, oldHeader, 'generated', { headerOptions: FILE_HEADERS_ONLY }));
      } else {
        writeFileAtomic(g.readmePath, g.text);
        io.out(`wrote ${path}\n`);
      }
    }
    if (values.check && stale > 0) {
      io.err(`error: ${stale} README${stale === 1 ? ' is' : 's are'} out of date; run prefect-charts docs to regenerate\n`);
      return 1;
    }
    return failures.length > 0 ? 1 : 0;
  },
};
