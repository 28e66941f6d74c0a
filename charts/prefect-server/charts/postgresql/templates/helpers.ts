// templates/_helpers.tpl of bitnami/postgresql 12.12.10: names, credentials and ports shared by the
// templates, plus what prefect-charts refuses to render. Every `postgresql.v1.*` define a templated
// value may `include` is exported in `named` (see index.ts).
import type { RenderContext } from '../../../../../src/renderer/context.js';
import {
  deepFreeze,
  dflt,
  dnsTrunc,
  empty,
  fail,
  field,
  fullname,
  goPrint,
  goRange,
  hasNoKeys,
  hasTemplate,
  image,
  isDeeplyFrozen,
  isMap,
  isNil,
  isTrue,
  matchLabels,
  printed,
  printText,
  pullSecrets,
  quoteText,
  readKey,
  rollingTagWarning,
  runTpl,
  scalarFromText,
  shared,
  standardLabels,
  tplMerge,
  tplValue,
  valueReads,
  withComponent,
  yamlFromText,
  type ValueRead,
} from '../../../../../src/renderer/helpers/index.js';

export type Obj = Record<string, unknown>;

/** What Go's template engine itself stops on (a comparison or a function given the wrong type). */
export class PostgresqlTemplateError extends Error {
  readonly code = 'TEMPLATE_EXEC';
}

/** A value by path under `.Values` (`at(ctx, 'primary', 'persistence', 'enabled')`), Go field semantics. */
export function at(ctx: RenderContext, ...path: string[]): unknown {
  // Frozen values (every render's): reads remembered by path; anything but a map on the way is reported below.
  let read = valueReads(ctx);
  if (read !== undefined) {
    for (let i = 0; i < path.length && read !== undefined; i++) read = readKey(read, path[i]);
    if (read !== undefined) return read.value;
  }
  let v: unknown = ctx.Values;
  for (let i = 0; i < path.length; i++) {
    // The common case, a map, is read in place; anything else goes the slow way for its error text.
    // (Values hold only plain data, so no prototype check: in V8 it costs more than the lookup.)
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return atSlow(ctx, path);
    const key = path[i];
    let x = (v as Obj)[key];
    // Values hold no functions: a function (or a `__proto__` that is not data) is inherited, not a key.
    if (typeof x === 'function' || key === '__proto__') x = Object.hasOwn(v, key) ? x : undefined;
    v = x;
  }
  return v;
}

const UNREAD = Symbol('unread');

/**
 * `(...path) => at(ctx, ...prefix, ...path)`, for a template that reads many keys under one map: the
 * prefix is walked once (on the first read), and each read walks on from there. Anything but a map on
 * the way goes through `at` itself, so results and errors are the same, raised at the same reads.
 */
export function atUnder(ctx: RenderContext, ...prefix: string[]): (...path: string[]) => unknown {
  return valueReads(ctx) !== undefined ? readsUnder(ctx, prefix) : walkUnder(ctx, prefix);
}

/** atUnder for frozen values: the prefix's remembered read is found once, and reads go on from it. */
function readsUnder(ctx: RenderContext, prefix: string[]): (...path: string[]) => unknown {
  let base: ValueRead | undefined;
  return (...path) => {
    if (base === undefined) {
      base = valueReads(ctx);
      for (let i = 0; i < prefix.length && base !== undefined; i++) base = readKey(base, prefix[i]);
      if (base === undefined) return at(ctx, ...prefix, ...path);
    }
    let read: ValueRead | undefined = base;
    for (let i = 0; i < path.length && read !== undefined; i++) read = readKey(read, path[i]);
    return read !== undefined ? read.value : at(ctx, ...prefix, ...path);
  };
}

/** atUnder for other values: the prefix is walked once (on the first read), and each read walks on from there. */
function walkUnder(ctx: RenderContext, prefix: string[]): (...path: string[]) => unknown {
  let base: unknown = UNREAD;
  return (...path) => {
    if (base === UNREAD) {
      try {
        base = at(ctx, ...prefix);
      } catch {
        return at(ctx, ...prefix, ...path);
      }
    }
    let v = base;
    for (let i = 0; i < path.length; i++) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return at(ctx, ...prefix, ...path);
      const key = path[i];
      let x = (v as Obj)[key];
      if (typeof x === 'function' || key === '__proto__') x = Object.hasOwn(v, key) ? x : undefined;
      v = x;
    }
    return v;
  };
}

