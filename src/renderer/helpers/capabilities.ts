// bitnami common `_capabilities.tpl`: API versions chosen by the target Kubernetes version, which is
// `global.kubeVersion`, else `kubeVersion`, else what `--kube-version` (Capabilities) says.
import { runtimeOf, type RenderContext } from '../context.js';
import { TemplateExecError } from '../errors.js';
import { goTypeName, isMap } from '../gotemplate/go-format.js';
import { dflt, isNil, isTrue, printText } from './go.js';

export class KubeVersionValueError extends Error {
  readonly code = 'BAD_KUBE_VERSION_VALUE';
  constructor(readonly version: string) {
    super(`kubeVersion "${version}" is not a semantic version (as in 1.25.0)`);
  }
}

/** common.capabilities.kubeVersion */
export function kubeVersion(ctx: RenderContext): string {
  const v = ctx.Values;
  const g = v.global;
  // `(.Values.global).kubeVersion` (`.Values.global.kubeVersion` under a truthy `if` in 2.12.0): a field
  // of nil is nil, of a map its key; any other value stops the template.
  if (!isNil(g) && !isMap(g) && (runtimeOf(ctx).commonVersion !== '2.12.0' || isTrue(g))) {
    throw new TemplateExecError(`can't evaluate field kubeVersion in type ${goTypeName(g)}`);
  }
  const global = isMap(g) ? g.kubeVersion : undefined;
  return printText(dflt(dflt(ctx.Capabilities.KubeVersion.Version, v.kubeVersion), global));
}

/**
 * `semverCompare "<MAJOR.MINOR-0" version`: true when `version` (pre-releases included) is below
 * MAJOR.MINOR. Masterminds/semver accepts a leading v and missing minor/patch parts.
 */
export function versionBelow(version: string, major: number, minor: number): boolean {
  const [maj, min] = majorMinor(version);
  return maj < major || (maj === major && min < minor);
}

/** A version's major and minor numbers: every API version helper asks, on every render, about the same few. */
function majorMinor(version: string): readonly [number, number] {
  let parsed = parsedVersions.get(version);
  if (parsed === undefined) {
    const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(version.trim());
    if (!m) throw new KubeVersionValueError(version);
    parsed = [Number(m[1]), Number(m[2] ?? 0)];
    if (parsedVersions.size >= 64) parsedVersions.clear();
    parsedVersions.set(version, parsed);
  }
  return parsed;
}

const parsedVersions = new Map<string, readonly [number, number]>();

/** common 2.31 dropped support for old clusters: every API version is the current one. */
function fixedVersions(ctx: RenderContext): boolean {
  return runtimeOf(ctx).commonVersion === '2.31.3';
}

function pick(ctx: RenderContext, major: number, minor: number, older: string, current: string): string {
  if (fixedVersions(ctx)) return current;
  const v = kubeVersion(ctx);
  return v !== '' && versionBelow(v, major, minor) ? older : current;
}

export const deploymentApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 14, 'extensions/v1beta1', 'apps/v1');
export const statefulsetApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 14, 'apps/v1beta1', 'apps/v1');
export const rbacApiVersion = (ctx: RenderContext): string =>
  pick(ctx, 1, 17, 'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1');
export const policyApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 21, 'policy/v1beta1', 'policy/v1');
export const networkPolicyApiVersion = (ctx: RenderContext): string =>
  pick(ctx, 1, 7, 'extensions/v1beta1', 'networking.k8s.io/v1');
export const cronjobApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 21, 'batch/v1beta1', 'batch/v1');

/** common.capabilities.ingress.apiVersion: `ingress.apiVersion` wins when set. */
export function ingressApiVersion(ctx: RenderContext): string {
  const ingress = ctx.Values.ingress;
  const explicit = ingress && typeof ingress === 'object' ? (ingress as Record<string, unknown>).apiVersion : undefined;
  if (fixedVersions(ctx)) return 'networking.k8s.io/v1';
  if (explicit !== undefined && explicit !== null && explicit !== '' && explicit !== false) return printText(explicit);
  const v = kubeVersion(ctx);
  if (v !== '' && versionBelow(v, 1, 14)) return 'extensions/v1beta1';
  if (v !== '' && versionBelow(v, 1, 19)) return 'networking.k8s.io/v1beta1';
  return 'networking.k8s.io/v1';
}

export const daemonsetApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 14, 'extensions/v1beta1', 'apps/v1');
export const crdApiVersion = (ctx: RenderContext): string => pick(ctx, 1, 19, 'apiextensions.k8s.io/v1beta1', 'apiextensions.k8s.io/v1');
export const apiServiceApiVersion = (ctx: RenderContext): string =>
  pick(ctx, 1, 10, 'apiregistration.k8s.io/v1beta1', 'apiregistration.k8s.io/v1');

/** common.capabilities.hpa.apiVersion (`.context`, `.beta2`): the v2beta* APIs below 1.23 before common 2.31. */
export function hpaApiVersion(ctx: RenderContext, beta2: boolean): string {
  const v = kubeVersion(ctx);
  if (fixedVersions(ctx) || v === '' || !versionBelow(v, 1, 23)) return 'autoscaling/v2';
  return beta2 ? 'autoscaling/v2beta2' : 'autoscaling/v2beta1';
}

/** common.capabilities.vpa.apiVersion: from common 2.31 autoscaling/v1 (v1beta2 below 1.25); before, the hpa's choice. */
export function vpaApiVersion(ctx: RenderContext, beta2: boolean): string {
  if (!fixedVersions(ctx)) return hpaApiVersion(ctx, beta2);
  const v = kubeVersion(ctx);
  return v !== '' && versionBelow(v, 1, 25) ? 'autoscaling/v1beta2' : 'autoscaling/v1';
}

/** common.capabilities.psp.supported: "true" when the version is unknown or below 1.25, else "". */
export function pspSupported(ctx: RenderContext): string {
  const v = kubeVersion(ctx);
  return v === '' || versionBelow(v, 1, 25) ? 'true' : '';
}

/** common.capabilities.admissionConfiguration.supported: always from common 2.31, else from 1.23 on. */
export function admissionConfigurationSupported(ctx: RenderContext): string {
  const v = kubeVersion(ctx);
  return fixedVersions(ctx) || v === '' || !versionBelow(v, 1, 23) ? 'true' : '';
}

/** The admission and pod security configuration API versions: v1 from 1.25, v1beta1 before (v1alpha1 below 1.23 before common 2.31). */
function admissionGroupVersion(ctx: RenderContext, group: string): string {
  const v = kubeVersion(ctx);
  if (v !== '' && !fixedVersions(ctx) && versionBelow(v, 1, 23)) return `${group}/v1alpha1`;
  if (v !== '' && versionBelow(v, 1, 25)) return `${group}/v1beta1`;
  return `${group}/v1`;
}

export const admissionConfigurationApiVersion = (ctx: RenderContext): string => admissionGroupVersion(ctx, 'apiserver.config.k8s.io');
export const podSecurityConfigurationApiVersion = (ctx: RenderContext): string =>
  admissionGroupVersion(ctx, 'pod-security.admission.config.k8s.io');
