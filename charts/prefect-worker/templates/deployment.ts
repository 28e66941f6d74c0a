// templates/deployment.yaml: the worker Deployment, with the init container that syncs the base job
// template to the work pool when one is configured.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  assignKeys,
  dig,
  eqString,
  fullname,
  isTrue,
  ManifestYamlError,
  matchLabels,
  sha256Hex,
  withComponent,
  namespace,
  printed,
  quoted,
  quoteText,
  rangeValues,
  required,
  scalarFromText,
  standardLabels,
  strval,
  tplText,
  val,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';
import { configMapText } from './configmap.js';
import {
  apiUrl,
  baseJobTemplateName,
  clusterUUID,
  DEPLOYMENT_API_VERSION,
  inline,
  inlineText,
  listBlock,
  listItem,
  mapBlock,
  serviceAccountName,
  soft,
  tplBlock,
  workerMetadata,
  yamlErrorsLast,
} from './helpers.js';

type Obj = Record<string, unknown>;

const WORK_POOL_REQUIRED = 'A Work Pool Name is required (worker.config.workPool)';

/** `image: "{{ repository }}:{{ tag }}"`: Go prints both inside a YAML double-quoted scalar. */
function imageRef(ctx: RenderContext): unknown {
  const text = `${printOrEmpty(val(ctx, 'worker.image.repository'))}:${printOrEmpty(val(ctx, 'worker.image.prefectTag'))}`;
  return soft(() => scalarFromText(`"${text}"`), null);
}

function printOrEmpty(v: unknown): string {
  return v === null || v === undefined ? '' : strval(v);
}

/** The shell script of the sync init container: checks the pool exists, then pushes the template. */
function syncScript(workPool: string): string {
  return [
    `work_pool_name=${workPool}`,
    '',
    '# suppress work-pool inspect output, as we\'re just',
    '# calling it to check the existence of the work-pool.',
    '',
    'if ! prefect work-pool inspect $work_pool_name > /dev/null; then',
    '  echo ""',
    '  echo "Work pool $work_pool_name does not yet exist, meaning this is the initial run."',
    '  echo "The prefect-worker container will create the work pool on the initial run."',
    '  echo ""',
    '  echo "Exiting now!"',
    '  exit 0',
    'fi',
    '',
    'echo ""',
    'echo "Work pool $work_pool_name exists; syncing the base job template now..."',
    '',
    'echo ""',
    'echo "Work pool $work_pool_name now updating with the following Base Job Template:"',
    'echo ""',
    'cat ./baseJobTemplate.json',
    'echo ""',
    '',
    'prefect work-pool update $work_pool_name --base-job-template ./baseJobTemplate.json',
    '',
  ].join('\n');
}

function scratchMounts(): Obj[] {
  return [
    { mountPath: '/home/prefect', name: 'scratch', subPathExpr: 'home' },
    { mountPath: '/tmp', name: 'scratch', subPathExpr: 'tmp' },
  ];
}

const TEMPLATE_MOUNT = { mountPath: '/home/prefect/baseJobTemplate.json', name: 'base-job-template-file', subPath: 'baseJobTemplate.json' };

/** PREFECT_API_AUTH_STRING from an existing Secret or the inline auth string, when basic auth is on. */
function basicAuthEnv(ctx: RenderContext): Obj[] {
  if (!isTrue(val(ctx, 'worker.selfHostedServerApiConfig.basicAuth.enabled'))) return [];
  const existing = val(ctx, 'worker.selfHostedServerApiConfig.basicAuth.existingSecret');
  if (isTrue(existing)) {
    return [{ name: 'PREFECT_API_AUTH_STRING', valueFrom: { secretKeyRef: { name: inline(existing, 18), key: 'auth-string' } } }];
  }
  return [{ name: 'PREFECT_API_AUTH_STRING', value: quoted(val(ctx, 'worker.selfHostedServerApiConfig.basicAuth.authString')) }];
}