/** `at` step by step through `field`, whose error names the walked chain (built only on this path). */
function atSlow(ctx: RenderContext, path: readonly string[]): unknown {
  let v: unknown = ctx.Values;
  for (let i = 0; i < path.length; i++) v = field(v, path[i], i === 0 ? '.Values' : `.Values.${path.slice(0, i).join('.')}`);
  return v;
}

/**
 * `eq <v> "<s>"` as Go 1.18 templates evaluate it: a string compares with a string, nil is simply
 * unequal, and any other kind stops the render (maps and lists are not even comparable).
 */
export function eq(v: unknown, s: string): boolean {
  if (typeof v === 'string') return v === s;
  if (isNil(v)) return false;
  throw new PostgresqlTemplateError(
    typeof v === 'object' ? `error calling eq: uncomparable type ${goType(v)}` : 'error calling eq: incompatible types for comparison',
  );
}

/** sprig `ternary a b v`: `v` must be a boolean. */
export function ternary<T>(whenTrue: T, whenFalse: T, v: unknown): T {
  if (typeof v !== 'boolean') {
    throw new PostgresqlTemplateError(`error calling ternary: wrong type for value; expected bool; got ${goType(v)}`);
  }
  return v ? whenTrue : whenFalse;
}

function goType(v: unknown): string {
  if (isNil(v)) return '<nil>';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'bigint') return 'int64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? '[]interface {}' : 'map[string]interface {}';
}

/** helm's `tpl <v> $`: the value must be a string. */
export function tpl(ctx: RenderContext, v: unknown, valuePath: string): string {
  if (typeof v !== 'string') {
    throw new PostgresqlTemplateError(`error calling tpl: wrong type for value; expected string; got ${goType(v)}`);
  }
  return v.includes('{{') ? runTpl(ctx, v, valuePath) : v;
}

/** sprig `omit <map> "enabled"` (a security context or a probe without its switch). */
export function omitEnabled(v: unknown, what: string): Obj {
  if (isNil(v)) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new PostgresqlTemplateError(`error calling omit: wrong type for value; expected map[string]interface {}; got ${goType(v)} (${what})`);
  }
  // Chart defaults (deep-frozen) give the same map every render: made once, frozen likewise (so the
  // emitter remembers its text too). Callers place it, never change it.
  if (!isDeeplyFrozen(v)) return withoutEnabled(v as Obj);
  let hit = omitted.get(v);
  if (hit === undefined) {
    hit = withoutEnabled(v as Obj);
    deepFreeze(hit);
    omitted.set(v, hit);
  }
  return hit;
}

const omitted = new WeakMap<object, Obj>();

function withoutEnabled(v: Obj): Obj {
  const out: Obj = {};
  for (const k of Object.keys(v)) if (k !== 'enabled') out[k] = v[k];
  return out;
}

/** `range` over a value that renders one `- {{ . | quote }}`-style item each (lists and map values). */
export function items(v: unknown, what: string): unknown[] {
  return goRange(v, what).map(([, x]) => x);
}

/** `{{- include "common.tplvalues.render" ... | nindent n }}` inside a YAML list: the rendered items. */
export function renderedItems(ctx: RenderContext, v: unknown, valuePath: string): unknown[] {
  const rendered = tplValue(ctx, v, valuePath);
  if (isNil(rendered)) return [];
  if (Array.isArray(rendered)) return rendered;
  // A map or a scalar where list items belong is not valid YAML for helm either.
  throw new PostgresqlTemplateError(`YAML parse error: ${valuePath} must render a list of items`);
}

/**
 * A list key holding the chart's own items with a rendered block between them at the same indentation
 * (`{{- include "common.tplvalues.render" ... | nindent n }}`), as YAML reads the text: a rendered list
 * adds its items; anything else is the key's whole value when the chart wrote no item around it (so
 * `initContainers: 1` renders), and invalid YAML otherwise. An empty result is null (`key:` alone).
 */
