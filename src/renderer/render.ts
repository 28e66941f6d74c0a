// The render pipeline (DESIGN.md "render, step by step"): values → coalesce → schema → context →
// templates → sort → YAML. Each stage is its own module; this one only strings them together.
import type { ChartTemplate, LoadedChart, Manifest } from './chart.js';
import {
  makeCapabilities,
  makeContext,
  RUNTIME,
  templateInfo,
  type RenderContext,
  type ReleaseInfo,
} from './context.js';
import {
  ChartFailure,
  ReleaseNameError,
  RenderFailedError,
  SchemaValidationError,
  ShowOnlyError,
  type TemplateIssue,
} from './errors.js';
import { commonNamed } from './helpers/named.js';
import { hasNoKeys, ValueTemplateError } from './helpers/tplvalues.js';
import { ManifestYamlError } from './helpers/yaml-data.js';
import { docText, serializeDocs, type DocText, type SourcedDoc } from './serialize.js';
import { sortManifests } from './sort.js';
import { coalesceValues, type WarningSink } from './values/coalesce.js';
import { loadValues, originOf, type InlineValues, type LoadedValues, type TextReader, type ValueSources } from './values/load.js';
import { fingerprint } from './values/fingerprint.js';
import { deepFreeze, getPath, isMap, valuePathText, type ValueMap } from './values/maps.js';
import { validateValues, withSetStringHint, type SchemaIssue } from '../schema/validate.js';
import { globMatch } from './glob.js';

export interface RenderOptions extends ValueSources {
  /** Release name; defaults to the chart name. */
  release?: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: readonly string[];
  /** `--show-only` patterns, relative to the chart (`templates/deployment.yaml`, globs allowed). */
  showOnly?: readonly string[];
  /** Values given as text (applied before `valueFiles`), for the API and tests. */
  inlineValues?: readonly InlineValues[];
  /** How files (values, --set-file) are read; the CLI passes the file system. */
  readFile?: TextReader;
  /** Non-fatal notices (helm's coalesce warnings). */
  warn?: WarningSink;
}

export interface RenderResult {
  /** Documents in helm's order, each with its `# Source:` path. */
  docs: SourcedDoc[];
  /** The YAML stream `helm template` prints. */
  text: string;
  /** The coalesced values the templates saw: frozen, shared by every render of the same chart and values. */
  values: ValueMap;
}

// chartutil.ValidateReleaseName
const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateReleaseName(name: string): void {
  if (name.length === 0 || name.length > 53 || !RELEASE_NAME.test(name)) throw new ReleaseNameError(name);
}

/** Subcharts whose `condition` holds in the coalesced values (helm's processDependencyEnabled). */
export function enabledSubcharts(chart: LoadedChart, values: ValueMap): LoadedChart {
  const subcharts = chart.subcharts.filter((s) => {
    if (!s.condition) return true;
    const v = getPath(values, s.condition);
    // Helm only honours a boolean condition; anything else leaves the chart enabled.
    return typeof v === 'boolean' ? v : true;
  });
  if (subcharts.length === chart.subcharts.length) return chart;
  // A copy that keeps accessors as accessors (a spread would call a chart's lazy getters).
  return Object.defineProperties({}, {
    ...Object.getOwnPropertyDescriptors(chart),
    subcharts: { value: subcharts, enumerable: true, writable: true, configurable: true },
  }) as LoadedChart;
}

/** Steps 2–5: the values the templates will see, validated. */
export function prepareValues(
  chart: LoadedChart,
  loaded: LoadedValues,
  warn: WarningSink,
): { chart: LoadedChart; values: ValueMap } {
  const noValues = Object.keys(loaded.values).length === 0;
  // The result depends on the chart and the user's values alone, so it is remembered by their
  // fingerprint (frozen, as every render with the same values shares it) and its warnings replayed:
  // a controller or CI loop that renders the same values again skips coalescing and validation.
  const key = noValues ? '' : fingerprintOf(loaded);
  let byValues = prepared.get(chart);
  let hit = key === undefined ? undefined : byValues?.get(key);
  if (!hit) {
    if (noValues && chart.preparedDefaults) {
      const { values, warnings } = chart.preparedDefaults;
      hit = { prepared: { chart: enabledSubcharts(chart, values), values }, warnings: [...warnings] };
    } else {
      const warnings: string[] = [];
      hit = { prepared: prepareFresh(chart, loaded, (m) => warnings.push(m)), warnings };
    }
    deepFreeze(hit.prepared.values);
    if (key !== undefined && key.length <= MAX_REMEMBERED_KEY) {
      if (!byValues) prepared.set(chart, (byValues = new Map()));
      if (byValues.size >= MAX_REMEMBERED) byValues.clear();
      byValues.set(key, hit);
    }
  }
  for (const w of hit.warnings) warn(w);
  return hit.prepared;
}

