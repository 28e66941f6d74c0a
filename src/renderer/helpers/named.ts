// The bitnami common `define`s a templated value may `include`, backed by the same functions the
// charts call, so a value and a template always agree.
import { RUNTIME, type RenderContext } from '../context.js';
import * as caps from './capabilities.js';
import { goQuote, toYaml } from './go.js';
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