export function splicedList(ctx: RenderContext, before: unknown[], value: unknown, after: unknown[], valuePath: string): unknown {
  const rendered = isTrue(value) ? tplValue(ctx, value, valuePath) : null;
  if (!isNil(rendered) && !Array.isArray(rendered)) {
    if (before.length || after.length) throw new PostgresqlTemplateError(`YAML parse error: ${valuePath} must render a list of items`);
    return rendered;
  }
  const all = [...before, ...((rendered as unknown[] | null) ?? []), ...after];
  return all.length ? all : null;
}

/** A `|` / `|-` block scalar holding `text` indented under a key, read back as YAML does. */
export function blockScalar(indicator: '|' | '|-', text: string): string {
  // The same probe command every render: remembered by its text (the YAML read is the cost).
  const memo = indicator === '|' ? clipBlocks : stripBlocks;
  let value = memo.get(text);
  if (value === undefined) {
    value = readBlockScalar(indicator, text);
    if (memo.size >= 256) memo.clear();
    memo.set(text, value);
  }
  return value;
}

const clipBlocks = new Map<string, string>();
const stripBlocks = new Map<string, string>();

function readBlockScalar(indicator: '|' | '|-', text: string): string {
  const body = text.split('\n').map((line) => `  ${line}`).join('\n');
  const doc = yamlFromText(`v: ${indicator}\n${body}\n`) as Obj | null;
  const value = doc ? doc.v : null;
  return typeof value === 'string' ? value : '';
}

// ---------------------------------------------------------------- names

/** postgresql.v1.primary.fullname */
export function primaryFullname(ctx: RenderContext): string {
  if (eq(ctx.Values.architecture, 'replication')) return dnsTrunc(`${fullname(ctx)}-${printText(at(ctx, 'primary', 'name'))}`);
  return fullname(ctx);
}

/** postgresql.v1.readReplica.fullname */
export function readReplicaFullname(ctx: RenderContext): string {
  return dnsTrunc(`${fullname(ctx)}-${printText(at(ctx, 'readReplicas', 'name'))}`);
}

/** postgresql.v1.primary.svc.headless */
export function primaryHeadlessName(ctx: RenderContext): string {
  return shared(ctx, 'primaryHeadlessName', '', () => dnsTrunc(`${primaryFullname(ctx)}-hl`));
}

/** postgresql.v1.readReplica.svc.headless */
export function readReplicaHeadlessName(ctx: RenderContext): string {
  return dnsTrunc(`${readReplicaFullname(ctx)}-hl`);
}

/** postgresql.v1.image */
export function postgresqlImage(ctx: RenderContext): string {
  return image(ctx, ctx.Values.image as Obj, ctx.Values.global as Obj);
}

/** postgresql.v1.metrics.image */
export function metricsImage(ctx: RenderContext): string {
  return image(ctx, at(ctx, 'metrics', 'image') as Obj, ctx.Values.global as Obj);
}

/** postgresql.v1.volumePermissions.image */
export function volumePermissionsImage(ctx: RenderContext): string {
  return image(ctx, at(ctx, 'volumePermissions', 'image') as Obj, ctx.Values.global as Obj);
}

/** postgresql.v1.imagePullSecrets: global, PostgreSQL, exporter and init-container image pull secrets. */
export function imagePullSecrets(ctx: RenderContext): Array<{ name: unknown }> | undefined {
  const images = [ctx.Values.image, at(ctx, 'metrics', 'image'), at(ctx, 'volumePermissions', 'image')] as Obj[];
  return pullSecrets(images, isTrue(ctx.Values.global) ? (ctx.Values.global as Obj) : undefined);
}

// ---------------------------------------------------------------- credentials

const globalAuth = (ctx: RenderContext, ...path: string[]): unknown => at(ctx, 'global', 'postgresql', 'auth', ...path);

/** postgresql.v1.username: global.postgresql.auth.username, else auth.username (as text). */
export function username(ctx: RenderContext): string {
  const g = globalAuth(ctx, 'username');
  return printText(isTrue(g) ? g : at(ctx, 'auth', 'username'));
}

/** Whether the database name is plain text (no template to evaluate), so what is built from it may be shared. */
function plainDatabase(ctx: RenderContext): boolean {
  return !hasTemplate(globalAuth(ctx, 'database')) && !hasTemplate(at(ctx, 'auth', 'database'));
}

