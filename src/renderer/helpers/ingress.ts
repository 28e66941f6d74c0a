// bitnami common `_ingress.tpl` (2.x): the Ingress backend in the shape the target API version wants,
// whether the pathType/ingressClassName fields exist yet, and whether cert-manager is asked for a cert.
import type { RenderContext } from '../context.js';
import { kubeVersion, ingressApiVersion, versionBelow } from './capabilities.js';
import { isMap, isNil } from '../gotemplate/go-format.js';
import { printText } from './go.js';
import { printed } from './yaml-data.js';

/** The API versions whose backends name the service flat (`serviceName`/`servicePort`). */
function isLegacyIngress(apiVersion: string): boolean {
  return apiVersion === 'extensions/v1beta1' || apiVersion === 'networking.k8s.io/v1beta1';
}

/**
 * `servicePort | int` for the numeric form. Go template integer literals reach the helper as
 * int, values-file numbers as float64; both count as numbers here (int64 from --set cannot
 * pass the charts' schemas, which type the port as a string).
 */
function portNumber(port: number | bigint): number {
  return typeof port === 'bigint' ? Number(port) : Math.trunc(port);
}

/**
 * common.ingress.backend, as data: `{serviceName, servicePort}` for the v1beta1 APIs, else
 * `{service: {name, port: {name}|{number}}}`. A port that is neither a string nor a number leaves
 * `port:` empty (null), as the template's `typeIs` branches do.
 */
export function ingressBackend(ctx: RenderContext, serviceName: unknown, servicePort: unknown): Record<string, unknown> {
  if (isLegacyIngress(ingressApiVersion(ctx))) {
    return { serviceName: printed(serviceName), servicePort: printed(servicePort) };
  }
  let port: Record<string, unknown> | null = null;
  if (typeof servicePort === 'string') port = { name: printed(servicePort) };
  else if (typeof servicePort === 'number' || typeof servicePort === 'bigint') port = { number: portNumber(servicePort) };
  return { service: { name: printed(serviceName), port } };
}

/** common.ingress.backend as the text an `include` returns. */
export function ingressBackendText(ctx: RenderContext, serviceName: unknown, servicePort: unknown): string {
  if (isLegacyIngress(ingressApiVersion(ctx))) {
    return `serviceName: ${printText(serviceName)}\nservicePort: ${printText(servicePort)}`;
  }
  let text = `service:\n  name: ${printText(serviceName)}\n  port:`;
  if (typeof servicePort === 'string') text += `\n    name: ${servicePort}`;
  else if (typeof servicePort === 'number' || typeof servicePort === 'bigint') text += `\n    number: ${portNumber(servicePort)}`;
  return text;
}

/** `semverCompare "<1.18-0"` on the target Kubernetes version: both fields arrived in 1.18. */
function before118(ctx: RenderContext): boolean {
  return versionBelow(kubeVersion(ctx), 1, 18);
}

/** common.ingress.supportsPathType */
export function supportsPathType(ctx: RenderContext): boolean {
  return !before118(ctx);
}

/** common.ingress.supportsIngressClassname */
export function supportsIngressClassname(ctx: RenderContext): boolean {
  return !before118(ctx);
}

const CERT_MANAGER_KEYS = ['cert-manager.io/cluster-issuer', 'cert-manager.io/issuer', 'kubernetes.io/tls-acme'];

/**
 * common.ingress.certManagerRequest: true when the annotations carry one of cert-manager's keys
 * (present at all, whatever the value). nil annotations are an empty map to sprig's hasKey.
 */
export function certManagerRequest(annotations: unknown): boolean {
  if (isNil(annotations) || !isMap(annotations)) return false;
  return CERT_MANAGER_KEYS.some((k) => Object.hasOwn(annotations, k));
}
