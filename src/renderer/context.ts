// The top-level object templates see (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Template`),
// with Helm's field names so templated values can walk it as Go templates do.
// Follows helm/helm pkg/chartutil/values.go (ToRenderValues) and pkg/chartutil/capabilities.go.
import type { ChartDependency, ChartMetadata, CommonVersion, LoadedChart, Maintainer } from './chart.js';
import { GoStruct, JsonFields, nilMap, nilSlice, withGoType } from './gotemplate/go-value.js';
import type { NamesMemo } from './helpers/names.js';
import type { ValueRead } from './helpers/value-reads.js';

export type Values = Record<string, unknown>;

export interface ReleaseInfo {
  Name: string;
  Namespace: string;
  IsInstall: boolean;
  IsUpgrade: boolean;
  /** A Go int (bigint here): `nindent .Release.Revision` takes it where a float64 would be refused. */
  Revision: bigint;
  Service: string;
}

export interface KubeVersionInfo {
  Version: string;
  Major: string;
  Minor: string;
  /** Deprecated method of chartutil.KubeVersion: the Version. */
  GitVersion(): string;
}

export interface CapabilitiesInfo {
  KubeVersion: KubeVersionInfo;
  /** chartutil.VersionSet: the list, with a `Has` method. */
  APIVersions: readonly string[] & { Has(version: string): boolean };
  HelmVersion: { Version: string; GitCommit: string; GitTreeState: string; GoVersion: string };
}

/** `.Chart`: Chart.yaml with Helm's capitalised field names. */
export interface ChartInfo {
  Name: string;
  Version: string;
  AppVersion: string;
  Description: string;
  Type: string;
  Home: string;
  Icon: string;
  Keywords: string[];
  Sources: string[];
  Maintainers: Array<{ Name: string; Email: string; URL: string }>;
  APIVersion: string;
  Condition: string;
  Tags: string;
  Deprecated: boolean;
  Annotations: Record<string, string>;
  KubeVersion: string;
  Dependencies: unknown[];
  IsRoot: boolean;
}

// Helm's context objects are Go structs (pkg/chart/metadata.go, dependency.go, pkg/chartutil/capabilities.go):
// typeOf names them, a field they lack stops a template, and toJson writes their JSON tags in field order.

/** Go's `omitempty`: false, 0, "", and nil or empty slices and maps are left out. */
function omitEmpty(entries: Array<[string, unknown]>): Array<[string, unknown]> {
  return entries.filter(([, v]) => {
    if (v === undefined || v === null || v === '' || v === false) return false;
    if (Array.isArray(v)) return v.length > 0;
    return typeof v !== 'object' || v instanceof GoStruct || Object.keys(v).length > 0;
  });
}

class ChartMaintainer extends GoStruct {
  constructor(
    readonly Name: string,
    readonly Email: string,
    readonly URL: string,
  ) {
    super();
  }
  get goType(): string {
    return '*chart.Maintainer';
  }
  override get goKind(): string {
    return 'ptr';
  }
  jsonValue(): unknown {
    return new JsonFields(omitEmpty([['name', this.Name], ['email', this.Email], ['url', this.URL]]));
  }
}

class ChartDependencyStruct extends GoStruct {
  readonly Name: string;
  readonly Version: string;
  readonly Repository: string;
  readonly Condition: string;
  readonly Tags: string[];
  readonly ImportValues: unknown[];
  readonly Alias: string;
  constructor(
    d: ChartDependency,
    readonly Enabled: boolean,
  ) {
    super();
    this.Name = d.name;
    this.Version = d.version ?? '';
    this.Repository = d.repository ?? '';
    this.Condition = d.condition ?? '';
    this.Tags = d.tags ? withGoType([...d.tags], '[]string') : (nilSlice('[]string') as string[]);
    this.ImportValues = nilSlice();
    this.Alias = d.alias ?? '';
  }
  get goType(): string {
    return '*chart.Dependency';
  }
  override get goKind(): string {
    return 'ptr';
  }
  jsonValue(): unknown {
    return new JsonFields([
      ['name', this.Name],
      ...omitEmpty([['version', this.Version]]),
      ['repository', this.Repository],
      ...omitEmpty([['condition', this.Condition], ['tags', this.Tags], ['enabled', this.Enabled], ['import-values', this.ImportValues], ['alias', this.Alias]]),
    ]);
  }
}