/** postgresql.v1.database: the global or chart database name, templates evaluated; "" when unset. */
export function database(ctx: RenderContext): string {
  const g = globalAuth(ctx, 'database');
  if (isTrue(g)) return tpl(ctx, g, 'global.postgresql.auth.database');
  const d = at(ctx, 'auth', 'database');
  if (isTrue(d)) return tpl(ctx, d, 'auth.database');
  return '';
}

/** True when either existingSecret (global or chart) is set. */
function usesExistingSecret(ctx: RenderContext): boolean {
  return isTrue(globalAuth(ctx, 'existingSecret')) || isTrue(at(ctx, 'auth', 'existingSecret'));
}

/** postgresql.v1.secretName: the existing Secret (templates evaluated) or the fullname. */
export function passwordSecretName(ctx: RenderContext): string {
  const g = globalAuth(ctx, 'existingSecret');
  if (isTrue(g)) return tpl(ctx, g, 'global.postgresql.auth.existingSecret');
  const e = at(ctx, 'auth', 'existingSecret');
  if (isTrue(e)) return tpl(ctx, e, 'auth.existingSecret');
  return fullname(ctx);
}

/** A key of the existing Secret: global secretKeys first, then the chart's; `fallback` when neither. */
function existingSecretKey(ctx: RenderContext, key: string, fallback: string): string {
  const g = globalAuth(ctx, 'secretKeys', key);
  if (isTrue(g)) return tpl(ctx, g, `global.postgresql.auth.secretKeys.${key}`);
  const c = at(ctx, 'auth', 'secretKeys', key);
  if (isTrue(c)) return tpl(ctx, c, `auth.secretKeys.${key}`);
  return fallback;
}

/** postgresql.v1.adminPasswordKey */
export function adminPasswordKey(ctx: RenderContext): string {
  return usesExistingSecret(ctx) ? existingSecretKey(ctx, 'adminPasswordKey', '') : 'postgres-password';
}

/** postgresql.v1.userPasswordKey: with no custom user (or `postgres`) the admin key. */
export function userPasswordKey(ctx: RenderContext): string {
  if (!usesExistingSecret(ctx)) return 'password';
  const user = username(ctx);
  if (empty(user) || user === 'postgres') return adminPasswordKey(ctx);
  return existingSecretKey(ctx, 'userPasswordKey', '');
}

/** postgresql.v1.replicationPasswordKey */
export function replicationPasswordKey(ctx: RenderContext): string {
  return usesExistingSecret(ctx) ? existingSecretKey(ctx, 'replicationPasswordKey', 'replication-password') : 'replication-password';
}

/** sprig `coalesce`: the first non-empty value. */
export function coalesce(...values: unknown[]): unknown {
  for (const v of values) if (isTrue(v)) return v;
  return undefined;
}

/** True when the custom user is a real user of its own (not empty, not `postgres`). */
export function hasCustomUser(user: string): boolean {
  return user !== '' && user !== 'postgres';
}

/** postgresql.v1.createSecret: the chart creates its password Secret. */
export function createSecret(ctx: RenderContext): boolean {
  if (usesExistingSecret(ctx)) return false;
  const user = username(ctx);
  const gp = globalAuth(ctx, 'postgresPassword');
  const ap = at(ctx, 'auth', 'postgresPassword');
  // common.secrets.lookup with no cluster: the default value, when there is one
  const postgresPassword = hasCustomUser(user)
    ? coalesce(gp, ap)
    : coalesce(gp, ap, globalAuth(ctx, 'password'), at(ctx, 'auth', 'password'));
  const ldap = ctx.Values.ldap;
  return (
    isTrue(postgresPassword) ||
    isTrue(at(ctx, 'auth', 'enablePostgresUser')) ||
    hasCustomUser(user) ||
    eq(ctx.Values.architecture, 'replication') ||
    (isTrue(field(ldap, 'enabled', 'ldap')) && (isTrue(field(ldap, 'bind_password', 'ldap')) || isTrue(field(ldap, 'bindpw', 'ldap'))))
  );
}

// ---------------------------------------------------------------- ports, config maps, accounts

