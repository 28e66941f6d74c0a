// templates/deployment.yaml: the agent Deployment running `prefect agent start`.
import type { ChartTemplate, Manifest } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  deploymentApiVersion,
  eqString,
  fullname,
  goLen,
  isTrue,
  componentSelector,
  printed,
  printText,
  quoted,
  rangeValues,
  strval,
  tplText,
  val,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import {
  apiUrlText,
  appendRendered,
  clusterUidText,
  inline,
  listItem,
  mergeRendered,
  objectLabels,
  objectMetadata,
  renderedBlockIf,
  renderedIf,
  serviceAccountName,
} from './helpers.js';

/** `prefect agent start` and its options: queues and pool (or the default queue), limit, extra args. */
function agentArgs(ctx: RenderContext): unknown[] {
  const args: unknown[] = ['prefect', 'agent', 'start'];
  const workQueues = val(ctx, 'agent.config.workQueues');
  // `or (gt (len workQueues) 0) workPool`: len runs first and rejects nil and non-collections.
  if (goLen(workQueues) > 0 || isTrue(val(ctx, 'agent.config.workPool'))) {
    for (const q of rangeValues(workQueues)) args.push('--work-queue', quoted(q));
    const pool = val(ctx, 'agent.config.workPool');
    if (isTrue(pool)) args.push('--pool', quoted(pool));
  } else {
    args.push('--work-queue', 'default');
  }
  const limit = val(ctx, 'agent.config.limit');
  if (isTrue(limit)) args.push('--limit', quoted(limit));
  // `- {{ . | toString }}`: unquoted, so "75" reads back as a number and "yes" as a boolean.
  for (const a of rangeValues(val(ctx, 'agent.extraArgs'))) args.push(listItem(strval(a)));
  return args;
}

function agentEnv(ctx: RenderContext): unknown[] {
  const env: unknown[] = [
    { name: 'HOME', value: '/home/prefect' },
    { name: 'PREFECT_AGENT_PREFETCH_SECONDS', value: quoted(val(ctx, 'agent.config.prefetchSeconds')) },
    { name: 'PREFECT_AGENT_QUERY_INTERVAL', value: quoted(val(ctx, 'agent.config.queryInterval')) },
    { name: 'PREFECT_API_ENABLE_HTTP2', value: quoted(val(ctx, 'agent.config.http2')) },
    { name: 'PREFECT_API_URL', value: printed(apiUrlText(ctx)) },
    { name: 'PREFECT_KUBERNETES_CLUSTER_UID', value: printed(clusterUidText(ctx)) },
  ];
  if (eqString(val(ctx, 'agent.apiConfig'), 'cloud')) {
    env.push({
      name: 'PREFECT_API_KEY',
      valueFrom: {
        secretKeyRef: {
          name: inline(val(ctx, 'agent.cloudApiConfig.apiKeySecret.name')),
          key: inline(val(ctx, 'agent.cloudApiConfig.apiKeySecret.key')),
        },
      },
    });
  }
  env.push({ name: 'PREFECT_DEBUG_MODE', value: quoted(val(ctx, 'agent.image.debug')) });
  appendRendered(env, renderedBlockIf(ctx, 'agent.extraEnvVars'), 'agent.extraEnvVars');
  return env;
}

/** `envFrom:` is always written; without a ConfigMap or Secret it is an empty (null) value. */
function agentEnvFrom(ctx: RenderContext): unknown[] | null {
  const envFrom: unknown[] = [];
  const cm = val(ctx, 'agent.extraEnvVarsCM');
  if (isTrue(cm)) envFrom.push({ configMapRef: { name: inline(tplText(ctx, cm, 'agent.extraEnvVarsCM')) } });
  const secret = val(ctx, 'agent.extraEnvVarsSecret');
  if (isTrue(secret)) envFrom.push({ secretRef: { name: inline(tplText(ctx, secret, 'agent.extraEnvVarsSecret')) } });
  return envFrom.length ? envFrom : null;
}

