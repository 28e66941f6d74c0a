// `prefect-charts render <chart> [flags]`: helm template's output for one of the shipped charts.
import { resolve } from 'node:path';
import { CHART_NAMES, getChart } from '../../charts.js';
import { renderChart, type RenderOptions, type RenderResult } from '../../renderer/render.js';
import { defaultReader, ValuesFileError } from '../../renderer/values/load.js';
import { parseFlags, str, strings, UsageError, type FlagSpec } from '../args.js';
import { insideDir, relativeTo, writeFilesAtomic } from '../atomic-write.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';

/** The flags `render` and `lint` share: helm template's. */
export const RENDER_FLAGS: FlagSpec = {
  release: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  values: { type: 'string', short: 'f', multiple: true },
  set: { type: 'string', multiple: true },
  'set-string': { type: 'string', multiple: true },
  'set-json': { type: 'string', multiple: true },
  'set-file': { type: 'string', multiple: true },
  'kube-version': { type: 'string' },
  'api-versions': { type: 'string', short: 'a', multiple: true },
  'show-only': { type: 'string', short: 's', multiple: true },
  'output-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const RENDER_USAGE = `Usage: prefect-charts render [RELEASE] <chart> [flags]

Print the Kubernetes manifests \`helm template\` prints for a chart and values. As with helm template,
a release name may come first, and the chart may carry a repository prefix (prefect/prefect-server).

Charts: prefect-server, prefect-worker, prefect-agent, prometheus-prefect-exporter

Flags:
  --release NAME             release name (default: the chart name)
  -n, --namespace NS         release namespace (default: default)
  -f, --values FILE          values file, repeatable; later files win; - reads stdin
  --set K=V                  set values (typed: numbers, true/false, null), repeatable
  --set-string K=V           set string values, repeatable
  --set-json K=JSON          set JSON values, repeatable
  --set-file K=PATH          set a value to a file's content, repeatable
  --kube-version V           Kubernetes version for Capabilities (default: v1.25.0)
  -a, --api-versions G/V     extra API versions for Capabilities, repeatable
  -s, --show-only PATH       only the documents of this template (glob), repeatable
  --output-dir DIR           write each template's documents to DIR/<chart>/templates/... instead of stdout
`;

/** Reads -f and --set-file paths relative to `cwd`; messages keep the path as the user wrote it. */
export function cwdReader(cwd: string): (path: string) => string {
  return (path) => {
    try {
      return defaultReader(path === '-' ? path : resolve(cwd, path));
    } catch (e) {
      if (e instanceof ValuesFileError) throw new ValuesFileError(path, e.reason);
      throw e;
    }
  };
}

/** Render flags → render options. */
export function renderOptions(values: Record<string, unknown>, io: CliIO): RenderOptions {
  return {
    release: str(values.release),
    namespace: str(values.namespace),
    valueFiles: strings(values.values),
    set: strings(values.set),
    setString: strings(values['set-string']),
    setJson: strings(values['set-json']),
    setFile: strings(values['set-file']),
    readFile: cwdReader(io.cwd),
    kubeVersion: str(values['kube-version']),
    apiVersions: strings(values['api-versions']).flatMap((s) => s.split(',')).filter(Boolean),
    showOnly: strings(values['show-only']),
    warn: (m) => io.err(`warning: ${m}\n`),
  };
}

/** What the positional arguments name: the chart, and the release when given helm's way. */
export interface ChartArguments {
  chart: string;
  release?: string;
}

/**
 * `<chart>`, or helm template's `<release> <chart>`. A chart may carry a repository prefix as in helm
 * (`prefect/prefect-server`): the shipped chart of that name is meant.
 */
export function chartArguments(positionals: string[], command: string, releaseFlag: string | undefined): ChartArguments {
  if (positionals.length === 0) throw new UsageError(`"${command}" needs a chart name (see prefect-charts ${command} --help)`);
  if (positionals.length > 2) throw new UsageError(`"${command}" takes a chart, or a release name and a chart; got: ${positionals.join(' ')}`);
  const chart = withoutRepository(positionals[positionals.length - 1]);
  if (positionals.length === 1) return { chart };
  const release = positionals[0];
  if (releaseFlag !== undefined && releaseFlag !== release) {
    throw new UsageError(`release name given twice: "${release}" and --release ${releaseFlag}`);
  }
  return { chart, release };
}

function withoutRepository(chart: string): string {
  const slash = chart.lastIndexOf('/');
  const name = chart.slice(slash + 1);
  return slash > 0 && !chart.startsWith('.') && CHART_NAMES.includes(name) ? name : chart;
}

/** helm's --output-dir layout: one file per template, its documents in order. */
function outputFiles(result: RenderResult, dir: string): Array<{ path: string; text: string }> {
  const byFile = new Map<string, string>();
  const texts = result.text.split(/^---\n/m).filter(Boolean);
  result.docs.forEach((d, i) => byFile.set(d.source, (byFile.get(d.source) ?? '') + `---\n${texts[i]}`));
  return [...byFile].map(([source, text]) => ({ path: insideDir(dir, source), text }));
}

export const command: Command = {
  name: 'render',
  summary: 'print the manifests helm template prints for a chart and values',
  usage: RENDER_USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags('render', argv, RENDER_FLAGS);
    if (values.help) {
      io.out(RENDER_USAGE);
      return 0;
    }
    const args = chartArguments(positionals, 'render', str(values.release));
    const chart = await getChart(args.chart);
    const options = { ...renderOptions(values, io), release: args.release ?? str(values.release) };
    const outputDir = str(values['output-dir']);
    if (chart.deprecation) io.err(`note: ${chart.deprecation}\n`);
    const result = renderChart(chart, options);
    if (outputDir) {
      const root = resolve(io.cwd, outputDir);
      const files = outputFiles(result, root);
      writeFilesAtomic(files, root, relativeTo(io.cwd));
      for (const f of files) io.out(`wrote ${f.path}\n`);
    } else {
      io.out(result.text);
    }
    return 0;
  },
};