/** postgresql.v1.service.port (text): the global port when set, else the primary service port. */
export function servicePort(ctx: RenderContext): string {
  const g = at(ctx, 'global', 'postgresql', 'service', 'ports', 'postgresql');
  return printText(isTrue(g) ? g : at(ctx, 'primary', 'service', 'ports', 'postgresql'));
}

/** postgresql.v1.primary.configmapName */
export function configmapName(ctx: RenderContext): string {
  const existing = at(ctx, 'primary', 'existingConfigmap');
  return isTrue(existing) ? tpl(ctx, existing, 'primary.existingConfigmap') : `${primaryFullname(ctx)}-configuration`;
}

/** postgresql.v1.primary.createConfigmap */
export function createConfigmap(ctx: RenderContext): boolean {
  return (
    (isTrue(at(ctx, 'primary', 'configuration')) || isTrue(at(ctx, 'primary', 'pgHbaConfiguration'))) &&
    !isTrue(at(ctx, 'primary', 'existingConfigmap'))
  );
}

/** postgresql.v1.primary.extendedConfigmapName */
export function extendedConfigmapName(ctx: RenderContext): string {
  const existing = at(ctx, 'primary', 'existingExtendedConfigmap');
  return isTrue(existing)
    ? tpl(ctx, existing, 'primary.existingExtendedConfigmap')
    : `${primaryFullname(ctx)}-extended-configuration`;
}

/** postgresql.v1.primary.createExtendedConfigmap */
export function createExtendedConfigmap(ctx: RenderContext): boolean {
  return isTrue(at(ctx, 'primary', 'extendedConfiguration')) && !isTrue(at(ctx, 'primary', 'existingExtendedConfigmap'));
}

/** postgresql.v1.serviceAccountName */
export function serviceAccountName(ctx: RenderContext): string {
  const name = at(ctx, 'serviceAccount', 'name');
  return printText(isTrue(at(ctx, 'serviceAccount', 'create')) ? dflt(fullname(ctx), name) : dflt('default', name));
}

/** postgresql.v1.mountConfigurationCM */
export function mountConfigurationCM(ctx: RenderContext): boolean {
  return (
    isTrue(at(ctx, 'primary', 'configuration')) ||
    isTrue(at(ctx, 'primary', 'pgHbaConfiguration')) ||
    isTrue(at(ctx, 'primary', 'existingConfigmap'))
  );
}

/** postgresql.v1.initdb.scriptsCM */
export function initdbScriptsCM(ctx: RenderContext): string {
  const existing = at(ctx, 'primary', 'initdb', 'scriptsConfigMap');
  return isTrue(existing) ? tpl(ctx, existing, 'primary.initdb.scriptsConfigMap') : `${primaryFullname(ctx)}-init-scripts`;
}

// ---------------------------------------------------------------- probes

/** The `pg_isready` line of the startup and liveness probes (TLS is refused earlier, so no cert args). */
export function pgIsReadyText(ctx: RenderContext): string {
  return plainDatabase(ctx) ? shared(ctx, 'pgIsReadyText', '', () => buildPgIsReadyText(ctx)) : buildPgIsReadyText(ctx);
}

function buildPgIsReadyText(ctx: RenderContext): string {
  const user = quoteText(dflt('postgres', username(ctx)));
  const db = database(ctx);
  const port = printText(at(ctx, 'containerPorts', 'postgresql'));
  return db !== ''
    ? `exec pg_isready -U ${user} -d "dbname=${db}" -h 127.0.0.1 -p ${port}`
    : `exec pg_isready -U ${user} -h 127.0.0.1 -p ${port}`;
}

/** `- <pg_isready line>` read back as a YAML list item. */
export function pgIsReady(ctx: RenderContext): unknown {
  return scalarFromText(pgIsReadyText(ctx));
}

/** postgresql.v1.readinessProbeCommand: a `|` block with pg_isready and, for bitnami images, the init marker. */
export function readinessProbeCommand(ctx: RenderContext): string {
  return plainDatabase(ctx) ? shared(ctx, 'readinessProbeCommand', '', () => buildReadinessProbeCommand(ctx)) : buildReadinessProbeCommand(ctx);
}

