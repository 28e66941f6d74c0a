// templates/primary/statefulset.yaml: the single PostgreSQL pod (standalone architecture), with the
// optional exporter sidecar and the data volume (claim template, existing claim or emptyDir).
// TLS, LDAP and volumePermissions branches are not ported: NOTES refuses those settings.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import type { RenderContext } from '../../../../../../src/renderer/context.js';
import {
  assignKeys,
  affinityNodes,
  affinityPods,
  dflt,
  isTrue,
  printed,
  printText,
  quoted,
  required,
  sha256Hex,
  statefulsetApiVersion,
  storageClass,
  toYaml,
  tplValue,
  yamlBlock,
} from '../../../../../../src/renderer/helpers/index.js';
import {
  PostgresqlTemplateError,
  adminPasswordKey,
  at,
  atUnder,
  createConfigmap,
  createExtendedConfigmap,
  configmapName,
  database,
  eq,
  extendedConfigmapName,
  imagePullSecrets,
  initdbScriptsCM,
  items,
  labels,
  mergeWithCommon,
  mergedAnnotations,
  metricsImage,
  omitEnabled,
  passwordSecretName,
  pgIsReady,
  postgresqlImage,
  primaryFullname,
  primaryHeadlessName,
  primaryPodLabels,
  primarySelector,
  readinessProbeCommand,
  renderedItems,
  splicedList,
  replicationPasswordKey,
  serviceAccountName,
  servicePort,
  ternary,
  tpl,
  userPasswordKey,
  username,
  type Obj,
} from '../helpers.js';
import { configurationData } from './configmap.js';
import { extendedConfigurationData } from './extended-configmap.js';

const SECRETS_DIR = '/opt/bitnami/postgresql/secrets/';

/** `pick (include ".../configmap.yaml" . | fromYaml) "data" | toYaml | sha256sum` */
function dataChecksum(data: Obj): string {
  return sha256Hex(toYaml({ data }));
}

/** Go 1.18 `or a b`: the first truthy argument, else the last. */
const or = (a: unknown, b: unknown): unknown => (isTrue(a) ? a : b);

/** A password as a file path (usePasswordFiles) or a secretKeyRef into the password Secret. */
function passwordEnv(ctx: RenderContext, name: string, key: string): Obj {
  if (isTrue(at(ctx, 'auth', 'usePasswordFiles'))) return { name: `${name}_FILE`, value: printed(`${SECRETS_DIR}${key}`) };
  return { name, valueFrom: { secretKeyRef: { name: printed(passwordSecretName(ctx)), key: printed(key) } } };
}

/**
 * A probe built from the chart's settings: the settings (without `enabled`, templates evaluated),
 * then the chart's own handler lines written after them (and so winning over a duplicate key).
 */
function probe(ctx: RenderContext, settings: unknown, path: string, handler: Obj): Obj {
  const rendered = tplValue(ctx, omitEnabled(settings, path), path);
  if (!rendered || typeof rendered !== 'object' || Array.isArray(rendered) || !Object.keys(rendered).length) {
    // `{}` or a scalar followed by more keys is not valid YAML: helm fails to parse the output.
    throw new PostgresqlTemplateError(`YAML parse error: ${path} must hold probe settings besides enabled`);
  }
  return assignKeys(assignKeys({}, rendered), handler);
}

/** The three probes of a container: custom ones win, else the chart's when enabled. */
/** Handlers are built only for a probe that renders (helm evaluates a probe's includes only then). */
function probes(ctx: RenderContext, base: string[], handlers: { startup: () => Obj; liveness: () => Obj; readiness: () => Obj }): Obj {
  const out: Obj = {};
  for (const [kind, key, customKey] of PROBE_KEYS) {
    const custom = at(ctx, ...base, customKey);
    const settings = at(ctx, ...base, key);
    if (isTrue(custom)) out[key] = tplValue(ctx, custom, `${base.join('.')}.${customKey}`);
    else if (isTrue(at(ctx, ...base, key, 'enabled'))) {
      out[key] = probe(ctx, settings, `${base.join('.')}.${key}`, handlers[kind]());
    }
  }
  return out;
}

