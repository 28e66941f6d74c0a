// templates/background-services-deployment.yaml: Prefect's background services in their own pods.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  deploymentApiVersion,
  fullname,
  isTrue,
  printText,
  printed,
  quoted,
  componentSelector,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import { backgroundServicesServiceAccountName, objectMeta, probe, serverServiceAccountName, tplList, val } from './helpers.js';
import { databaseEnv, envFrom, imagePullSecrets, podMetadata, podSpecCommon, prefectImage, volumes } from './server-deployment.js';

/** The pod's ServiceAccount: its own when created, else the one named, else the server's. */
function serviceAccountName(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'backgroundServices.serviceAccount.create'))) return backgroundServicesServiceAccountName(ctx);
  const name = val(ctx, 'backgroundServices.serviceAccount.name');
  if (isTrue(name)) return printText(name);
  return serverServiceAccountName(ctx);
}

function container(ctx: RenderContext): Record<string, unknown> {
  const c: Record<string, unknown> = {
    name: 'prefect-background-services',
    image: prefectImage(ctx),
    imagePullPolicy: printed(val(ctx, 'global.prefect.image.pullPolicy')),
    command: ['/usr/bin/tini', '-g', '--', '/opt/prefect/entrypoint.sh'],
    args: ['prefect', 'server', 'services', 'start'],
    workingDir: '/home/prefect',
    env: [
      { name: 'HOME', value: '/home/prefect' },
      { name: 'PREFECT_DEBUG_MODE', value: quoted(val(ctx, 'backgroundServices.debug')) },
      { name: 'PREFECT_LOGGING_SERVER_LEVEL', value: quoted(val(ctx, 'backgroundServices.loggingLevel')) },
      { name: 'PREFECT_UI_ENABLED', value: 'false' },
      databaseEnv(ctx),
      ...tplList(ctx, 'global.prefect.env'),
      ...tplList(ctx, 'backgroundServices.env'),
    ],
    envFrom: envFrom(ctx, 'backgroundServices'),
  };
  const resources = val(ctx, 'backgroundServices.resources');
  if (isTrue(resources)) c.resources = yamlBlock(resources);
  const securityContext = val(ctx, 'backgroundServices.containerSecurityContext');
  if (isTrue(securityContext)) c.securityContext = yamlBlock(securityContext);
  if (isTrue(val(ctx, 'backgroundServices.livenessProbe.enabled'))) {
    c.livenessProbe = probe(ctx, '/api/health', 'backgroundServices.livenessProbe.config');
  }
  if (isTrue(val(ctx, 'backgroundServices.readinessProbe.enabled'))) {
    c.readinessProbe = probe(ctx, '/api/ready', 'backgroundServices.readinessProbe.config');
  }
  const mounts: unknown[] = [
    { mountPath: '/home/prefect', name: 'scratch', subPathExpr: 'home' },
    { mountPath: '/tmp', name: 'scratch', subPathExpr: 'tmp' },
  ];
  if (isTrue(val(ctx, 'sqlite.enabled'))) mounts.push({ mountPath: '/data', name: 'sqlite-storage' });
  mounts.push(...tplList(ctx, 'backgroundServices.extraVolumeMounts'));
  c.volumeMounts = mounts;
  return c;
}

export const template: ChartTemplate = {
  path: 'templates/background-services-deployment.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'backgroundServices.runAsSeparateDeployment'))) return null;
    const podMeta = podMetadata(ctx, 'backgroundServices', 'background-services');
    const podSpec: Record<string, unknown> = {};
    const pullSecrets = imagePullSecrets(ctx);
    if (pullSecrets) podSpec.imagePullSecrets = pullSecrets;
    podSpec.serviceAccountName = printed(serviceAccountName(ctx));
    podSpecCommon(ctx, 'backgroundServices', podSpec);
    podSpec.containers = [container(ctx), ...tplList(ctx, 'backgroundServices.extraContainers')];
    podSpec.volumes = volumes(ctx, 'backgroundServices');
    return {
      apiVersion: deploymentApiVersion(ctx),
      kind: 'Deployment',
      metadata: objectMeta(ctx, printed(`${fullname(ctx)}-background-services`), 'background-services'),
      spec: {
        revisionHistoryLimit: printed(val(ctx, 'backgroundServices.revisionHistoryLimit')),
        replicas: 1,
        selector: { matchLabels: componentSelector(ctx, 'background-services') },
        template: { metadata: podMeta, spec: podSpec },
      },
    };
  },
};