function buildReadinessProbeCommand(ctx: RenderContext): string {
  const lines = [pgIsReadyText(ctx)];
  const repo = at(ctx, 'image', 'repository');
  // `contains "bitnami/" .Values.image.repository`: sprig's contains takes a string, anything else stops.
  if (typeof repo !== 'string') {
    throw new PostgresqlTemplateError(
      `error calling contains: ${isNil(repo) ? 'invalid value; expected string' : `wrong type for value; expected string; got ${goType(repo)}`}`,
    );
  }
  if (repo.includes('bitnami/')) {
    lines.push('[ -f /opt/bitnami/postgresql/tmp/.initialized ] || [ -f /bitnami/postgresql/.initialized ]');
  }
  return blockScalar('|', lines.join('\n'));
}

// ---------------------------------------------------------------- labels and metadata

/** common.tplvalues.merge of a specific map over commonLabels / commonAnnotations. */
export function mergeWithCommon(ctx: RenderContext, specific: unknown, common: 'commonLabels' | 'commonAnnotations', path: string): Obj {
  return tplMerge(ctx, [specific, ctx.Values[common]], path);
}

/** `labels: {{ common.labels.standard (customLabels ...) }}` plus an optional component line. */
export function labels(ctx: RenderContext, custom: unknown, component?: string): Readonly<Obj> {
  // Without custom labels (the usual) they depend on the chart, release and values alone: shared.
  if (isNil(custom) || (isMap(custom) && hasNoKeys(custom))) return shared(ctx, 'labels', component ?? '', () => withLabels(ctx, {}, component));
  return withLabels(ctx, custom, component);
}

function withLabels(ctx: RenderContext, custom: unknown, component: string | undefined): Obj {
  const out = standardLabels(ctx, custom);
  if (component) out['app.kubernetes.io/component'] = component;
  return out;
}

/** The common `annotations:` block: commonAnnotations rendered, when set. */
export function commonAnnotations(ctx: RenderContext): Obj | undefined {
  const a = ctx.Values.commonAnnotations;
  return isTrue(a) ? (tplValue(ctx, a, 'commonAnnotations') as Obj) : undefined;
}

/** metadata {name, namespace, labels (commonLabels + component), annotations (commonAnnotations)}. */
export function metadata(ctx: RenderContext, name: unknown, component?: string): Obj {
  const meta: Obj = {
    name: printed(name),
    namespace: ctx.Release.Namespace,
    labels: labels(ctx, ctx.Values.commonLabels, component),
  };
  const annotations = commonAnnotations(ctx);
  if (annotations !== undefined) meta.annotations = annotations;
  return meta;
}

/** Annotations merged from a specific map and commonAnnotations, when either is set. */
export function mergedAnnotations(ctx: RenderContext, specific: unknown, path: string): Obj | undefined {
  if (!isTrue(ctx.Values.commonAnnotations) && !isTrue(specific)) return undefined;
  return tplValue(ctx, mergeWithCommon(ctx, specific, 'commonAnnotations', path), path) as Obj;
}

/** The pod labels the selectors use: primary.podLabels over commonLabels. */
export function primaryPodLabels(ctx: RenderContext): Obj {
  return mergeWithCommon(ctx, at(ctx, 'primary', 'podLabels'), 'commonLabels', 'primary.podLabels');
}

/** The primary's selector: matchLabels of its pod labels, with the component. Shared without templates. */
export function primarySelector(ctx: RenderContext): Readonly<Obj> {
  const build = (): Obj => withComponent(matchLabels(ctx, primaryPodLabels(ctx)), 'primary');
  if (hasTemplate(at(ctx, 'primary', 'podLabels')) || hasTemplate(ctx.Values.commonLabels)) return build();
  return shared(ctx, 'primarySelector', '', build);
}

// ---------------------------------------------------------------- checks

/** What prefect-charts does not render, each as `<value path>=<value>`; empty when all is supported. */
export function unsupportedSettings(ctx: RenderContext): string[] {
  const found: string[] = [];
  const arch = ctx.Values.architecture;
  if (eq(arch, 'replication')) found.push('postgresql.architecture=replication (read replicas)');
  const checks: Array<[string[], string]> = [
    [['backup', 'enabled'], 'postgresql.backup.enabled (the backup CronJob)'],
    [['tls', 'enabled'], 'postgresql.tls.enabled (TLS)'],
    [['tls', 'autoGenerated'], 'postgresql.tls.autoGenerated (a generated TLS certificate)'],
    [['ldap', 'enabled'], 'postgresql.ldap.enabled (LDAP authentication)'],
    [['volumePermissions', 'enabled'], 'postgresql.volumePermissions.enabled (the volume permissions init container)'],
  ];
  for (const [path, label] of checks) if (isTrue(at(ctx, ...path))) found.push(label);
  return found;
}

