// What a chart is made of, as the renderer sees it. Charts under charts/<name>/ export a ChartModule;
// the loader pairs it with the chart's Chart.yaml, values.yaml and values.schema.json.
import type { ValidateFunction } from 'ajv';
import type { RenderContext } from './context.js';

/** A manifest as data: one YAML document a template produced. */
export type Manifest = Record<string, unknown>;

/** What one template file yields: its documents in file order (null/undefined entries are dropped). */
export type TemplateOutput = ReadonlyArray<Manifest | null | undefined> | Manifest | null | undefined | void;

/** One upstream template file, ported to a pure function of the render context. */
export interface ChartTemplate {
  /** Path inside the chart, as helm names it: `templates/deployment.yaml`, `templates/NOTES.txt`. */
  readonly path: string;
  render(ctx: RenderContext): TemplateOutput;
}

/** A named template (`define`) reachable through `include` from templated values: returns its text. */
export type NamedTemplate = (data: unknown) => string;

/** bitnami `common` releases differ in small ways; each chart pins the one it ships with. */
export type CommonVersion = '2.12.0' | '2.20.5' | '2.27.0' | '2.31.3';

export interface SubchartModule {
  /** Directory name under charts/<parent>/charts/ and the key of its values table (`postgresql`). */
  readonly name: string;
  /** Helm dependency condition, a dotted path into the parent's values (`postgresql.enabled`). */
  readonly condition?: string;
  readonly module: ChartModule;
}

export interface ChartModule {
  /** The bitnami common library version this chart depends on. */
  readonly commonVersion: CommonVersion;
  /** Every template file, NOTES.txt included (it renders nothing but its `fail` checks count). */
  readonly templates: readonly ChartTemplate[];
  /** The chart's own `define`s, by name, for `include` inside templated values. */
  readonly namedTemplates?: Readonly<Record<string, (ctx: RenderContext, data: unknown) => string>>;
  readonly subcharts?: readonly SubchartModule[];
}

export interface Maintainer {
  name: string;
  email?: string;
  url?: string;
}

export interface ChartDependency {
  name: string;
  version: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  alias?: string;
}

/** Chart.yaml, as helm reads it. */
export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  type?: string;
  home?: string;
  icon?: string;
  keywords?: string[];
  sources?: string[];
  maintainers?: Maintainer[];
  dependencies?: ChartDependency[];
  annotations?: Record<string, string>;
  kubeVersion?: string;
  deprecated?: boolean;
}

/** A chart loaded from disk and ready to render. */
export interface LoadedChart {
  readonly dir: string;
  readonly metadata: ChartMetadata;
  /** values.yaml parsed (plain data). */
  readonly defaults: Record<string, unknown>;
  /** values.yaml text, kept for positions in messages and for docs. */
  readonly valuesText: string;
  readonly schema?: Record<string, unknown>;
  /**
   * The schema's validator compiled ahead of time (embedded charts), loaded on first call: validation
   * then needs neither ajv nor the schema itself parsed.
   */
  readonly validator?: () => ValidateFunction;
  /**
   * What rendering with no user values prepares — the defaults coalesced (subcharts included), already
   * checked against the schemas — and the coalesce warnings, when known ahead of time (the build
   * computes them with the same code). Such a render then neither coalesces nor validates.
   */
  readonly preparedDefaults?: { readonly values: Record<string, unknown>; readonly warnings: readonly string[] };
  readonly module: ChartModule;
  readonly subcharts: ReadonlyArray<{ name: string; condition?: string; chart: LoadedChart }>;
  /** A one-line notice for charts upstream has deprecated (printed on stderr, never in manifests). */
  readonly deprecation?: string;
}
