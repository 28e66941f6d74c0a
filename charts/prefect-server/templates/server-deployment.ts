// templates/server-deployment.yaml: the Prefect API/UI server.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  assignKeys,
  componentSelector,
  deploymentApiVersion,
  hasTemplate,
  fullname,
  isTrue,
  printText,
  printed,
  quoted,
  scalarFromText,
  shared,
  standardLabels,
  strval,
  tplText,
  tplValue,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import {
  inlineAt,
  objectMeta,
  postgresSecretName,
  probe,
  rangeItems,
  serverServiceAccountName,
  ternary,
  toInt,
  tplList,
  tplMap,
  val,
} from './helpers.js';

/** The env entries that point the container at its database: SQLite on the volume, or the connection Secret. */
export function databaseEnv(ctx: RenderContext): Record<string, unknown> {
  if (isTrue(val(ctx, 'sqlite.enabled'))) {
    return { name: 'PREFECT_API_DATABASE_CONNECTION_URL', value: 'sqlite+aiosqlite:////data/prefect.db' };
  }
  return {
    name: 'PREFECT_API_DATABASE_CONNECTION_URL',
    valueFrom: { secretKeyRef: { name: printed(postgresSecretName(ctx)), key: 'connection-string' } },
  };
}

/** `imagePullSecrets`, one `name:` per entry of global.prefect.image.pullSecrets. */
export function imagePullSecrets(ctx: RenderContext): unknown[] | undefined {
  const path = 'global.prefect.image.pullSecrets';
  const secrets = val(ctx, path);
  if (!isTrue(secrets)) return undefined;
  return rangeItems(secrets, path).map((s) => ({ name: printed(s) }));
}

/**
 * `image: "{{ repository }}:{{ tag }}"`, the image both Deployments run, read as YAML reads the double-quoted
 * text: escapes apply, line breaks fold, and a `"` inside is invalid YAML.
 */
export function prefectImage(ctx: RenderContext): unknown {
  return scalarFromText(`"${printText(val(ctx, 'global.prefect.image.repository'))}:${printText(val(ctx, 'global.prefect.image.prefectTag'))}"`);
}

/** envFrom: the ConfigMap and Secret named by `<prefix>.extraEnvVarsCM/Secret` (names rendered as templates). */
export function envFrom(ctx: RenderContext, prefix: string): unknown[] | null {
  const list: unknown[] = [];
  const cm = val(ctx, `${prefix}.extraEnvVarsCM`);
  // `name: {{ include ... }}` with the key at column 16: the text may not run on to a line indented no deeper.
  if (isTrue(cm)) list.push({ configMapRef: { name: inlineAt(tplText(ctx, cm, `${prefix}.extraEnvVarsCM`), 16) } });
  const secret = val(ctx, `${prefix}.extraEnvVarsSecret`);
  if (isTrue(secret)) list.push({ secretRef: { name: inlineAt(tplText(ctx, secret, `${prefix}.extraEnvVarsSecret`), 16) } });
  // `envFrom:` with nothing under it is null.
  return list.length ? list : null;
}

/** The pod-level scheduling and security fields both Deployments share, in upstream's order. */
export function podSpecCommon(ctx: RenderContext, prefix: string, spec: Record<string, unknown>): void {
  for (const key of ['affinity', 'nodeSelector', 'tolerations']) {
    const path = `${prefix}.${key}`;
    const v = val(ctx, path);
    if (isTrue(v)) spec[key] = tplValue(ctx, v, path);
  }
  const podSecurityContext = val(ctx, `${prefix}.podSecurityContext`);
  if (isTrue(podSecurityContext)) spec.securityContext = yamlBlock(podSecurityContext);
  const priorityClassName = val(ctx, `${prefix}.priorityClassName`);
  if (isTrue(priorityClassName)) spec.priorityClassName = printed(priorityClassName);
}

function args(ctx: RenderContext): unknown {
  const custom = val(ctx, 'server.args');
  if (isTrue(custom)) return yamlBlock(custom);
  const list: unknown[] = ['prefect', 'server', 'start'];
  if (isTrue(val(ctx, 'backgroundServices.runAsSeparateDeployment'))) list.push('--no-services');
  list.push('--port', quoted(val(ctx, 'service.targetPort')));
  for (const a of rangeItems(val(ctx, 'server.extraArgs'), 'server.extraArgs')) list.push(printed(strval(a)));
  return list;
}

function env(ctx: RenderContext): unknown[] {
  const list: unknown[] = [
    { name: 'HOME', value: '/home/prefect' },
    { name: 'PREFECT_DEBUG_MODE', value: quoted(val(ctx, 'server.debug')) },
    { name: 'PREFECT_LOGGING_SERVER_LEVEL', value: quoted(val(ctx, 'server.loggingLevel')) },
    { name: 'PREFECT_SERVER_API_PORT', value: quoted(val(ctx, 'service.targetPort')) },
    { name: 'PREFECT_UI_ENABLED', value: quoted(val(ctx, 'server.uiConfig.enabled')) },
    { name: 'PREFECT_UI_API_URL', value: quoted(val(ctx, 'server.uiConfig.prefectUiApiUrl')) },
    { name: 'PREFECT_UI_STATIC_DIRECTORY', value: quoted(val(ctx, 'server.uiConfig.prefectUiStaticDirectory')) },
    databaseEnv(ctx),
  ];
  if (isTrue(val(ctx, 'server.basicAuth.enabled'))) {
    const existing = val(ctx, 'server.basicAuth.existingSecret');
    list.push(
      isTrue(existing)
        ? { name: 'PREFECT_SERVER_API_AUTH_STRING', valueFrom: { secretKeyRef: { name: printed(existing), key: 'auth-string' } } }
        : { name: 'PREFECT_SERVER_API_AUTH_STRING', value: quoted(val(ctx, 'server.basicAuth.authString')) },
    );
  }
  list.push(...tplList(ctx, 'global.prefect.env'), ...tplList(ctx, 'server.env'));
  return list;
}