/** The fingerprint of loaded values, once per load (loadValues hands out the same load for the same input). */
function fingerprintOf(loaded: LoadedValues): string | undefined {
  if (!fingerprints.has(loaded)) fingerprints.set(loaded, fingerprint(loaded.values));
  return fingerprints.get(loaded);
}

const fingerprints = new WeakMap<LoadedValues, string | undefined>();

interface Prepared {
  prepared: { chart: LoadedChart; values: ValueMap };
  warnings: string[];
}

/** By chart, then by the fingerprint of the user's values ('' for none). Bounded in count and key size. */
const prepared = new WeakMap<LoadedChart, Map<string, Prepared>>();
const MAX_REMEMBERED = 32;
const MAX_REMEMBERED_KEY = 1 << 20;

function prepareFresh(chart: LoadedChart, loaded: LoadedValues, warn: WarningSink): { chart: LoadedChart; values: ValueMap } {
  const probeWarnings: string[] = [];
  const probe = coalesceValues(chart, loaded.values, (m) => probeWarnings.push(m));
  const active = enabledSubcharts(chart, probe);
  let values: ValueMap;
  if (active === chart) {
    // Every subchart stays: coalescing again would give the same values and warnings (coalesce is
    // deterministic and does not mutate its inputs), so the probe is the result.
    for (const w of probeWarnings) warn(w);
    values = probe;
  } else values = coalesceValues(active, loaded.values, warn);
  const issues = schemaIssues(active, values);
  if (issues.length) {
    throw new SchemaValidationError(
      issues.map((i) => {
        const origin = originOf(loaded, i.segments, i.keyword === 'additionalProperties');
        return origin ? { ...i, message: withSetStringHint(i, origin.where), where: origin.where } : i;
      }),
    );
  }
  return { chart: active, values };
}

/** Every schema violation of the chart and of each active subchart (with its own table). */
export function schemaIssues(chart: LoadedChart, values: ValueMap, prefix: Array<string | number> = []): SchemaIssue[] {
  const schema = chart.validator?.() ?? chart.schema;
  const issues: SchemaIssue[] = schema ? validateValues(chart.metadata.name, schema, values) : [];
  for (const i of issues) {
    i.segments = [...prefix, ...i.segments];
    i.path = valuePathText(i.segments);
  }
  for (const sub of chart.subcharts) {
    const table = values[sub.name];
    if (isMap(table)) issues.push(...schemaIssues(sub.chart, table, [...prefix, sub.name]));
  }
  return issues;
}

interface ChartRun {
  chart: LoadedChart;
  values: ValueMap;
  /** `prefect-server` or `prefect-server/charts/postgresql` */
  path: string;
  isRoot: boolean;
}

function chartRuns(chart: LoadedChart, values: ValueMap, path: string, isRoot: boolean): ChartRun[] {
  const runs: ChartRun[] = [{ chart, values, path, isRoot }];
  for (const sub of chart.subcharts) {
    const table = isMap(values[sub.name]) ? (values[sub.name] as ValueMap) : {};
    runs.push(...chartRuns(sub.chart, table, `${path}/charts/${sub.name}`, false));
  }
  return runs;
}

function toIssue(template: string, e: unknown): TemplateIssue {
  if (e instanceof ChartFailure || e instanceof ValueTemplateError) return { code: e.code, template, message: e.message };
  if (e instanceof ManifestYamlError) return { code: e.code, template, message: `YAML parse error: ${e.reason}` };
  if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string') {
    return { code: (e as Error & { code: string }).code, template, message: e.message };
  }
  // A bug in a template port: say which template, keep the message, no stack.
  return { code: 'TEMPLATE_BUG', template, message: `internal error: ${(e as Error)?.message ?? String(e)}` };
}

type NamedFn = (ctx: RenderContext, data: unknown) => string;

/** Helm loads every chart's defines into one set, so a parent's value may include a subchart's define. */
function sharedNamedTemplates(runs: readonly ChartRun[]): Map<string, NamedFn> {
  // The set depends on the chart tree only: made once per (active) root chart.
  const root = runs[0].chart;
  let named = namedByChart.get(root);
  if (named === undefined) {
    named = new Map<string, NamedFn>();
    for (const run of runs) {
      for (const [name, fn] of Object.entries(run.chart.module.namedTemplates ?? {})) named.set(name, fn);
    }
    namedByChart.set(root, named);
  }
  return named;
}