/** helm 3.10's `.Chart`: `struct { chart.Metadata; IsRoot bool }`. */
class ChartStruct extends GoStruct implements ChartInfo {
  readonly Name: string;
  readonly Home: string;
  readonly Sources: string[];
  readonly Version: string;
  readonly Description: string;
  readonly Keywords: string[];
  readonly Maintainers: ChartMaintainer[];
  readonly Icon: string;
  readonly APIVersion: string;
  readonly Condition: string;
  readonly Tags: string;
  readonly AppVersion: string;
  readonly Deprecated: boolean;
  readonly Annotations: Record<string, string>;
  readonly KubeVersion: string;
  readonly Dependencies: ChartDependencyStruct[];
  readonly Type: string;
  constructor(
    meta: ChartMetadata,
    readonly IsRoot: boolean,
    disabled: ReadonlySet<string>,
  ) {
    super();
    const strings = (l: string[] | undefined): string[] => (l ? withGoType([...l], '[]string') : (nilSlice('[]string') as string[]));
    this.Name = meta.name;
    this.Home = meta.home ?? '';
    this.Sources = strings(meta.sources);
    this.Version = meta.version;
    this.Description = meta.description ?? '';
    this.Keywords = strings(meta.keywords);
    this.Maintainers = withGoType(
      (meta.maintainers ?? []).map((m: Maintainer) => new ChartMaintainer(m.name ?? '', m.email ?? '', m.url ?? '')),
      '[]*chart.Maintainer',
    );
    this.Icon = meta.icon ?? '';
    this.APIVersion = meta.apiVersion;
    this.Condition = '';
    this.Tags = '';
    this.AppVersion = meta.appVersion ?? '';
    this.Deprecated = meta.deprecated ?? false;
    this.Annotations = meta.annotations
      ? withGoType(Object.assign(Object.create(null) as Record<string, string>, meta.annotations), 'map[string]string')
      : (nilMap('map[string]string') as Record<string, string>);
    this.KubeVersion = meta.kubeVersion ?? '';
    // helm drops a dependency its condition disables from the list; the others are Enabled.
    this.Dependencies = withGoType(
      (meta.dependencies ?? []).filter((d) => !disabled.has(d.alias ?? d.name)).map((d) => new ChartDependencyStruct(d, true)),
      '[]*chart.Dependency',
    );
    this.Type = meta.type ?? '';
  }
  get goType(): string {
    return 'struct { chart.Metadata; IsRoot bool }';
  }
  jsonValue(): unknown {
    return new JsonFields([
      ...omitEmpty([
        ['name', this.Name],
        ['home', this.Home],
        ['sources', this.Sources],
        ['version', this.Version],
        ['description', this.Description],
        ['keywords', this.Keywords],
        ['maintainers', this.Maintainers],
        ['icon', this.Icon],
        ['apiVersion', this.APIVersion],
        ['condition', this.Condition],
        ['tags', this.Tags],
        ['appVersion', this.AppVersion],
        ['deprecated', this.Deprecated],
        ['annotations', this.Annotations],
        ['kubeVersion', this.KubeVersion],
        ['dependencies', this.Dependencies],
        ['type', this.Type],
      ]),
      ['IsRoot', this.IsRoot],
    ]);
  }
}

/** chartutil.KubeVersion: prints as its Version (a Stringer), GitVersion a deprecated method. */
class KubeVersionStruct extends GoStruct implements KubeVersionInfo {
  constructor(
    readonly Version: string,
    readonly Major: string,
    readonly Minor: string,
  ) {
    super();
  }
  get goType(): string {
    return 'chartutil.KubeVersion';
  }
  override get stringer(): boolean {
    return true;
  }
  override toString(): string {
    return this.Version;
  }
  String(): string {
    return this.Version;
  }
  GitVersion(): string {
    return this.Version;
  }
  jsonValue(): unknown {
    return new JsonFields([['Version', this.Version], ['Major', this.Major], ['Minor', this.Minor]]);
  }
}

class BuildInfo extends GoStruct {
  readonly Version = 'v3.10.1';
  readonly GitCommit = '9f88ccb6aee40b9a0535fcc7efea6055e1ef72c9';
  readonly GitTreeState = 'clean';
  readonly GoVersion = 'go1.18.7';
  get goType(): string {
    return 'version.BuildInfo';
  }
  jsonValue(): unknown {
    return new JsonFields(
      omitEmpty([
        ['version', this.Version],
        ['git_commit', this.GitCommit],
        ['git_tree_state', this.GitTreeState],
        ['go_version', this.GoVersion],
      ]),
    );
  }
}

class CapabilitiesStruct extends GoStruct implements CapabilitiesInfo {
  readonly HelmVersion = new BuildInfo();
  constructor(
    readonly KubeVersion: KubeVersionStruct,
    readonly APIVersions: readonly string[] & { Has(version: string): boolean },
  ) {
    super();
  }
  get goType(): string {
    return '*chartutil.Capabilities';
  }
  override get goKind(): string {
    return 'ptr';
  }
  jsonValue(): unknown {
    return new JsonFields([['KubeVersion', this.KubeVersion], ['APIVersions', [...this.APIVersions]], ['HelmVersion', this.HelmVersion]]);
  }
}