function container(ctx: RenderContext): Record<string, unknown> {
  const command = val(ctx, 'server.command');
  const c: Record<string, unknown> = {
    name: 'prefect-server',
    image: prefectImage(ctx),
    imagePullPolicy: printed(val(ctx, 'global.prefect.image.pullPolicy')),
    command: isTrue(command) ? yamlBlock(command) : ['/usr/bin/tini', '-g', '--', '/opt/prefect/entrypoint.sh'],
    args: args(ctx),
    workingDir: '/home/prefect',
    ports: [{ containerPort: toInt(val(ctx, 'service.targetPort')) }],
    env: env(ctx),
    envFrom: envFrom(ctx, 'server'),
  };
  const resources = val(ctx, 'server.resources');
  if (isTrue(resources)) c.resources = yamlBlock(resources);
  const securityContext = val(ctx, 'server.containerSecurityContext');
  if (isTrue(securityContext)) c.securityContext = yamlBlock(securityContext);
  if (isTrue(val(ctx, 'server.livenessProbe.enabled'))) c.livenessProbe = probe(ctx, '/api/health', 'server.livenessProbe.config');
  if (isTrue(val(ctx, 'server.readinessProbe.enabled'))) c.readinessProbe = probe(ctx, '/api/ready', 'server.readinessProbe.config');
  const mounts: unknown[] = [
    { mountPath: '/home/prefect', name: 'scratch', subPathExpr: 'home' },
    { mountPath: '/tmp', name: 'scratch', subPathExpr: 'tmp' },
    { mountPath: printed(val(ctx, 'server.uiConfig.prefectUiStaticDirectory')), name: 'scratch', subPathExpr: 'ui-build' },
  ];
  if (isTrue(val(ctx, 'sqlite.enabled'))) mounts.push({ mountPath: '/data', name: 'sqlite-storage' });
  mounts.push(...tplList(ctx, 'server.extraVolumeMounts'));
  c.volumeMounts = mounts;
  return c;
}

/** The pod volumes: scratch space, the SQLite claim (even when persistence is off), extra volumes. */
/** The pod template's metadata both Deployments write: templated annotations, component and version labels. */
export function podMetadata(ctx: RenderContext, prefix: string, component: string): Record<string, unknown> {
  const podMeta: Record<string, unknown> = {};
  const podAnnotations = val(ctx, `${prefix}.podAnnotations`);
  if (isTrue(podAnnotations)) podMeta.annotations = tplValue(ctx, podAnnotations, `${prefix}.podAnnotations`);
  const labelsPath = `${prefix}.podLabels`;
  podMeta.labels = hasTemplate(val(ctx, labelsPath))
    ? podLabels(ctx, labelsPath, component)
    : shared(ctx, labelsPath, component, () => podLabels(ctx, labelsPath, component));
  return podMeta;
}

function podLabels(ctx: RenderContext, labelsPath: string, component: string): Record<string, unknown> {
  // Keys added one by one: a spread followed by more keys is a slow path in V8.
  const labels = standardLabels(ctx);
  labels['app.kubernetes.io/component'] = component;
  labels['prefect-version'] = printed(ctx.Chart.AppVersion);
  return assignKeys(labels, tplMap(ctx, labelsPath));
}

export function volumes(ctx: RenderContext, prefix: string): unknown[] {
  const list: unknown[] = [{ name: 'scratch', emptyDir: {} }];
  if (isTrue(val(ctx, 'sqlite.enabled'))) {
    list.push({ name: 'sqlite-storage', persistentVolumeClaim: { claimName: printed(`${fullname(ctx)}-sqlite`) } });
  }
  list.push(...tplList(ctx, `${prefix}.extraVolumes`));
  return list;
}

export const template: ChartTemplate = {
  path: 'templates/server-deployment.yaml',
  render(ctx) {
    const podMeta = podMetadata(ctx, 'server', 'server');
    const podSpec: Record<string, unknown> = {};
    const pullSecrets = imagePullSecrets(ctx);
    if (pullSecrets) podSpec.imagePullSecrets = pullSecrets;
    podSpec.serviceAccountName = printed(serverServiceAccountName(ctx));
    podSpecCommon(ctx, 'server', podSpec);
    podSpec.containers = [container(ctx), ...tplList(ctx, 'server.extraContainers')];
    podSpec.volumes = volumes(ctx, 'server');
    const replicas = ternary(1, val(ctx, 'server.replicaCount'), val(ctx, 'sqlite.enabled'), 'sqlite.enabled');
    return {
      apiVersion: deploymentApiVersion(ctx),
      kind: 'Deployment',
      metadata: objectMeta(ctx, printed(fullname(ctx)), 'server'),
      spec: {
        revisionHistoryLimit: printed(val(ctx, 'server.revisionHistoryLimit')),
        replicas: printed(replicas),
        selector: { matchLabels: componentSelector(ctx, 'server') },
        template: { metadata: podMeta, spec: podSpec },
      },
    };
  },
};