/** The probe keys as constants: a key built afresh on every read is a slow property lookup in V8. */
const PROBE_KEYS = [
  ['startup', 'startupProbe', 'customStartupProbe'],
  ['liveness', 'livenessProbe', 'customLivenessProbe'],
  ['readiness', 'readinessProbe', 'customReadinessProbe'],
] as const;

function postgresqlEnv(ctx: RenderContext): unknown[] {
  const v = ctx.Values;
  const user = username(ctx);
  const env: unknown[] = [
    {
      name: 'BITNAMI_DEBUG',
      value: ternary('true', 'false', or(at(ctx, 'image', 'debug'), at(ctx, 'diagnosticMode', 'enabled'))),
    },
    { name: 'POSTGRESQL_PORT_NUMBER', value: quoted(at(ctx, 'containerPorts', 'postgresql')) },
    { name: 'POSTGRESQL_VOLUME_DIR', value: quoted(at(ctx, 'primary', 'persistence', 'mountPath')) },
  ];
  if (isTrue(at(ctx, 'primary', 'persistence', 'mountPath'))) env.push({ name: 'PGDATA', value: quoted(v.postgresqlDataDir) });
  // Authentication
  const postgresUser = isTrue(at(ctx, 'auth', 'enablePostgresUser'));
  if (user === 'postgres' || user === '') {
    if (postgresUser) env.push(passwordEnv(ctx, 'POSTGRES_PASSWORD', adminPasswordKey(ctx)));
    else env.push({ name: 'ALLOW_EMPTY_PASSWORD', value: 'true' });
  } else {
    env.push({ name: 'POSTGRES_USER', value: quoted(user) });
    env.push(passwordEnv(ctx, 'POSTGRES_PASSWORD', userPasswordKey(ctx)));
    if (postgresUser) env.push(passwordEnv(ctx, 'POSTGRES_POSTGRES_PASSWORD', adminPasswordKey(ctx)));
  }
  const db = database(ctx);
  if (db !== '') env.push({ name: 'POSTGRES_DATABASE', value: quoted(db) });
  // Replication: only a standby primary gets here (the replication architecture is refused in NOTES).
  const standby = at(ctx, 'primary', 'standby', 'enabled');
  if (eq(v.architecture, 'replication') || isTrue(standby)) {
    env.push({ name: 'POSTGRES_REPLICATION_MODE', value: ternary('slave', 'master', standby) });
    env.push({ name: 'POSTGRES_REPLICATION_USER', value: quoted(at(ctx, 'auth', 'replicationUsername')) });
    env.push(passwordEnv(ctx, 'POSTGRES_REPLICATION_PASSWORD', replicationPasswordKey(ctx)));
    if (!eq(at(ctx, 'replication', 'synchronousCommit'), 'off')) {
      env.push({ name: 'POSTGRES_SYNCHRONOUS_COMMIT_MODE', value: quoted(at(ctx, 'replication', 'synchronousCommit')) });
      env.push({ name: 'POSTGRES_NUM_SYNCHRONOUS_REPLICAS', value: quoted(at(ctx, 'replication', 'numSynchronousReplicas')) });
    }
    env.push({ name: 'POSTGRES_CLUSTER_APP_NAME', value: printed(at(ctx, 'replication', 'applicationName')) });
  }
  // Initdb
  const initdb = (key: string): unknown => at(ctx, 'primary', 'initdb', key);
  if (isTrue(initdb('args'))) env.push({ name: 'POSTGRES_INITDB_ARGS', value: quoted(initdb('args')) });
  if (isTrue(initdb('postgresqlWalDir'))) env.push({ name: 'POSTGRES_INITDB_WALDIR', value: quoted(initdb('postgresqlWalDir')) });
  if (isTrue(initdb('user'))) env.push({ name: 'POSTGRES_INITSCRIPTS_USERNAME', value: printed(initdb('user')) });
  if (isTrue(initdb('password'))) env.push({ name: 'POSTGRES_INITSCRIPTS_PASSWORD', value: quoted(initdb('password')) });
  // Standby
  if (isTrue(standby)) {
    env.push({ name: 'POSTGRES_MASTER_HOST', value: printed(at(ctx, 'primary', 'standby', 'primaryHost')) });
    env.push({ name: 'POSTGRES_MASTER_PORT_NUMBER', value: quoted(at(ctx, 'primary', 'standby', 'primaryPort')) });
  }
  env.push({ name: 'POSTGRESQL_ENABLE_LDAP', value: ternary('yes', 'no', at(ctx, 'ldap', 'enabled')) });
  env.push({ name: 'POSTGRESQL_ENABLE_TLS', value: ternary('yes', 'no', at(ctx, 'tls', 'enabled')) });
  // Audit
  const audit = (key: string): unknown => at(ctx, 'audit', key);
  env.push(
    { name: 'POSTGRESQL_LOG_HOSTNAME', value: quoted(audit('logHostname')) },
    { name: 'POSTGRESQL_LOG_CONNECTIONS', value: quoted(audit('logConnections')) },
    { name: 'POSTGRESQL_LOG_DISCONNECTIONS', value: quoted(audit('logDisconnections')) },
  );
  if (isTrue(audit('logLinePrefix'))) env.push({ name: 'POSTGRESQL_LOG_LINE_PREFIX', value: quoted(audit('logLinePrefix')) });
  if (isTrue(audit('logTimezone'))) env.push({ name: 'POSTGRESQL_LOG_TIMEZONE', value: quoted(audit('logTimezone')) });
  if (isTrue(audit('pgAuditLog'))) env.push({ name: 'POSTGRESQL_PGAUDIT_LOG', value: quoted(audit('pgAuditLog')) });
  env.push({ name: 'POSTGRESQL_PGAUDIT_LOG_CATALOG', value: quoted(audit('pgAuditLogCatalog')) });
  // Others
  env.push(
    { name: 'POSTGRESQL_CLIENT_MIN_MESSAGES', value: quoted(audit('clientMinMessages')) },
    { name: 'POSTGRESQL_SHARED_PRELOAD_LIBRARIES', value: quoted(v.postgresqlSharedPreloadLibraries) },
  );
  const extra = at(ctx, 'primary', 'extraEnvVars');
  if (isTrue(extra)) env.push(...renderedItems(ctx, extra, 'primary.extraEnvVars'));
  return env;
}

