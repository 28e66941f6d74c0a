// The bitnami common `define`s a templated value may `include`, backed by the same functions the
// charts call, so a value and a template always agree.
import { RUNTIME, runtimeOf, type RenderContext } from '../context.js';
import * as caps from './capabilities.js';
import { dflt, field, goQuote, isMap, isTrue, strval, toYaml, trunc } from './go.js';
import { image } from './images.js';
import * as ingress from './ingress.js';
import { standardLabels, matchLabels } from './labels.js';
import { chartLabel, fullname, name, namespace } from './names.js';
import { tplText } from './tplvalues.js';

/** A named template: `ctx` is the chart context of the render, `data` the argument `include` passed. */
export type NamedHelper = (ctx: RenderContext, data: unknown) => string;

function asContext(data: unknown): RenderContext | undefined {
  return data && typeof data === 'object' && RUNTIME in data ? (data as RenderContext) : undefined;
}

/** `.`-style helpers take the chart context; the dict style carries it in `context`. */
function withContext(fn: (ctx: RenderContext) => string): NamedHelper {
  return (render, data) => fn(asContext(data) ?? asContext(dictArg(data, 'context')) ?? render);
}

function dictArg(data: unknown, key: string): unknown {
  return data && typeof data === 'object' && Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

/**
 * The `.` form's text, line by line as the template writes it (fixed order, values unquoted but the
 * version), so text built from an include (a checksum, a `replace`) matches helm's byte for byte.
 */
function plainLabelsText(ctx: RenderContext, standard: boolean): string {
  const lines = [`app.kubernetes.io/name: ${name(ctx)}`];
  if (standard) lines.push(`helm.sh/chart: ${chartLabel(ctx)}`);
  lines.push(`app.kubernetes.io/instance: ${ctx.Release.Name}`);
  if (!standard) return lines.join('\n');
  lines.push(`app.kubernetes.io/managed-by: ${ctx.Release.Service}`);
  if (ctx.Chart.AppVersion !== '' || ctx[RUNTIME].commonVersion === '2.12.0') {
    lines.push(`app.kubernetes.io/version: ${goQuote(ctx.Chart.AppVersion)}`);
  }
  return lines.join('\n');
}

function labelsHelper(fn: typeof standardLabels): NamedHelper {
  return (render, data) => {
    const direct = asContext(data);
    if (direct) return plainLabelsText(direct, fn === standardLabels);
    const ctx = asContext(dictArg(data, 'context')) ?? render;
    return toYaml(fn(ctx, dictArg(data, 'customLabels')));
  };
}

/** The context a dict-style helper reads from `.context`. */
function contextArg(render: RenderContext, data: unknown): RenderContext {
  return asContext(dictArg(data, 'context')) ?? render;
}

/** common.names.dependency.fullname (`chartName`, `chartValues`, `context`): a subchart's fullname. */
function dependencyFullname(ctx: RenderContext, data: unknown): string {
  const values = dictArg(data, 'chartValues');
  const fullnameOverride = field(values, 'fullnameOverride');
  if (isTrue(fullnameOverride)) return trimDash(trunc(strval(fullnameOverride), 63));
  const name = strval(dflt(dictArg(data, 'chartName'), field(values, 'nameOverride')));
  const release = ctx.Release.Name;
  if (release.includes(name)) return trimDash(trunc(release, 63));
  return trimDash(trunc(`${release}-${name}`, 63));
}

const trimDash = (s: string): string => (s.endsWith('-') ? s.slice(0, -1) : s);

/** The defines only common 2.31 has. */
const COMMON_2_31_NAMED: Readonly<Record<string, NamedHelper>> = {
  'common.capabilities.job.apiVersion': () => 'batch/v1',
  'common.capabilities.apiVersions.has': (render, data) => {
    const c = contextArg(render, data);
    const version = dictArg(data, 'version');
    const global = c.Values.global;
    const provided = dflt(c.Values.apiVersions, isMap(global) ? global.apiVersions : undefined);
    if (!isTrue(provided)) return typeof version === 'string' && c.Capabilities.APIVersions.Has(version) ? 'true' : '';
    return Array.isArray(provided) && provided.some((p) => p === version) ? 'true' : '';
  },
};

/** A common define the calling chart's common version has, or undefined. */
export function commonNamed(ctx: RenderContext, name: string): NamedHelper | undefined {
  if (Object.hasOwn(COMMON_NAMED, name)) return COMMON_NAMED[name];
  if (runtimeOf(ctx).commonVersion === '2.31.3' && Object.hasOwn(COMMON_2_31_NAMED, name)) return COMMON_2_31_NAMED[name];
  return undefined;
}

export const COMMON_NAMED: Readonly<Record<string, NamedHelper>> = {
  'common.names.name': withContext(name),
  'common.names.fullname': withContext(fullname),
  'common.names.namespace': withContext(namespace),
  'common.names.chart': withContext(chartLabel),
  'common.names.fullname.namespace': withContext((c) => {
    const s = `${fullname(c)}-${namespace(c)}`;
    return s.slice(0, 63).replace(/-$/, '');
  }),
  'common.labels.standard': labelsHelper(standardLabels),
  'common.labels.matchLabels': labelsHelper(matchLabels),
  'common.capabilities.kubeVersion': withContext(caps.kubeVersion),
  'common.capabilities.deployment.apiVersion': withContext(caps.deploymentApiVersion),
  'common.capabilities.statefulset.apiVersion': withContext(caps.statefulsetApiVersion),
  'common.capabilities.rbac.apiVersion': withContext(caps.rbacApiVersion),
  'common.capabilities.policy.apiVersion': withContext(caps.policyApiVersion),
  'common.capabilities.networkPolicy.apiVersion': withContext(caps.networkPolicyApiVersion),
  'common.capabilities.cronjob.apiVersion': withContext(caps.cronjobApiVersion),
  'common.capabilities.ingress.apiVersion': withContext(caps.ingressApiVersion),
  'common.capabilities.daemonset.apiVersion': withContext(caps.daemonsetApiVersion),
  'common.capabilities.crd.apiVersion': withContext(caps.crdApiVersion),
  'common.capabilities.apiService.apiVersion': withContext(caps.apiServiceApiVersion),
  'common.capabilities.hpa.apiVersion': (render, data) => caps.hpaApiVersion(contextArg(render, data), isTrue(dictArg(data, 'beta2'))),
  // common 2.31 takes `.` here, older versions `.context` (and `.beta2`) as for the hpa.
  'common.capabilities.vpa.apiVersion': (render, data) =>
    runtimeOf(render).commonVersion === '2.31.3'
      ? caps.vpaApiVersion(asContext(data) ?? render, false)
      : caps.vpaApiVersion(contextArg(render, data), isTrue(dictArg(data, 'beta2'))),
  'common.capabilities.psp.supported': withContext(caps.pspSupported),
  'common.capabilities.admissionConfiguration.supported': withContext(caps.admissionConfigurationSupported),
  'common.capabilities.admissionConfiguration.apiVersion': withContext(caps.admissionConfigurationApiVersion),
  'common.capabilities.podSecurityConfiguration.apiVersion': withContext(caps.podSecurityConfigurationApiVersion),
  // `.Capabilities | toString` is always `&{...}}` under helm 3.
  'common.capabilities.supportsHelmVersion': () => 'true',
  'common.compatibility.isOpenshift': withContext((c) => (c.Capabilities.APIVersions.Has('security.openshift.io/v1') ? 'true' : '')),
  'common.names.dependency.fullname': (render, data) => dependencyFullname(contextArg(render, data), data),
  'common.ingress.backend': (render, data) =>
    ingress.ingressBackendText(asContext(dictArg(data, 'context')) ?? render, dictArg(data, 'serviceName'), dictArg(data, 'servicePort')),
  'common.ingress.supportsPathType': withContext((c) => String(ingress.supportsPathType(c))),
  'common.ingress.supportsIngressClassname': withContext((c) => String(ingress.supportsIngressClassname(c))),
  'common.ingress.certManagerRequest': (_render, data) => (ingress.certManagerRequest(dictArg(data, 'annotations')) ? 'true' : ''),
  'common.tplvalues.render': (render, data) =>
    tplText(asContext(dictArg(data, 'context')) ?? render, dictArg(data, 'value'), '', dictArg(data, 'scope')),
  'common.images.image': (render, data) =>
    image(
      render,
      dictArg(data, 'imageRoot') as Record<string, unknown> | undefined,
      dictArg(data, 'global') as Record<string, unknown> | undefined,
      dictArg(data, 'chart') as RenderContext['Chart'] | undefined,
    ),
};