function apiKeyEnv(ctx: RenderContext, config: 'cloudApiConfig' | 'selfManagedCloudApiConfig'): Obj {
  return {
    name: 'PREFECT_API_KEY',
    valueFrom: {
      secretKeyRef: {
        name: inline(val(ctx, `worker.${config}.apiKeySecret.name`), 18),
        key: inline(val(ctx, `worker.${config}.apiKeySecret.key`), 18),
      },
    },
  };
}

// Upstream tests apiConfig against "selfManaged" (not "selfManagedCloud") for the API key variables;
// the schema rejects that value, so those branches never render. They are kept as upstream has them.
function isSelfManagedTypo(ctx: RenderContext): boolean {
  return eqString(val(ctx, 'worker.apiConfig'), 'selfManaged', '.Values.worker.apiConfig');
}

function syncInitContainer(ctx: RenderContext): Obj {
  const workPool = quoteText(required(WORK_POOL_REQUIRED, val(ctx, 'worker.config.workPool')));
  const env: Obj[] = [
    { name: 'HOME', value: '/home/prefect' },
    { name: 'PREFECT_API_URL', value: scalarFromText(apiUrl(ctx)) },
    ...basicAuthEnv(ctx),
    { name: 'PREFECT_KUBERNETES_CLUSTER_UID', value: scalarFromText(clusterUUID(ctx)) },
  ];
  if (eqString(val(ctx, 'worker.apiConfig'), 'cloud', '.Values.worker.apiConfig')) env.push(apiKeyEnv(ctx, 'cloudApiConfig'));
  else if (isSelfManagedTypo(ctx)) env.push(apiKeyEnv(ctx, 'selfManagedCloudApiConfig'));
  const container: Obj = {
    name: 'sync-base-job-template',
    image: imageRef(ctx),
    imagePullPolicy: inline(val(ctx, 'worker.image.pullPolicy'), 10),
    command: ['/bin/sh', '-c'],
    args: [syncScript(workPool)],
    workingDir: '/home/prefect',
    volumeMounts: [...scratchMounts(), { ...TEMPLATE_MOUNT }],
    env,
  };
  const worker = val(ctx, 'worker');
  if (isTrue(worker)) {
    // sprig coalesce: the first non-empty value, else nil (`resources: null`).
    const own = dig(dig(worker, 'initContainer', '.Values.worker'), 'resources', '.Values.worker.initContainer');
    const fallback = dig(worker, 'resources', '.Values.worker');
    container.resources = isTrue(own) ? own : isTrue(fallback) ? fallback : null;
  }
  const sc = val(ctx, 'worker.initContainer.containerSecurityContext');
  if (isTrue(sc)) container.securityContext = yamlBlock(sc);
  return container;
}

function dnsConfig(ctx: RenderContext): Obj {
  const config = val(ctx, 'worker.dnsConfig');
  const list = (key: string): unknown[] | null => {
    const items = rangeValues(dig(config, key, '.Values.worker.dnsConfig'), `.Values.worker.dnsConfig.${key}`).map((x) => listItem(x, 10));
    return items.length ? items : null;
  };
  const nameservers = list('nameservers');
  const searches = list('searches');
  const options = rangeValues(dig(config, 'options', '.Values.worker.dnsConfig'), '.Values.worker.dnsConfig.options').map((o) => {
    const value = dig(o, 'value', '.');
    const name = inline(dig(o, 'name', '.'), 12);
    return isTrue(value) ? { name, value: quoted(value) } : { name };
  });
  return { nameservers, searches, options: options.length ? options : null };
}