/** command/args: diagnostic mode wins over the chart's overrides. */
function commandAndArgs(ctx: RenderContext, c: Obj, command: string[] | null, args: string[] | null): void {
  if (isTrue(at(ctx, 'diagnosticMode', 'enabled'))) {
    c.command = tplValue(ctx, at(ctx, 'diagnosticMode', 'command'), 'diagnosticMode.command');
    c.args = tplValue(ctx, at(ctx, 'diagnosticMode', 'args'), 'diagnosticMode.args');
    return;
  }
  if (command && isTrue(at(ctx, ...command))) c.command = tplValue(ctx, at(ctx, ...command), command.join('.'));
  if (args && isTrue(at(ctx, ...args))) c.args = tplValue(ctx, at(ctx, ...args), args.join('.'));
}

function postgresqlContainer(ctx: RenderContext): Obj {
  const p = atUnder(ctx, 'primary');
  const c: Obj = { name: 'postgresql', image: printed(postgresqlImage(ctx)), imagePullPolicy: quoted(at(ctx, 'image', 'pullPolicy')) };
  if (isTrue(p('containerSecurityContext', 'enabled'))) c.securityContext = omitEnabled(p('containerSecurityContext'), 'primary.containerSecurityContext');
  commandAndArgs(ctx, c, ['primary', 'command'], ['primary', 'args']);
  c.env = postgresqlEnv(ctx);
  if (isTrue(p('extraEnvVarsCM')) || isTrue(p('extraEnvVarsSecret'))) {
    const envFrom: Obj[] = [];
    if (isTrue(p('extraEnvVarsCM'))) envFrom.push({ configMapRef: { name: printed(p('extraEnvVarsCM')) } });
    if (isTrue(p('extraEnvVarsSecret'))) envFrom.push({ secretRef: { name: printed(p('extraEnvVarsSecret')) } });
    c.envFrom = envFrom;
  }
  c.ports = [{ name: 'tcp-postgresql', containerPort: printed(at(ctx, 'containerPorts', 'postgresql')) }];
  if (!isTrue(at(ctx, 'diagnosticMode', 'enabled'))) {
    const isReady = (): Obj => ({ exec: { command: ['/bin/sh', '-c', pgIsReady(ctx)] } });
    Object.assign(
      c,
      probes(ctx, ['primary'], {
        startup: isReady,
        liveness: isReady,
        readiness: () => ({ exec: { command: ['/bin/sh', '-c', '-e', readinessProbeCommand(ctx)] } }),
      }),
    );
  }
  if (isTrue(p('resources'))) c.resources = yamlBlock(p('resources'));
  if (isTrue(p('lifecycleHooks'))) c.lifecycle = tplValue(ctx, p('lifecycleHooks'), 'primary.lifecycleHooks');
  const mountPath = printText(p('persistence', 'mountPath'));
  const mounts: unknown[] = [];
  if (isTrue(p('initdb', 'scriptsConfigMap')) || isTrue(p('initdb', 'scripts'))) {
    mounts.push({ name: 'custom-init-scripts', mountPath: '/docker-entrypoint-initdb.d/' });
  }
  if (isTrue(p('initdb', 'scriptsSecret'))) mounts.push({ name: 'custom-init-scripts-secret', mountPath: '/docker-entrypoint-initdb.d/secret' });
  if (isTrue(p('extendedConfiguration')) || isTrue(p('existingExtendedConfigmap'))) {
    mounts.push({ name: 'postgresql-extended-config', mountPath: printed(`${mountPath}/conf/conf.d/`) });
  }
  if (isTrue(at(ctx, 'auth', 'usePasswordFiles'))) mounts.push({ name: 'postgresql-password', mountPath: SECRETS_DIR });
  if (isTrue(at(ctx, 'shmVolume', 'enabled'))) mounts.push({ name: 'dshm', mountPath: '/dev/shm' });
  if (isTrue(p('persistence', 'enabled'))) {
    const m: Obj = { name: 'data', mountPath: printed(mountPath) };
    if (isTrue(p('persistence', 'subPath'))) m.subPath = printed(p('persistence', 'subPath'));
    mounts.push(m);
  }
  if (isTrue(p('configuration')) || isTrue(p('pgHbaConfiguration')) || isTrue(p('existingConfigmap'))) {
    mounts.push({ name: 'postgresql-config', mountPath: printed(`${mountPath}/conf`) });
  }
  c.volumeMounts = splicedList(ctx, mounts, p('extraVolumeMounts'), [], 'primary.extraVolumeMounts');
  return c;
}