/** Stop with one message naming every unsupported setting, and what to do instead. */
export function assertSupported(ctx: RenderContext): void {
  const found = unsupportedSettings(ctx);
  if (!found.length) return;
  fail(
    `${found.join(', ')}: not supported by prefect-charts for the bundled PostgreSQL. ` +
      'Use an external database instead: set postgresql.enabled=false and give the connection details ' +
      'with secret.* in prefect-server (or an existing Secret with secret.create=false and secret.name).',
  );
}

/** postgresql.v1.validateValues: the chart's own value checks, in its words. */
export function validateValues(ctx: RenderContext): void {
  const messages: string[] = [];
  const ldap = ctx.Values.ldap;
  if (
    isTrue(field(ldap, 'enabled', 'ldap')) &&
    !empty(field(ldap, 'url', 'ldap')) &&
    !empty(field(ldap, 'server', 'ldap'))
  ) {
    messages.push(
      'postgresql: ldap.url, ldap.server\n' +
        '    You cannot set both `ldap.url` and `ldap.server` at the same time.\n' +
        '    Please provide a unique way to configure LDAP.\n' +
        '    More info at https://www.postgresql.org/docs/current/auth-ldap.html',
    );
  }
  if (isTrue(at(ctx, 'psp', 'create')) && !isTrue(at(ctx, 'rbac', 'create'))) {
    messages.push(
      'postgresql: psp.create, rbac.create\n' +
        '    RBAC should be enabled if PSP is enabled in order for PSP to work.\n' +
        '    More info at https://kubernetes.io/docs/concepts/policy/pod-security-policy/#authorizing-policies',
    );
  }
  if (messages.length) fail(`\nVALUES VALIDATION:\n${messages.join('\n')}`);
}

/** The NOTES notices (not shown by `helm template`): rolling-tag warnings of the images. */
export function notices(ctx: RenderContext): string[] {
  return [rollingTagWarning(ctx, ctx.Values.image), rollingTagWarning(ctx, at(ctx, 'volumePermissions', 'image'))].filter(
    (w) => w !== '',
  );
}

/** The defines templated values may `include`, by name, as text. */
export const named: Readonly<Record<string, (ctx: RenderContext) => string>> = {
  'postgresql.v1.primary.fullname': primaryFullname,
  'postgresql.v1.readReplica.fullname': readReplicaFullname,
  'postgresql.v1.primary.svc.headless': primaryHeadlessName,
  'postgresql.v1.readReplica.svc.headless': readReplicaHeadlessName,
  'postgresql.v1.image': postgresqlImage,
  'postgresql.v1.metrics.image': metricsImage,
  'postgresql.v1.volumePermissions.image': volumePermissionsImage,
  'postgresql.v1.username': username,
  'postgresql.v1.database': database,
  'postgresql.v1.secretName': passwordSecretName,
  'postgresql.v1.adminPasswordKey': adminPasswordKey,
  'postgresql.v1.userPasswordKey': userPasswordKey,
  'postgresql.v1.replicationPasswordKey': replicationPasswordKey,
  'postgresql.v1.createSecret': (ctx) => (createSecret(ctx) ? 'true' : ''),
  'postgresql.v1.service.port': servicePort,
  'postgresql.v1.primary.configmapName': configmapName,
  'postgresql.v1.primary.createConfigmap': (ctx) => (createConfigmap(ctx) ? 'true' : ''),
  'postgresql.v1.primary.extendedConfigmapName': extendedConfigmapName,
  'postgresql.v1.primary.createExtendedConfigmap': (ctx) => (createExtendedConfigmap(ctx) ? 'true' : ''),
  'postgresql.v1.serviceAccountName': serviceAccountName,
  'postgresql.v1.mountConfigurationCM': (ctx) => (mountConfigurationCM(ctx) ? 'true' : ''),
  'postgresql.v1.initdb.scriptsCM': initdbScriptsCM,
};