function workerArgs(ctx: RenderContext, templateName: string): unknown[] {
  const args: unknown[] = ['prefect', 'worker', 'start', '--type', quoted(val(ctx, 'worker.config.type'))];
  args.push('--pool', quoted(required(WORK_POOL_REQUIRED, val(ctx, 'worker.config.workPool'))));
  for (const queue of rangeValues(val(ctx, 'worker.config.workQueues'), '.Values.worker.config.workQueues')) {
    args.push('--work-queue', listItem(queue, 12));
  }
  args.push('--install-policy', quoted(val(ctx, 'worker.config.installPolicy')));
  const limit = val(ctx, 'worker.config.limit');
  if (isTrue(limit)) args.push('--limit', quoted(limit));
  if (isTrue(val(ctx, 'worker.livenessProbe.enabled'))) args.push('--with-healthcheck');
  const name = val(ctx, 'worker.config.name');
  if (isTrue(name)) args.push('--name', quoted(name));
  if (templateName) args.push('--base-job-template', 'baseJobTemplate.json');
  // `{{ . | toString }}` unquoted: YAML reads the text back, so "75" becomes a number.
  for (const arg of rangeValues(val(ctx, 'worker.extraArgs'), '.Values.worker.extraArgs')) args.push(listItem(strval(arg), 12));
  return args;
}

function workerEnv(ctx: RenderContext): unknown[] {
  const apiConfig = val(ctx, 'worker.apiConfig');
  const env: unknown[] = [
    { name: 'HOME', value: '/home/prefect' },
    { name: 'PREFECT_WORKER_PREFETCH_SECONDS', value: quoted(val(ctx, 'worker.config.prefetchSeconds')) },
    { name: 'PREFECT_WORKER_QUERY_SECONDS', value: quoted(val(ctx, 'worker.config.queryInterval')) },
    { name: 'PREFECT_API_ENABLE_HTTP2', value: quoted(val(ctx, 'worker.config.http2')) },
    { name: 'PREFECT_API_URL', value: scalarFromText(apiUrl(ctx)) },
    { name: 'PREFECT_KUBERNETES_CLUSTER_UID', value: scalarFromText(clusterUUID(ctx)) },
    { name: 'PREFECT_INTEGRATIONS_KUBERNETES_OBSERVER_NAMESPACES', value: quoted(namespace(ctx)) },
  ];
  if (eqString(apiConfig, 'cloud', '.Values.worker.apiConfig')) {
    env.push(apiKeyEnv(ctx, 'cloudApiConfig'));
  } else if (isSelfManagedTypo(ctx)) {
    env.push(apiKeyEnv(ctx, 'selfManagedCloudApiConfig'));
    env.push({ name: 'PREFECT_CLOUD_API_URL', value: inline(val(ctx, 'worker.selfManagedCloudApiConfig.cloudApiUrl'), 14) });
  }
  // The variables the worker hands to the flow-run Jobs it creates, naming the API key Secret.
  const keySecret = eqString(apiConfig, 'cloud', '.Values.worker.apiConfig')
    ? 'worker.cloudApiConfig.apiKeySecret'
    : eqString(apiConfig, 'selfManagedCloud', '.Values.worker.apiConfig')
      ? 'worker.selfManagedCloudApiConfig.apiKeySecret'
      : undefined;
  if (keySecret) {
    env.push(
      { name: 'PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_NAME', value: inline(val(ctx, `${keySecret}.name`), 14) },
      { name: 'PREFECT_INTEGRATIONS_KUBERNETES_WORKER_API_KEY_SECRET_KEY', value: inline(val(ctx, `${keySecret}.key`), 14) },
    );
  }
  env.push({ name: 'PREFECT_DEBUG_MODE', value: quoted(val(ctx, 'worker.image.debug')) });
  env.push(...basicAuthEnv(ctx));
  const extra = val(ctx, 'worker.extraEnvVars');
  if (isTrue(extra)) env.push(...listBlock(tplBlock(ctx, extra, 'worker.extraEnvVars'), 'worker.extraEnvVars'));
  return env;
}

/** `name: {{ include "common.tplvalues.render" ... }}` inline: the rendered text read as a scalar. */
function inlineTpl(ctx: RenderContext, v: unknown, path: string): unknown {
  return inlineText(tplText(ctx, v, path), 16);
}