/** sprig `int` of text (spf13/cast): Go integer literal syntax, anything else 0. */
function toInt(text: string): number {
  const t = text.trim();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9]\d*|0)$/.exec(t);
  if (!m) return 0;
  const body = m[2];
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body.startsWith('0')) n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  return m[1] === '-' ? -n : n;
}

function metricsContainer(ctx: RenderContext): Obj {
  const m = atUnder(ctx, 'metrics');
  const c: Obj = { name: 'metrics', image: printed(metricsImage(ctx)), imagePullPolicy: quoted(m('image', 'pullPolicy')) };
  if (isTrue(m('containerSecurityContext', 'enabled'))) c.securityContext = omitEnabled(m('containerSecurityContext'), 'metrics.containerSecurityContext');
  if (isTrue(at(ctx, 'diagnosticMode', 'enabled'))) commandAndArgs(ctx, c, null, null);
  else if (isTrue(m('customMetrics'))) c.args = ['--extend.query-path', '/conf/custom-metrics.yaml'];
  const db = required(
    'In order to enable metrics you need to specify a database (.Values.auth.database or .Values.global.postgresql.auth.database)',
    database(ctx),
  );
  const env: unknown[] = [
    { name: 'DATA_SOURCE_URI', value: printed(`127.0.0.1:${toInt(servicePort(ctx))}/${db}?sslmode=disable`) },
    passwordEnv(ctx, 'DATA_SOURCE_PASS', userPasswordKey(ctx)),
    { name: 'DATA_SOURCE_USER', value: quoted(dflt('postgres', username(ctx))) },
  ];
  if (isTrue(m('extraEnvVars'))) env.push(...renderedItems(ctx, m('extraEnvVars'), 'metrics.extraEnvVars'));
  c.env = env;
  c.ports = [{ name: 'http-metrics', containerPort: printed(m('containerPorts', 'metrics')) }];
  if (!isTrue(at(ctx, 'diagnosticMode', 'enabled'))) {
    const http = (): Obj => ({ httpGet: { path: '/', port: 'http-metrics' } });
    Object.assign(c, probes(ctx, ['metrics'], { startup: () => ({ tcpSocket: { port: 'http-metrics' } }), liveness: http, readiness: http }));
  }
  const mounts: unknown[] = [];
  if (isTrue(at(ctx, 'auth', 'usePasswordFiles'))) mounts.push({ name: 'postgresql-password', mountPath: SECRETS_DIR });
  if (isTrue(m('customMetrics'))) mounts.push({ name: 'custom-metrics', mountPath: '/conf', readOnly: true });
  c.volumeMounts = mounts.length ? mounts : null;
  if (isTrue(m('resources'))) c.resources = yamlBlock(m('resources'));
  return c;
}

