// The bitnami common `define`s a templated value may `include`, backed by the same functions the
// charts call, so a value and a template always agree.
import { RUNTIME, runtimeOf, type RenderContext } from '../context.js';
import * as caps from './capabilities.js';
import { TemplateExecError } from '../errors.js';
import { dflt, field, goQuote, goTypeName, isMap, isNil, isTrue, strval, toYaml, trunc } from './go.js';
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

/** The first field a define reads from its `.` ([top-level key, its field]), or undefined when it reads none. */
type Reads = readonly [string, string] | undefined | ((ctx: RenderContext) => readonly [string, string] | undefined);

const KUBE: Reads = ['Capabilities', 'KubeVersion'];
/** The capability defines common 2.31 reduced to fixed strings read nothing; older ones read the version. */
const KUBE_BEFORE_2_31: Reads = (c) => (runtimeOf(c).commonVersion === '2.31.3' ? undefined : ['Capabilities', 'KubeVersion']);

/**
 * The chart context a `.`-style define runs on. Given something else, Go reads the define's first field
 * from it: a map without that key gives nil (helm's missingkey=zero) and the next field stops the
 * template; a string or number stops it at once. A map holding the key (a context built by hand) and
 * nil are read as the chart's own context.
 */
function dotContext(render: RenderContext, data: unknown, reads: Reads): RenderContext {
  const c = asContext(data);
  if (c !== undefined) return c;
  const first = typeof reads === 'function' ? reads(render) : reads;
  // The names defines end in `trunc` (or `contains`), which refuse the nil that fields of nil give.
  if (first !== undefined && isNil(data) && first[0] !== 'Capabilities') throw new TemplateExecError('invalid value; expected string');
  if (first !== undefined && !isNil(data)) {
    if (!isMap(data)) throw new TemplateExecError(`can't evaluate field ${first[0]} in type ${goTypeName(data)}`);
    if (!Object.hasOwn(data, first[0])) throw new TemplateExecError(`nil pointer evaluating interface {}.${first[1]}`);
  }
  return render;
}

/** `.`-style helpers take the chart context (see dotContext). */
function withContext(fn: (ctx: RenderContext) => string, reads: Reads = KUBE_BEFORE_2_31): NamedHelper {
  return (render, data) => fn(dotContext(render, data, reads));
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

/**
 * The hpa and (before common 2.31) vpa defines: the kube version of `.context`. Without one the
 * version include prints `<no value>`, which semverCompare refuses (common 2.31's hpa compares nothing).
 */
function autoscalingContext(render: RenderContext, data: unknown): RenderContext {
  const context = dictArg(data, 'context');
  if (isNil(context) && runtimeOf(render).commonVersion !== '2.31.3') {
    throw new TemplateExecError('error calling semverCompare: Invalid Semantic Version');
  }
  return isNil(context) ? render : dotContext(render, context, KUBE);
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
  'common.names.name': withContext(name, ['Chart', 'Name']),
  'common.names.fullname': withContext(fullname, ['Values', 'fullnameOverride']),
  'common.names.namespace': withContext(namespace, ['Release', 'Namespace']),
  'common.names.chart': withContext(chartLabel, ['Chart', 'Name']),
  'common.names.fullname.namespace': withContext((c) => {
    const s = `${fullname(c)}-${namespace(c)}`;
    return s.slice(0, 63).replace(/-$/, '');
  }, ['Values', 'fullnameOverride']),
  'common.labels.standard': labelsHelper(standardLabels),
  'common.labels.matchLabels': labelsHelper(matchLabels),
  'common.capabilities.kubeVersion': withContext(caps.kubeVersion, KUBE),
  'common.capabilities.deployment.apiVersion': withContext(caps.deploymentApiVersion),
  'common.capabilities.statefulset.apiVersion': withContext(caps.statefulsetApiVersion),
  'common.capabilities.rbac.apiVersion': withContext(caps.rbacApiVersion),
  'common.capabilities.policy.apiVersion': withContext(caps.policyApiVersion),
  'common.capabilities.networkPolicy.apiVersion': withContext(caps.networkPolicyApiVersion),
  'common.capabilities.cronjob.apiVersion': withContext(caps.cronjobApiVersion),
  'common.capabilities.ingress.apiVersion': withContext(caps.ingressApiVersion, (c) => (runtimeOf(c).commonVersion === '2.31.3' ? undefined : ['Values', 'ingress'])),
  'common.capabilities.daemonset.apiVersion': withContext(caps.daemonsetApiVersion),
  'common.capabilities.crd.apiVersion': withContext(caps.crdApiVersion),
  'common.capabilities.apiService.apiVersion': withContext(caps.apiServiceApiVersion),
  'common.capabilities.hpa.apiVersion': (render, data) => caps.hpaApiVersion(autoscalingContext(render, data), isTrue(dictArg(data, 'beta2'))),
  // common 2.31 takes `.` here, older versions `.context` (and `.beta2`) as for the hpa.
  'common.capabilities.vpa.apiVersion': (render, data) =>
    runtimeOf(render).commonVersion === '2.31.3'
      ? caps.vpaApiVersion(dotContext(render, data, KUBE), false)
      : caps.vpaApiVersion(autoscalingContext(render, data), isTrue(dictArg(data, 'beta2'))),
  'common.capabilities.psp.supported': withContext(caps.pspSupported, KUBE),
  'common.capabilities.admissionConfiguration.supported': withContext(caps.admissionConfigurationSupported, KUBE),
  'common.capabilities.admissionConfiguration.apiVersion': withContext(caps.admissionConfigurationApiVersion, KUBE),
  'common.capabilities.podSecurityConfiguration.apiVersion': withContext(caps.podSecurityConfigurationApiVersion, KUBE),
  // `.Capabilities | toString` is always `&{...}}` under helm 3.
  'common.capabilities.supportsHelmVersion': () => 'true',
  'common.compatibility.isOpenshift': withContext((c) => (c.Capabilities.APIVersions.Has('security.openshift.io/v1') ? 'true' : ''), ['Capabilities', 'APIVersions']),
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