function workerEnvFrom(ctx: RenderContext): unknown[] | null {
  const out: unknown[] = [];
  const cm = val(ctx, 'worker.extraEnvVarsCM');
  if (isTrue(cm)) out.push({ configMapRef: { name: inlineTpl(ctx, cm, 'worker.extraEnvVarsCM') } });
  for (const c of rangeValues(val(ctx, 'worker.extraEnvVarsCMs'), '.Values.worker.extraEnvVarsCMs')) {
    out.push({ configMapRef: { name: inlineTpl(ctx, c, 'worker.extraEnvVarsCMs') } });
  }
  const secret = val(ctx, 'worker.extraEnvVarsSecret');
  if (isTrue(secret)) out.push({ secretRef: { name: inlineTpl(ctx, secret, 'worker.extraEnvVarsSecret') } });
  for (const s of rangeValues(val(ctx, 'worker.extraEnvVarsSecrets'), '.Values.worker.extraEnvVarsSecrets')) {
    out.push({ secretRef: { name: inlineTpl(ctx, s, 'worker.extraEnvVarsSecrets') } });
  }
  // A bare `envFrom:` with no items is null.
  return out.length ? out : null;
}

/** The probe: a fixed HTTP check with the configured timings written as further keys of the same map. */
function livenessProbe(ctx: RenderContext): Obj {
  const config = val(ctx, 'worker.livenessProbe.config');
  const probe: Obj = { httpGet: { path: '/health', port: 8080 } };
  // `{{- toYaml config | nindent 12 }}` among the probe's keys: only a non-empty map keeps the YAML valid.
  if (!isTrue(config) || typeof config !== 'object' || Array.isArray(config)) {
    return soft(() => {
      throw new ManifestYamlError(String(config), 'worker.livenessProbe.config must be a non-empty map');
    }, probe);
  }
  return assignKeys(probe, config);
}

function workerContainer(ctx: RenderContext, templateName: string): Obj {
  const container: Obj = {
    name: 'prefect-worker',
    image: imageRef(ctx),
    imagePullPolicy: inline(val(ctx, 'worker.image.pullPolicy'), 10),
    command: ['/usr/bin/tini', '-g', '--', '/opt/prefect/entrypoint.sh'],
    args: workerArgs(ctx, templateName),
    workingDir: '/home/prefect',
    env: workerEnv(ctx),
    envFrom: workerEnvFrom(ctx),
  };
  const resources = val(ctx, 'worker.resources');
  if (isTrue(resources)) container.resources = yamlBlock(resources);
  const sc = val(ctx, 'worker.containerSecurityContext');
  if (isTrue(sc)) container.securityContext = yamlBlock(sc);
  if (isTrue(val(ctx, 'worker.livenessProbe.enabled'))) container.livenessProbe = livenessProbe(ctx);
  const mounts: unknown[] = scratchMounts();
  if (templateName) mounts.push({ ...TEMPLATE_MOUNT });
  const extraMounts = val(ctx, 'worker.extraVolumeMounts');
  if (isTrue(extraMounts)) mounts.push(...listBlock(tplBlock(ctx, extraMounts, 'worker.extraVolumeMounts'), 'worker.extraVolumeMounts'));
  container.volumeMounts = mounts;
  return container;
}