function volumes(ctx: RenderContext): unknown {
  const p = atUnder(ctx, 'primary');
  const list: unknown[] = [];
  if (isTrue(p('configuration')) || isTrue(p('pgHbaConfiguration')) || isTrue(p('existingConfigmap'))) {
    list.push({ name: 'postgresql-config', configMap: { name: printed(configmapName(ctx)) } });
  }
  if (isTrue(p('extendedConfiguration')) || isTrue(p('existingExtendedConfigmap'))) {
    list.push({ name: 'postgresql-extended-config', configMap: { name: printed(extendedConfigmapName(ctx)) } });
  }
  if (isTrue(at(ctx, 'auth', 'usePasswordFiles'))) {
    list.push({ name: 'postgresql-password', secret: { secretName: printed(passwordSecretName(ctx)) } });
  }
  if (isTrue(p('initdb', 'scriptsConfigMap')) || isTrue(p('initdb', 'scripts'))) {
    list.push({ name: 'custom-init-scripts', configMap: { name: printed(initdbScriptsCM(ctx)) } });
  }
  if (isTrue(p('initdb', 'scriptsSecret'))) {
    list.push({
      name: 'custom-init-scripts-secret',
      secret: { secretName: printed(tpl(ctx, p('initdb', 'scriptsSecret'), 'primary.initdb.scriptsSecret')) },
    });
  }
  const before = list.splice(0);
  if (isTrue(at(ctx, 'metrics', 'enabled')) && isTrue(at(ctx, 'metrics', 'customMetrics'))) {
    list.push({ name: 'custom-metrics', configMap: { name: printed(`${primaryFullname(ctx)}-metrics`) } });
  }
  if (isTrue(at(ctx, 'shmVolume', 'enabled'))) {
    const emptyDir: Obj = { medium: 'Memory' };
    if (isTrue(at(ctx, 'shmVolume', 'sizeLimit'))) emptyDir.sizeLimit = printed(at(ctx, 'shmVolume', 'sizeLimit'));
    list.push({ name: 'dshm', emptyDir });
  }
  const persistence = p('persistence', 'enabled');
  if (isTrue(persistence) && isTrue(p('persistence', 'existingClaim'))) {
    const claim = tpl(ctx, p('persistence', 'existingClaim'), 'primary.persistence.existingClaim');
    list.push({ name: 'data', persistentVolumeClaim: { claimName: printed(claim) } });
  } else if (!isTrue(persistence)) {
    list.push({ name: 'data', emptyDir: {} });
  }
  return splicedList(ctx, before, p('extraVolumes'), list, 'primary.extraVolumes');
}