/** chartutil.VersionSet: a []string with a Has method. */
function versionSet(list: string[]): readonly string[] & { Has(version: string): boolean } {
  const set = new Set(list);
  const vs = withGoType(list, 'chartutil.VersionSet') as string[] & { Has(version: string): boolean };
  Object.defineProperty(vs, 'Has', { value: (v: unknown) => typeof v === 'string' && set.has(v), enumerable: false });
  return vs;
}

/** Renderer state templates need but Go templates must not see (a symbol key hides it from `.`). */
export const RUNTIME: unique symbol = Symbol('prefect-charts.runtime');

export interface RenderRuntime {
  readonly commonVersion: CommonVersion;
  /** Resolve a named template (`include "name" data`) to its text, or undefined when unknown. */
  include(name: string, data: unknown): string | undefined;
  /** Where a value came from, for messages: dotted value path → `file:line:col`. */
  readonly chartPath: string;
  /** Names and labels of this context, once computed (see helpers/names.ts). */
  names?: NamesMemo;
  /** Remembered reads of `.Values` (see helpers/value-reads.ts); null when the values are not frozen. */
  reads?: ValueRead | null;
}

export interface RenderContext {
  Values: Values;
  Release: ReleaseInfo;
  Chart: ChartInfo;
  Capabilities: CapabilitiesInfo;
  Template: { Name: string; BasePath: string };
  Files: Record<string, never>;
  [RUNTIME]: RenderRuntime;
}

export const DEFAULT_KUBE_VERSION = 'v1.25.0';

/** helm 3.10.1's DefaultVersionSet (chartutil allKnownVersions, client-go 0.25): `.Capabilities.APIVersions` without a cluster, in its order. */
const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1alpha1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'networking.k8s.io/v1',
  'networking.k8s.io/v1alpha1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

export class KubeVersionError extends Error {
  readonly code = 'BAD_KUBE_VERSION';
  constructor(readonly input: string) {
    super(`invalid kube version "${input}": expected a version such as 1.25.0 or v1.25.0`);
  }
}

/**
 * Parse `--kube-version` the way helm does (chartutil.ParseKubeVersion over Masterminds semver.NewVersion):
 * an optional leading v, missing minor and patch read as 0, and the Version keeps a pre-release and
 * build metadata (`1.25.3-eks-1` is `v1.25.3-eks-1`).
 */
export function parseKubeVersion(input: string): KubeVersionInfo {
  const m = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/.exec(
    input.trim(),
  );
  if (!m) throw new KubeVersionError(input);
  const segment = (d: string | undefined): bigint => (d === undefined ? 0n : BigInt(d));
  const [major, minor, patch] = [segment(m[1]), segment(m[2]), segment(m[3])];
  if (major >= 2n ** 64n || minor >= 2n ** 64n || patch >= 2n ** 64n) throw new KubeVersionError(input);
  const version = `v${major}.${minor}.${patch}${m[4] ?? ''}${m[5] ?? ''}`;
  return new KubeVersionStruct(version, String(major), String(minor));
}

/** Capabilities without --kube-version or --api-versions, the usual case: made once (frozen). */
let defaultCapabilities: CapabilitiesInfo | undefined;

export function makeCapabilities(kubeVersion?: string, extraApiVersions: readonly string[] = []): CapabilitiesInfo {
  if (kubeVersion === undefined && extraApiVersions.length === 0) {
    return (defaultCapabilities ??= freezeCapabilities(buildCapabilities(undefined, [])));
  }
  return buildCapabilities(kubeVersion, extraApiVersions);
}

function freezeCapabilities(c: CapabilitiesInfo): CapabilitiesInfo {
  Object.freeze(c.KubeVersion);
  Object.freeze(c.APIVersions);
  Object.freeze(c.HelmVersion);
  return Object.freeze(c);
}

function buildCapabilities(kubeVersion: string | undefined, extraApiVersions: readonly string[]): CapabilitiesInfo {
  const kube = parseKubeVersion(kubeVersion ?? DEFAULT_KUBE_VERSION) as KubeVersionStruct;
  return new CapabilitiesStruct(kube, versionSet([...DEFAULT_API_VERSIONS, ...extraApiVersions]));
}

/**
 * `.Chart` of a chart, made once per chart, role and set of dependencies its values disable (frozen:
 * every render shares it).
 */