function agentContainer(ctx: RenderContext): Manifest {
  const container: Manifest = {
    name: 'prefect-agent',
    // `image: "{{ repository }}:{{ prefectTag }}"`: a double-quoted YAML string around the printed text.
    image: printed(`"${printText(val(ctx, 'agent.image.repository'))}:${printText(val(ctx, 'agent.image.prefectTag'))}"`),
    imagePullPolicy: inline(val(ctx, 'agent.image.pullPolicy')),
    command: ['/usr/bin/tini', '-g', '--', '/opt/prefect/entrypoint.sh'],
    args: agentArgs(ctx),
    workingDir: '/home/prefect',
    env: agentEnv(ctx),
    envFrom: agentEnvFrom(ctx),
  };
  const resources = val(ctx, 'agent.resources');
  if (isTrue(resources)) container.resources = yamlBlock(resources);
  const securityContext = val(ctx, 'agent.containerSecurityContext');
  if (isTrue(securityContext)) container.securityContext = yamlBlock(securityContext);
  const volumeMounts: unknown[] = [
    { mountPath: '/home/prefect', name: 'scratch', subPathExpr: 'home' },
    { mountPath: '/tmp', name: 'scratch', subPathExpr: 'tmp' },
  ];
  appendRendered(volumeMounts, renderedBlockIf(ctx, 'agent.extraVolumeMounts'), 'agent.extraVolumeMounts');
  container.volumeMounts = volumeMounts;
  return container;
}

export const template: ChartTemplate = {
  path: 'templates/deployment.yaml',
  render(ctx) {
    const metadata = objectMetadata(ctx, inline(fullname(ctx)));
    const replicas = inline(val(ctx, 'agent.replicaCount'));

    const podMetadata: Manifest = {};
    const podAnnotations = renderedIf(ctx, 'agent.podAnnotations');
    if (isTrue(val(ctx, 'agent.podAnnotations'))) podMetadata.annotations = podAnnotations;
    const podLabels = objectLabels(ctx);
    mergeRendered(podLabels, renderedBlockIf(ctx, 'agent.podLabels'), 'agent.podLabels');
    podMetadata.labels = podLabels;

    const podSpec: Manifest = {};
    const pullSecrets = val(ctx, 'agent.image.pullSecrets');
    if (isTrue(pullSecrets)) podSpec.imagePullSecrets = rangeValues(pullSecrets).map((s) => ({ name: inline(s) }));
    podSpec.serviceAccountName = inline(serviceAccountName(ctx));
    for (const key of ['affinity', 'nodeSelector', 'tolerations'] as const) {
      if (isTrue(val(ctx, `agent.${key}`))) podSpec[key] = renderedIf(ctx, `agent.${key}`);
    }
    const podSecurityContext = val(ctx, 'agent.podSecurityContext');
    if (isTrue(podSecurityContext)) podSpec.securityContext = yamlBlock(podSecurityContext);
    const priorityClassName = val(ctx, 'agent.priorityClassName');
    if (isTrue(priorityClassName)) podSpec.priorityClassName = inline(priorityClassName);

    const containers: unknown[] = [agentContainer(ctx)];
    appendRendered(containers, renderedBlockIf(ctx, 'agent.extraContainers'), 'agent.extraContainers');
    podSpec.containers = containers;
    const volumes: unknown[] = [{ name: 'scratch', emptyDir: {} }];
    appendRendered(volumes, renderedBlockIf(ctx, 'agent.extraVolumes'), 'agent.extraVolumes');
    podSpec.volumes = volumes;

    return {
      apiVersion: deploymentApiVersion(ctx),
      kind: 'Deployment',
      metadata,
      spec: {
        replicas,
        selector: { matchLabels: componentSelector(ctx, 'agent') },
        template: { metadata: podMetadata, spec: podSpec },
      },
    };
  },
};