const namedByChart = new WeakMap<LoadedChart, Map<string, NamedFn>>();

function isContext(data: unknown): data is RenderContext {
  return typeof data === 'object' && data !== null && RUNTIME in data;
}

/** What a chart's templates render as: each template with its `# Source:` path, made once per template and chart path. */
interface TemplateRun {
  template: ChartTemplate;
  source: string;
  notes: boolean;
  /** `.Template` while it runs. */
  info: RenderContext['Template'];
}

const templateRuns = new WeakMap<readonly ChartTemplate[], Map<string, TemplateRun[]>>();

function templatesOf(chart: LoadedChart, path: string): TemplateRun[] {
  const templates = chart.module.templates;
  let byPath = templateRuns.get(templates);
  if (byPath === undefined) templateRuns.set(templates, (byPath = new Map()));
  let list = byPath.get(path);
  if (list === undefined) {
    list = templates.map((template) => {
      const source = `${path}/${template.path}`;
      return { template, source, notes: template.path.endsWith('NOTES.txt'), info: templateInfo(source, `${path}/templates`) };
    });
    byPath.set(path, list);
  }
  return list;
}

/** Step 7: run every template of every chart; collect documents and all failures. */
function runTemplates(runs: ChartRun[], release: ReleaseInfo, options: RenderOptions): SourcedDoc[] {
  const capabilities = makeCapabilities(options.kubeVersion, options.apiVersions ?? []);
  const docs: SourcedDoc[] = [];
  const issues: TemplateIssue[] = [];
  const named = sharedNamedTemplates(runs);
  for (const run of runs) {
    const basePath = `${run.path}/templates`;
    const ctx: RenderContext = makeContext({
      chart: run.chart,
      values: run.values,
      release,
      capabilities,
      basePath,
      isRoot: run.isRoot,
      include: (c, name, data) => {
        // A chart's own define runs with the context `include` was given (`.` of another chart).
        const fn = named.get(name);
        if (fn !== undefined) return fn(isContext(data) ? data : c, data);
        const common = commonNamed(c, name);
        return common === undefined ? undefined : common(c, data);
      },
    });
    for (const { template: t, source, notes, info } of templatesOf(run.chart, run.path)) {
      ctx.Template = info;
      let out;
      try {
        out = t.render(ctx);
      } catch (e) {
        issues.push(toIssue(source, e));
        continue;
      }
      if (notes || !out) continue;
      if (Array.isArray(out)) {
        for (const object of out as ReadonlyArray<Manifest | null | undefined>) if (object && !hasNoKeys(object)) docs.push({ source, object });
      } else if (!hasNoKeys(out as Manifest)) docs.push({ source, object: out as Manifest });
    }
  }
  if (issues.length) throw new RenderFailedError(issues);
  return docs;
}

/** helm template's --show-only: patterns relative to the chart root, in the order given. */
function showOnly(docs: SourcedDoc[], chartName: string, patterns: readonly string[]): SourcedDoc[] {
  const out: SourcedDoc[] = [];
  for (const pattern of patterns) {
    const p = pattern.replaceAll('\\', '/');
    const hits = docs.filter((d) => globMatch(p, d.source.slice(chartName.length + 1)));
    if (!hits.length) throw new ShowOnlyError(pattern);
    out.push(...hits);
  }
  return out;
}

/** Render a loaded chart: helm template's output, as documents and as text. */
export function renderChart(chart: LoadedChart, options: RenderOptions = {}): RenderResult {
  const release = options.release ?? chart.metadata.name;
  validateReleaseName(release);
  const warn = options.warn ?? (() => {});
  const loaded = loadValues(options, options.inlineValues ?? [], options.readFile);
  const { chart: active, values } = prepareValues(chart, loaded, warn);
  const releaseInfo: ReleaseInfo = {
    Name: release,
    Namespace: options.namespace ?? 'default',
    IsInstall: true,
    IsUpgrade: false,
    Revision: 1n,
    Service: 'Helm',
  };
  const name = chart.metadata.name;
  const rendered = runTemplates(chartRuns(active, values, name, true), releaseInfo, options);
  // Printed before the manifest checks: the emitter walks every value anyway and notes the NaN or
  // infinite numbers the checks look for, so they need not walk the documents again.
  const texts = new Map<SourcedDoc, DocText>();
  for (const d of rendered) texts.set(d, docText(d.object));
  const docs = sortManifests(rendered, (d) => texts.get(d)?.nonFinite === false);
  const shown = options.showOnly?.length ? showOnly(docs, name, options.showOnly) : docs;
  return { docs: shown, text: serializeDocs(shown, texts), values };
}