/** The claim template of the data volume (persistence on, no existing claim). */
function claimTemplate(ctx: RenderContext): Obj {
  const ps = atUnder(ctx, 'primary', 'persistence');
  const metadata: Obj = { name: 'data' };
  if (isTrue(ps('annotations'))) metadata.annotations = tplValue(ctx, ps('annotations'), 'primary.persistence.annotations');
  if (isTrue(ps('labels'))) metadata.labels = tplValue(ctx, ps('labels'), 'primary.persistence.labels');
  const modes = items(ps('accessModes'), 'primary.persistence.accessModes').map((m) => quoted(m));
  const spec: Obj = { accessModes: modes.length ? modes : null };
  if (isTrue(ps('dataSource'))) spec.dataSource = tplValue(ctx, ps('dataSource'), 'primary.persistence.dataSource');
  spec.resources = { requests: { storage: quoted(ps('size')) } };
  if (isTrue(ps('selector'))) spec.selector = tplValue(ctx, ps('selector'), 'primary.persistence.selector');
  const sc = storageClass(ctx, at(ctx, 'primary', 'persistence'), ctx.Values.global);
  if (sc !== undefined) spec.storageClassName = sc;
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec };
}

function affinity(ctx: RenderContext, podLabels: Obj): unknown {
  const p = atUnder(ctx, 'primary');
  if (isTrue(p('affinity'))) return tplValue(ctx, p('affinity'), 'primary.affinity');
  return {
    podAffinity: affinityPods(ctx, { type: p('podAffinityPreset'), component: 'primary', customLabels: podLabels }),
    podAntiAffinity: affinityPods(ctx, { type: p('podAntiAffinityPreset'), component: 'primary', customLabels: podLabels }),
    nodeAffinity: affinityNodes({
      type: p('nodeAffinityPreset', 'type'),
      key: p('nodeAffinityPreset', 'key'),
      values: p('nodeAffinityPreset', 'values'),
    }),
  };
}

