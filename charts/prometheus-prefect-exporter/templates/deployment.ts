// templates/deployment.yaml: the exporter Deployment.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  dflt, field, goRange, image, isTrue, matchLabels, printed, quoted, yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import { inline, inlineText, metadata, serviceAccountName } from './helpers.js';

function env(ctx: RenderContext): unknown[] {
  const v = ctx.Values;
  const list: unknown[] = [{ name: 'PREFECT_API_URL', value: inline(v.prefectApiUrl, 12) }];
  if (isTrue(v.csrfAuth)) list.push({ name: 'PREFECT_CSRF_ENABLED', value: 'True' });
  const pagination = v.pagination;
  if (isTrue(field(pagination, 'enabled'))) {
    list.push({ name: 'PAGINATION_LIMIT', value: quoted(field(pagination, 'limit')) });
    list.push({ name: 'PAGINATION_ENABLED', value: 'True' });
  } else {
    list.push({ name: 'PAGINATION_ENABLED', value: 'False' });
  }
  if (isTrue(v.env)) {
    for (const [key, value] of goRange(v.env, 'env')) {
      list.push({ name: inline(String(key).toUpperCase(), 12), value: quoted(value) });
    }
  }
  const auth = v.basicAuth;
  if (isTrue(field(auth, 'enabled'))) {
    const existing = field(auth, 'existingSecret');
    list.push(
      isTrue(existing)
        ? { name: 'PREFECT_API_AUTH_STRING', valueFrom: { secretKeyRef: { name: inline(existing, 16), key: 'auth-string' } } }
        : { name: 'PREFECT_API_AUTH_STRING', value: quoted(field(auth, 'authString')) },
    );
  }
  return list;
}

function container(ctx: RenderContext): Record<string, unknown> {
  const v = ctx.Values;
  const service = v.service;
  const args = isTrue(v.containerArgs) ? goRange(v.containerArgs, 'containerArgs').map(([, a]) => quoted(a)) : null;
  const c: Record<string, unknown> = {
    name: printed(ctx.Chart.Name),
    securityContext: yamlBlock(v.securityContext),
    image: inlineText(image(ctx, v.image as Record<string, unknown>), 10),
    imagePullPolicy: inline(field(v.image, 'pullPolicy'), 10),
    args: args && args.length ? args : null,
    ports: [{ name: 'http', containerPort: inline(dflt(field(service, 'port'), field(service, 'targetPort')), 14), protocol: 'TCP' }],
  };
  const probe = { httpGet: { path: '/', port: 'http' } };
  if (isTrue(v.livenessProbe)) c.livenessProbe = probe;
  if (isTrue(v.readinessProbe)) c.readinessProbe = structuredClone(probe);
  c.env = env(ctx);
  c.resources = yamlBlock(v.resources);
  return c;
}

export const template: ChartTemplate = {
  path: 'templates/deployment.yaml',
  render(ctx) {
    const v = ctx.Values;
    const podMeta: Record<string, unknown> = {};
    if (isTrue(v.podAnnotations)) podMeta.annotations = yamlBlock(v.podAnnotations);
    podMeta.labels = matchLabels(ctx);
    const podSpec: Record<string, unknown> = {};
    if (isTrue(v.imagePullSecrets)) podSpec.imagePullSecrets = yamlBlock(v.imagePullSecrets);
    const useSa = field(v.serviceAccount, 'useServiceAccount');
    podSpec.serviceAccountName = isTrue(useSa) ? inline(useSa, 6) : inlineText(serviceAccountName(ctx), 6);
    podSpec.securityContext = yamlBlock(v.podSecurityContext);
    podSpec.containers = [container(ctx)];
    for (const key of ['nodeSelector', 'affinity', 'tolerations']) {
      if (isTrue(v[key])) podSpec[key] = yamlBlock(v[key]);
    }
    const spec: Record<string, unknown> = { revisionHistoryLimit: inline(v.revisionHistoryLimit, 2) };
    if (!isTrue(field(v.autoscaling, 'enabled'))) spec.replicas = inline(v.replicaCount, 2);
    spec.selector = { matchLabels: matchLabels(ctx) };
    spec.template = { metadata: podMeta, spec: podSpec };
    return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata(ctx), spec };
  },
};
