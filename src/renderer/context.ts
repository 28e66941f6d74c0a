// The top-level object templates see (`.Values`, `.Release`, `.Chart`, `.Capabilities`, `.Template`),
// with Helm's field names so templated values can walk it as Go templates do.
// Follows helm/helm pkg/chartutil/values.go (ToRenderValues) and pkg/chartutil/capabilities.go.
import type { ChartMetadata, CommonVersion, LoadedChart } from './chart.js';

export type Values = Record<string, unknown>;

export interface ReleaseInfo {
  Name: string;
  Namespace: string;
  IsInstall: boolean;
  IsUpgrade: boolean;
  Revision: number;
  Service: string;
}

export interface KubeVersionInfo {
  Version: string;
  Major: string;
  Minor: string;
  GitVersion: string;
}

export interface CapabilitiesInfo {
  KubeVersion: KubeVersionInfo;
  APIVersions: { list: readonly string[]; Has(version: string): boolean };
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
  Keywords: string[];
  Sources: string[];
  Maintainers: Array<{ Name: string; Email: string; URL: string }>;
  APIVersion: string;
  IsRoot: boolean;
}

/** Renderer state templates need but Go templates must not see (a symbol key hides it from `.`). */
export const RUNTIME: unique symbol = Symbol('prefect-charts.runtime');

export interface RenderRuntime {
  readonly commonVersion: CommonVersion;
  /** Resolve a named template (`include "name" data`) to its text, or undefined when unknown. */
  include(name: string, data: unknown): string | undefined;
  /** Where a value came from, for messages: dotted value path → `file:line:col`. */
  readonly chartPath: string;
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

/** Helm's DefaultVersionSet for 1.25: what `.Capabilities.APIVersions` holds without a cluster. */
const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'apps/v1',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'certificates.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'events.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'networking.k8s.io/v1',
  'node.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1beta1',
];

export class KubeVersionError extends Error {
  readonly code = 'BAD_KUBE_VERSION';
  constructor(readonly input: string) {
    super(`invalid kube version "${input}": expected a version such as 1.25.0 or v1.25.0`);
  }
}

/** Parse `--kube-version` the way helm does (chartutil.ParseKubeVersion: semver, optional leading v). */
export function parseKubeVersion(input: string): KubeVersionInfo {
  const m = /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(
    input.trim(),
  );
  if (!m) throw new KubeVersionError(input);
  const major = m[1];
  const minor = m[2] ?? '0';
  const patch = m[3] ?? '0';
  const version = `v${major}.${minor}.${patch}`;
  return { Version: version, Major: major, Minor: minor, GitVersion: version };
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
  Object.freeze(c.APIVersions.list);
  Object.freeze(c.APIVersions);
  Object.freeze(c.HelmVersion);
  return Object.freeze(c);
}

function buildCapabilities(kubeVersion: string | undefined, extraApiVersions: readonly string[]): CapabilitiesInfo {
  const kube = parseKubeVersion(kubeVersion ?? DEFAULT_KUBE_VERSION);
  const list = [...DEFAULT_API_VERSIONS, ...extraApiVersions];
  const set = new Set(list);
  return {
    KubeVersion: kube,
    APIVersions: { list, Has: (v: string) => set.has(v) },
    HelmVersion: { Version: 'v3.10.1', GitCommit: '', GitTreeState: 'clean', GoVersion: 'go1.18.7' },
  };
}

/** `.Chart` of a chart, made once per chart and role (frozen: every render shares it). */
export function chartInfo(meta: ChartMetadata, isRoot: boolean): ChartInfo {
  let infos = chartInfos.get(meta);
  if (infos === undefined) chartInfos.set(meta, (infos = []));
  const i = isRoot ? 1 : 0;
  return (infos[i] ??= deepFreezeInfo(makeChartInfo(meta, isRoot)));
}

const chartInfos = new WeakMap<ChartMetadata, ChartInfo[]>();

function deepFreezeInfo(info: ChartInfo): ChartInfo {
  for (const m of info.Maintainers) Object.freeze(m);
  Object.freeze(info.Maintainers);
  Object.freeze(info.Keywords);
  Object.freeze(info.Sources);
  return Object.freeze(info);
}

function makeChartInfo(meta: ChartMetadata, isRoot: boolean): ChartInfo {
  return {
    Name: meta.name,
    Version: meta.version,
    AppVersion: meta.appVersion ?? '',
    Description: meta.description ?? '',
    Type: meta.type ?? '',
    Home: meta.home ?? '',
    Keywords: [...(meta.keywords ?? [])],
    Sources: [...(meta.sources ?? [])],
    Maintainers: (meta.maintainers ?? []).map((m) => ({ Name: m.name, Email: m.email ?? '', URL: m.url ?? '' })),
    APIVersion: meta.apiVersion,
    IsRoot: isRoot,
  };
}

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
  const ctx: RenderContext = {
    Values: input.values,
    Release: input.release,
    Chart: chartInfo(input.chart.metadata, input.isRoot),
    Capabilities: input.capabilities,
    Template: { Name: '', BasePath: input.basePath },
    Files: {},
    [RUNTIME]: {
      commonVersion: input.chart.module.commonVersion,
      include: (name, data) => input.include(ctx, name, data),
      chartPath: input.basePath.endsWith('/templates') ? input.basePath.slice(0, -'/templates'.length) : input.basePath,
    },
  };
  return ctx;
}

export function runtimeOf(ctx: RenderContext): RenderRuntime {
  return ctx[RUNTIME];
}