export function chartInfo(meta: ChartMetadata, isRoot: boolean, values?: Values): ChartInfo {
  // Shared (frozen) values give the same answer every render: remembered by the values object.
  const known = values && Object.isFrozen(values) ? chartInfoByValues.get(values) : undefined;
  if (known !== undefined && known.meta === meta && known.isRoot === isRoot) return known.info;
  const info = chartInfoFor(meta, isRoot, values);
  if (values && Object.isFrozen(values)) chartInfoByValues.set(values, { meta, isRoot, info });
  return info;
}

const chartInfoByValues = new WeakMap<Values, { meta: ChartMetadata; isRoot: boolean; info: ChartInfo }>();

function chartInfoFor(meta: ChartMetadata, isRoot: boolean, values?: Values): ChartInfo {
  const disabled = disabledDependencies(meta, values);
  const key = `${isRoot ? 1 : 0}${[...disabled].join(',')}`;
  let infos = chartInfos.get(meta);
  if (infos === undefined) chartInfos.set(meta, (infos = new Map()));
  let info = infos.get(key);
  if (info === undefined) infos.set(key, (info = deepFreezeInfo(new ChartStruct(meta, isRoot, disabled))));
  return info;
}

const chartInfos = new WeakMap<ChartMetadata, Map<string, ChartInfo>>();
const NO_NAMES: ReadonlySet<string> = new Set();

/** Dependencies whose condition (helm ProcessDependencyEnabled: the first path that holds a bool) is false. */
function disabledDependencies(meta: ChartMetadata, values: Values | undefined): ReadonlySet<string> {
  if (!values || !meta.dependencies?.some((d) => d.condition)) return NO_NAMES;
  const out = new Set<string>();
  for (const d of meta.dependencies) {
    for (const path of (d.condition ?? '').split(',')) {
      let v: unknown = values;
      for (const k of path.trim().split('.')) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Values)[k] : undefined;
      if (typeof v === 'boolean') {
        if (!v) out.add(d.alias ?? d.name);
        break;
      }
    }
  }
  return out;
}

function deepFreezeInfo(info: ChartInfo): ChartInfo {
  for (const m of info.Maintainers) Object.freeze(m);
  for (const d of info.Dependencies) Object.freeze(d);
  Object.freeze(info.Maintainers);
  Object.freeze(info.Dependencies);
  Object.freeze(info.Keywords);
  Object.freeze(info.Sources);
  Object.freeze(info.Annotations);
  return Object.freeze(info);
}

/**
 * `.Template`: a chartutil.Values of the template's name and base path. Made once per template and
 * shared (frozen): a render sets it for every template, and a fresh typed object each time was a
 * sizeable part of a render (a WeakMap entry apiece for the garbage collector to clear).
 */
export function templateInfo(name: string, basePath: string): { Name: string; BasePath: string } {
  let byName = templateInfos.get(basePath);
  if (byName === undefined) {
    if (templateInfos.size >= 1024) templateInfos.clear();
    templateInfos.set(basePath, (byName = new Map()));
  }
  let info = byName.get(name);
  if (info === undefined) {
    if (byName.size >= 1024) byName.clear();
    byName.set(name, (info = Object.freeze(withGoType({ Name: name, BasePath: basePath }, 'chartutil.Values'))));
  }
  return info;
}

const templateInfos = new Map<string, Map<string, { Name: string; BasePath: string }>>();

/** `.Files`: no chart files are shipped, so one empty engine.files serves every context. */
const NO_FILES = Object.freeze(withGoType({}, 'engine.files')) as Record<string, never>;

export interface ContextInput {
  chart: LoadedChart;
  values: Values;
  release: ReleaseInfo;
  capabilities: CapabilitiesInfo;
  /** Template base path: `<root>/templates` or `<root>/charts/<sub>/templates`. */
  basePath: string;
  isRoot: boolean;
  include: (ctx: RenderContext, name: string, data: unknown) => string | undefined;
}

export function makeContext(input: ContextInput): RenderContext {
  withGoType(input.values, 'chartutil.Values');
  const ctx: RenderContext = {
    Values: input.values,
    Release: input.release,
    Chart: chartInfo(input.chart.metadata, input.isRoot, input.values),
    Capabilities: input.capabilities,
    Template: templateInfo('', input.basePath),
    Files: NO_FILES,
    [RUNTIME]: {
      commonVersion: input.chart.module.commonVersion,
      include: (name, data) => input.include(ctx, name, data),
      chartPath: input.basePath.endsWith('/templates') ? input.basePath.slice(0, -'/templates'.length) : input.basePath,
      names: undefined,
      reads: undefined,
    },
  };
  return ctx;
}

export function runtimeOf(ctx: RenderContext): RenderRuntime {
  return ctx[RUNTIME];
}