function podSpec(ctx: RenderContext): Obj {
  const spec: Obj = {};
  const pullSecrets = val(ctx, 'worker.image.pullSecrets');
  if (isTrue(pullSecrets)) {
    spec.imagePullSecrets = rangeValues(pullSecrets, '.Values.worker.image.pullSecrets').map((s) => ({ name: inline(s, 10) }));
  }
  const dnsPolicy = val(ctx, 'worker.dnsPolicy');
  if (isTrue(dnsPolicy)) spec.dnsPolicy = inline(dnsPolicy, 6);
  if (isTrue(val(ctx, 'worker.dnsConfig'))) spec.dnsConfig = dnsConfig(ctx);
  spec.serviceAccountName = inlineText(serviceAccountName(ctx), 6);
  for (const key of ['affinity', 'nodeSelector', 'tolerations'] as const) {
    const v = val(ctx, `worker.${key}`);
    if (isTrue(v)) spec[key] = tplBlock(ctx, v, `worker.${key}`);
  }
  const podSc = val(ctx, 'worker.podSecurityContext');
  if (isTrue(podSc)) spec.securityContext = yamlBlock(podSc);
  const priority = val(ctx, 'worker.priorityClassName');
  if (isTrue(priority)) spec.priorityClassName = inline(priority, 6);

  const templateName = baseJobTemplateName(ctx);
  const extraInit = val(ctx, 'worker.initContainer.extraContainers');
  if (templateName || isTrue(extraInit)) {
    const init: unknown[] = [];
    if (templateName) init.push(syncInitContainer(ctx));
    if (isTrue(extraInit)) {
      init.push(...listBlock(tplBlock(ctx, extraInit, 'worker.initContainer.extraContainers'), 'worker.initContainer.extraContainers'));
    }
    spec.initContainers = init;
  }

  const containers: unknown[] = [workerContainer(ctx, templateName)];
  const extraContainers = val(ctx, 'worker.extraContainers');
  if (isTrue(extraContainers)) {
    containers.push(...listBlock(tplBlock(ctx, extraContainers, 'worker.extraContainers'), 'worker.extraContainers'));
  }
  spec.containers = containers;

  const volumes: unknown[] = [{ name: 'scratch', emptyDir: {} }];
  const extraVolumes = val(ctx, 'worker.extraVolumes');
  if (isTrue(extraVolumes)) volumes.push(...listBlock(tplBlock(ctx, extraVolumes, 'worker.extraVolumes'), 'worker.extraVolumes'));
  if (templateName) volumes.push({ name: 'base-job-template-file', configMap: { name: inlineText(templateName, 12) } });
  spec.volumes = volumes;
  return spec;
}

export const template: ChartTemplate = {
  path: 'templates/deployment.yaml',
  render: yamlErrorsLast((ctx) => {
    const appVersion = printed(ctx.Chart.AppVersion);
    const name = inlineText(fullname(ctx), 2);
    const metadata = workerMetadata(ctx, name, appVersion);

    // `include (print $.Template.BasePath "/configmap.yaml") . | sha256sum`
    const checksum = sha256Hex(configMapText(ctx));
    const podAnnotations: Obj = { 'checksum/config': printed(checksum) };
    const extraAnnotations = val(ctx, 'worker.podAnnotations');
    if (isTrue(extraAnnotations)) {
      assignKeys(podAnnotations, mapBlock(tplBlock(ctx, extraAnnotations, 'worker.podAnnotations'), 'worker.podAnnotations'));
    }
    const podLabels: Obj = soft(() => standardLabels(ctx), {});
    podLabels['app.kubernetes.io/component'] = 'worker';
    podLabels['prefect-version'] = appVersion;
    const extraLabels = val(ctx, 'worker.podLabels');
    if (isTrue(extraLabels)) assignKeys(podLabels, mapBlock(tplBlock(ctx, extraLabels, 'worker.podLabels'), 'worker.podLabels'));

    return {
      apiVersion: DEPLOYMENT_API_VERSION,
      kind: 'Deployment',
      metadata,
      spec: {
        revisionHistoryLimit: inline(val(ctx, 'worker.revisionHistoryLimit'), 2),
        replicas: inline(val(ctx, 'worker.replicaCount'), 2),
        selector: { matchLabels: withComponent(soft(() => matchLabels(ctx), {}), 'worker') },
        template: {
          metadata: { annotations: podAnnotations, labels: podLabels },
          spec: podSpec(ctx),
        },
      },
    };
  }),
};

