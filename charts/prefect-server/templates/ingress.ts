// templates/ingress.yaml: the server's Ingress, shaped for the target Kubernetes version
// (networking.k8s.io/v1beta1 backends before 1.19, no pathType/ingressClassName before 1.18).
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  certManagerRequest,
  dflt,
  fullname,
  ingressApiVersion,
  ingressBackend,
  isNil,
  isTrue,
  namespace,
  printed,
  quoted,
  supportsIngressClassname,
  supportsPathType,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import { annotationBlocks, at, listItems, objectLabels, rangeItems, tplList, val } from './helpers.js';

/** Go's `printf "%s"` of one value: strings as they are, anything else as fmt's bad-verb form. */
function sprintfS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isNil(v)) return '%!s(<nil>)';
  if (typeof v === 'boolean') return `%!s(bool=${v})`;
  if (typeof v === 'bigint') return `%!s(int64=${v})`;
  if (typeof v === 'number') return `%!s(float64=${printed(v)})`;
  return `%!s(${Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}'}=...)`;
}

function rules(ctx: RenderContext): unknown[] {
  const service = printed(fullname(ctx));
  const servicePort = val(ctx, 'ingress.servicePort');
  const pathType = supportsPathType(ctx);
  const list: unknown[] = [];
  const hostname = val(ctx, 'ingress.host.hostname');
  if (isTrue(hostname)) {
    const paths: unknown[] = [];
    const extraPaths = val(ctx, 'ingress.extraPaths');
    // extraPaths are written with toYaml (not as templates), ahead of the main path.
    if (isTrue(extraPaths)) paths.push(...listItems(yamlBlock(extraPaths), 'ingress.extraPaths'));
    const main: Record<string, unknown> = { path: printed(val(ctx, 'ingress.host.path')) };
    if (pathType) main.pathType = printed(val(ctx, 'ingress.host.pathType'));
    main.backend = ingressBackend(ctx, service, servicePort);
    paths.push(main);
    list.push({ host: quoted(hostname), http: { paths } });
  }
  for (const host of rangeItems(val(ctx, 'ingress.extraHosts'), 'ingress.extraHosts')) {
    const path: Record<string, unknown> = { path: printed(dflt('/', at(host, 'path'))) };
    if (pathType) path.pathType = printed(dflt('ImplementationSpecific', at(host, 'pathType')));
    path.backend = ingressBackend(ctx, service, servicePort);
    list.push({ host: quoted(at(host, 'name')), http: { paths: [path] } });
  }
  list.push(...tplList(ctx, 'ingress.extraRules'));
  return list;
}

/** The main host's TLS entry: tls on, and a cert-manager annotation or selfSigned to provide the certificate. */
function mainTls(ctx: RenderContext): boolean {
  if (!isTrue(val(ctx, 'ingress.tls'))) return false;
  return certManagerRequest(val(ctx, 'ingress.annotations')) || isTrue(val(ctx, 'ingress.selfSigned'));
}

export const template: ChartTemplate = {
  path: 'templates/ingress.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'ingress.enabled'))) return null;
    const metadata: Record<string, unknown> = {
      name: printed(fullname(ctx)),
      namespace: quoted(namespace(ctx)),
      labels: objectLabels(ctx, 'server'),
    };
    if (isTrue(val(ctx, 'ingress.annotations')) || isTrue(ctx.Values.commonAnnotations)) {
      metadata.annotations = annotationBlocks(ctx, 'ingress.annotations', 'commonAnnotations');
    }
    const spec: Record<string, unknown> = {};
    const className = val(ctx, 'ingress.className');
    if (isTrue(className) && supportsIngressClassname(ctx)) spec.ingressClassName = quoted(className);
    const ruleList = rules(ctx);
    // `rules:` with no entry under it is null.
    spec.rules = ruleList.length ? ruleList : null;
    const withMain = mainTls(ctx);
    if (withMain || isTrue(val(ctx, 'ingress.extraTls'))) {
      const tls: unknown[] = [];
      if (withMain) {
        const hostname = val(ctx, 'ingress.host.hostname');
        tls.push({ hosts: [quoted(hostname)], secretName: printed(`${sprintfS(hostname)}-tls`) });
      }
      tls.push(...tplList(ctx, 'ingress.extraTls'));
      spec.tls = tls.length ? tls : null;
    }
    return { apiVersion: ingressApiVersion(ctx), kind: 'Ingress', metadata, spec };
  },
};