function podSpec(ctx: RenderContext, podLabels: Obj): Obj {
  const p = atUnder(ctx, 'primary');
  // extraPodSpec comes first: any key the chart writes afterwards wins over it.
  const extra = isTrue(p('extraPodSpec')) ? tplValue(ctx, p('extraPodSpec'), 'primary.extraPodSpec') : null;
  const spec: Obj = extra && typeof extra === 'object' && !Array.isArray(extra) ? { ...(extra as Obj) } : {};
  spec.serviceAccountName = printed(serviceAccountName(ctx));
  const pullSecrets = imagePullSecrets(ctx);
  if (pullSecrets) spec.imagePullSecrets = pullSecrets;
  if (isTrue(p('hostAliases'))) spec.hostAliases = tplValue(ctx, p('hostAliases'), 'primary.hostAliases');
  spec.affinity = affinity(ctx, podLabels);
  for (const key of ['nodeSelector', 'tolerations', 'topologySpreadConstraints']) {
    if (isTrue(p(key))) spec[key] = tplValue(ctx, p(key), `primary.${key}`);
  }
  if (isTrue(p('priorityClassName'))) spec.priorityClassName = printed(p('priorityClassName'));
  if (isTrue(p('schedulerName'))) spec.schedulerName = quoted(p('schedulerName'));
  if (isTrue(p('terminationGracePeriodSeconds'))) spec.terminationGracePeriodSeconds = printed(p('terminationGracePeriodSeconds'));
  if (isTrue(p('podSecurityContext', 'enabled'))) spec.securityContext = omitEnabled(p('podSecurityContext'), 'primary.podSecurityContext');
  spec.hostNetwork = printed(p('hostNetwork'));
  spec.hostIPC = printed(p('hostIPC'));
  // The copy-certs and volume-permissions init containers belong to refused settings: the user's are alone.
  if (isTrue(p('initContainers'))) spec.initContainers = splicedList(ctx, [], p('initContainers'), [], 'primary.initContainers');
  const containers: unknown[] = [postgresqlContainer(ctx)];
  if (isTrue(at(ctx, 'metrics', 'enabled'))) containers.push(metricsContainer(ctx));
  if (isTrue(p('sidecars'))) containers.push(...renderedItems(ctx, p('sidecars'), 'primary.sidecars'));
  spec.containers = containers;
  spec.volumes = volumes(ctx);
  return spec;
}

export const template: ChartTemplate = {
  path: 'templates/primary/statefulset.yaml',
  render(ctx) {
    const p = atUnder(ctx, 'primary');
    const meta: Obj = {
      name: printed(primaryFullname(ctx)),
      namespace: ctx.Release.Namespace,
      labels: labels(ctx, mergeWithCommon(ctx, p('labels'), 'commonLabels', 'primary.labels'), 'primary'),
    };
    const annotations = mergedAnnotations(ctx, p('annotations'), 'primary.annotations');
    if (annotations !== undefined) meta.annotations = annotations;

    const podLabels = primaryPodLabels(ctx);
    const podMeta: Obj = { name: printed(primaryFullname(ctx)), labels: labels(ctx, podLabels, 'primary') };
    const withConfig = createConfigmap(ctx);
    const withExtended = createExtendedConfigmap(ctx);
    if (withConfig || withExtended || isTrue(p('podAnnotations'))) {
      const podAnnotations: Obj = {};
      if (withConfig) podAnnotations['checksum/configuration'] = dataChecksum(configurationData(ctx));
      if (withExtended) podAnnotations['checksum/extended-configuration'] = dataChecksum(extendedConfigurationData(ctx));
      if (isTrue(p('podAnnotations'))) Object.assign(podAnnotations, tplValue(ctx, p('podAnnotations'), 'primary.podAnnotations'));
      podMeta.annotations = podAnnotations;
    }

    const spec: Obj = { replicas: 1, serviceName: printed(primaryHeadlessName(ctx)) };
    if (isTrue(p('updateStrategy'))) spec.updateStrategy = yamlBlock(p('updateStrategy'));
    spec.selector = { matchLabels: primarySelector(ctx) };
    spec.template = { metadata: podMeta, spec: podSpec(ctx, podLabels) };
    const persistence = p('persistence', 'enabled');
    if (isTrue(persistence) && !isTrue(p('persistence', 'existingClaim'))) {
      const retention = (key: string): unknown => at(ctx, 'primary', 'persistentVolumeClaimRetentionPolicy', key);
      if (isTrue(retention('enabled'))) {
        spec.persistentVolumeClaimRetentionPolicy = {
          whenDeleted: printed(retention('whenDeleted')),
          whenScaled: printed(retention('whenScaled')),
        };
      }
      spec.volumeClaimTemplates = [claimTemplate(ctx)];
    }
    return { apiVersion: statefulsetApiVersion(ctx), kind: 'StatefulSet', metadata: meta, spec };
  },
};
