// The chart's own `define`s (upstream templates/_helpers.tpl): service account names, the database
// connection string and its Secret name, the UI URL; plus the Go-template semantics the server
// templates share (field access, range, tpl-rendered blocks spliced into lists and maps).
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  assignKeys,
  hasTemplate,
  shared,
  goTypeName,
  isMap,
  TemplateExecError,
  val,
  dependencyFullname,
  dflt,
  fullname,
  goPrint,
  isNil,
  isTrue,
  namespace,
  printText,
  ManifestYamlError,
  printed,
  quoted,
  required,
  standardLabels,
  tplValue,
} from '../../../src/renderer/helpers/index.js';

type GoMap = Record<string, unknown>;


/**
 * `.a.b.c` as Go templates walk values: a missing key gives nil (and nil walks on to nil); a key
 * present with a null value cannot be walked through, nor can a scalar or a list.
 */
export function at(root: unknown, path: string): unknown {
  let cur: unknown = root;
  const keys = pathKeys(path);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (cur === undefined) return undefined;
    if (cur === null) {
      // The walked chain is spelled out only for the error.
      const walked = keys.slice(0, i).join('.');
      throw new TemplateExecError(`nil pointer evaluating interface {}.${key}${walked ? ` (at .Values.${walked})` : ''}`);
    }
    // Values reach templates as interface{}: that is the type Go names, whatever the value holds.
    if (!isMap(cur)) throw new TemplateExecError(`can't evaluate field ${key} in type interface {}`);
    cur = Object.hasOwn(cur, key) ? cur[key] : undefined;
  }
  return cur;
}

/** The templates walk a few literal paths on every render: each split once. */
const splitPaths = new Map<string, readonly string[]>();

function pathKeys(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size < 1024) splitPaths.set(path, keys);
  }
  return keys;
}

/** The chart's values at a dotted path, `.Values.a.b` as Go walks it (through nil is an error). */
export { val };

/** Go's `range`: list items, map values in key order, nothing for nil; anything else is an error. */
export function rangeItems(v: unknown, path: string): unknown[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((k) => v[k]);
  throw new TemplateExecError(`range can't iterate over ${goPrint(v)} (.Values.${path})`);
}

/** A function parameter typed `string` in Go (sprig's regexMatch, contains, replace): other types stop the render. */
export function needString(v: unknown, fn: string, path: string): string {
  if (typeof v === 'string') return v;
  // A nil reaches the function as an empty interface, which is not a string either.
  const got = isNil(v) ? 'interface {}' : goTypeName(v);
  throw new TemplateExecError(`error calling ${fn}: wrong type for value; expected string; got ${got} (.Values.${path})`);
}

/** sprig `ternary`: its condition must be a bool. */
export function ternary<T, F>(whenTrue: T, whenFalse: F, cond: unknown, path: string): T | F {
  if (typeof cond !== 'boolean') {
    const got = isNil(cond) ? 'invalid value; expected bool' : `wrong type for value; expected bool; got ${goTypeName(cond)}`;
    throw new TemplateExecError(`error calling ternary: ${got} (.Values.${path})`);
  }
  return cond ? whenTrue : whenFalse;
}

const MIN_INT64 = -9223372036854775808n;
const MAX_INT64 = 9223372036854775807n;

/**
 * sprig `int` (cast.ToInt): numbers truncate, strings parse as Go integer literals (0x, 0o, 0b,
 * a leading 0 for octal), booleans are 1/0; anything that does not convert is 0.
 */
export function toInt(v: unknown): number | bigint {
  if (typeof v === 'number') {
    // Go's float-to-int conversion (amd64): NaN, infinities and floats out of int64 range give MinInt64.
    const t = Number.isFinite(v) ? BigInt(Math.trunc(v)) : MIN_INT64;
    if (t < MIN_INT64 || t > MAX_INT64) return MIN_INT64;
    return Number.isSafeInteger(Number(t)) ? Number(t) : t;
  }
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'string') return 0;
  const m = /^([+-]?)(0[xX][0-9a-fA-F](?:_?[0-9a-fA-F])*|0[bB][01](?:_?[01])*|0[oO]?[0-7](?:_?[0-7])*|[1-9](?:_?\d)*|0)$/.exec(v);
  if (!m) return 0;
  let digits = m[2].replaceAll('_', '');
  // Underscores are only legal with a base prefix (strconv.ParseInt base 0).
  if (m[2].includes('_') && !/^0[xXbBoO]/.test(m[2])) return 0;
  if (/^0[0-7]/.test(digits)) digits = `0o${digits.slice(1)}`;
  const n = BigInt(digits);
  const signed = m[1] === '-' ? -n : n;
  if (signed > MAX_INT64 || signed < MIN_INT64) return 0;
  return Number.isSafeInteger(Number(signed)) ? Number(signed) : signed;
}

/** Items a `common.tplvalues.render` block adds to a YAML list it is indented into. */
export function listItems(rendered: unknown, path: string): unknown[] {
  if (isNil(rendered)) return [];
  if (Array.isArray(rendered)) return rendered;
  throw new TemplateExecError(`YAML parse error: .Values.${path} renders to a ${goTypeName(rendered)} inside a list`);
}

/** Keys a `common.tplvalues.render` block adds to the YAML map it is indented into (later keys win). */
export function mapEntries(rendered: unknown, path: string): GoMap {
  if (isNil(rendered)) return {};
  if (isMap(rendered)) return rendered;
  throw new TemplateExecError(`YAML parse error: .Values.${path} renders to a ${goTypeName(rendered)} inside a map`);
}

/** `{{- include "common.tplvalues.render" (dict "value" .Values.<path> "context" $) | nindent n }}` under a list. */
export function tplList(ctx: RenderContext, path: string): unknown[] {
  const v = val(ctx, path);
  return isTrue(v) ? listItems(tplValue(ctx, v, path), path) : [];
}

/** The same, under a map. */
export function tplMap(ctx: RenderContext, path: string): GoMap {
  const v = val(ctx, path);
  return isTrue(v) ? mapEntries(tplValue(ctx, v, path), path) : {};
}

/**
 * The labels every object of the chart carries: the standard ones, the component, the Prefect
 * version, then commonLabels (a repeated key takes the later value, as YAML reads a repeated key).
 */
export function objectLabels(ctx: RenderContext, component?: string): Readonly<GoMap> {
  // Without templates in commonLabels they depend on the chart, release and values alone: shared.
  if (hasTemplate(ctx.Values.commonLabels)) return buildObjectLabels(ctx, component);
  return shared(ctx, 'objectLabels', component ?? '', () => buildObjectLabels(ctx, component));
}

function buildObjectLabels(ctx: RenderContext, component: string | undefined): GoMap {
  const labels: GoMap = standardLabels(ctx);
  if (component !== undefined) labels['app.kubernetes.io/component'] = component;
  labels['prefect-version'] = printed(ctx.Chart.AppVersion);
  // A repeated key keeps its place and takes the later value, as the spread did.
  return assignKeys(labels, tplMap(ctx, 'commonLabels'));
}

/** metadata of a namespaced object: name, quoted namespace, labels and (when set) commonAnnotations. */
export function objectMeta(ctx: RenderContext, name: unknown, component?: string): GoMap {
  const meta: GoMap = { name, namespace: quoted(namespace(ctx)), labels: objectLabels(ctx, component) };
  const annotations = ctx.Values.commonAnnotations;
  if (isTrue(annotations)) meta.annotations = tplValue(ctx, annotations, 'commonAnnotations');
  return meta;
}

/** server.serviceAccountName */
export function serverServiceAccountName(ctx: RenderContext): string {
  const name = val(ctx, 'serviceAccount.name');
  if (isTrue(val(ctx, 'serviceAccount.create'))) return printText(dflt(fullname(ctx), name));
  return printText(dflt('default', name));
}

/** backgroundServices.serviceAccountName */
export function backgroundServicesServiceAccountName(ctx: RenderContext): string {
  const name = val(ctx, 'backgroundServices.serviceAccount.name');
  if (isTrue(val(ctx, 'backgroundServices.serviceAccount.create')) && isTrue(val(ctx, 'backgroundServices.runAsSeparateDeployment'))) {
    return printText(dflt(`${fullname(ctx)}-background-services`, name));
  }
  return printText(dflt('default', name));
}

/** The subchart's values table, as the parent sees it (its defaults merged in while the subchart is enabled). */
function pg(ctx: RenderContext): unknown {
  return val(ctx, 'postgresql');
}

/**
 * server.postgres-hostname: the bundled database's primary Service, `<name>.<release namespace>`
 * (postgresql.v1.primary.fullname evaluated with the subchart's values), or secret.host.
 */
export function postgresHostname(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'postgresql.enabled'))) {
    const values = pg(ctx);
    const table = isMap(values) ? values : {};
    let name = dependencyFullname(ctx, 'postgresql', table);
    if (at(values, 'architecture') === 'replication') {
      name = `${name}-${printText(at(values, 'primary.name'))}`.slice(0, 63).replace(/-$/, '');
    }
    return `${name}.${ctx.Release.Namespace}`;
  }
  return printText(required('.Values.secret.host is required.', val(ctx, 'secret.host')));
}

/** server.postgres-port: postgresql.v1.service.port, or secret.port. */
export function postgresPort(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'postgresql.enabled'))) {
    const values = pg(ctx);
    const global = at(values, 'global.postgresql.service.ports.postgresql');
    return printText(isTrue(global) ? global : at(values, 'primary.service.ports.postgresql'));
  }
  return printText(required('.Values.secret.port is required.', val(ctx, 'secret.port')));
}

/** server.postgres-username: postgresql.v1.username, or secret.username. */
export function postgresUsername(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'postgresql.enabled'))) {
    const values = pg(ctx);
    const global = at(values, 'global.postgresql.auth.username');
    return printText(isTrue(global) ? global : at(values, 'auth.username'));
  }
  return printText(required('.Values.secret.username is required.', val(ctx, 'secret.username')));
}

/** server.postgres-password */
export function postgresPassword(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'postgresql.enabled'))) {
    return printText(required('.Values.postgresql.auth.password is required.', val(ctx, 'postgresql.auth.password')));
  }
  return printText(required('.Values.secret.password is required.', val(ctx, 'secret.password')));
}

/** server.postgres-database */
export function postgresDatabase(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'postgresql.enabled'))) {
    return printText(required('.Values.postgresql.auth.database is required.', val(ctx, 'postgresql.auth.database')));
  }
  return printText(required('.Values.secret.database is required.', val(ctx, 'secret.database')));
}

/** server.postgres-connstr: the parts are resolved in this order, so the first missing one is the one reported. */
export function postgresConnectionString(ctx: RenderContext): string {
  // Plain values and names only (no templates): shared by renders of the same values and release.
  return shared(ctx, 'postgresConnectionString', '', () => buildConnectionString(ctx));
}

function buildConnectionString(ctx: RenderContext): string {
  const user = postgresUsername(ctx);
  const pass = postgresPassword(ctx);
  const host = postgresHostname(ctx);
  const port = postgresPort(ctx);
  const db = postgresDatabase(ctx);
  return `postgresql+asyncpg://${user}:${pass}@${host}:${port}/${db}`;
}

/** server.postgres-string-secret-name: postgresql.auth.existingSecret, else secret.name, else `<fullname>-postgresql-connection`. */
export function postgresSecretName(ctx: RenderContext): string {
  return shared(ctx, 'postgresSecretName', '', () => buildSecretName(ctx));
}

function buildSecretName(ctx: RenderContext): string {
  const existing = val(ctx, 'postgresql.auth.existingSecret');
  if (isTrue(existing)) return printText(existing);
  const name = val(ctx, 'secret.name');
  if (isTrue(name)) return printText(name);
  return `${fullname(ctx)}-postgresql-connection`;
}

/** server.uiUrl: the UI API URL without `/api`. */
export function uiUrl(ctx: RenderContext): string {
  const url = needString(val(ctx, 'server.uiConfig.prefectUiApiUrl'), 'replace', 'server.uiConfig.prefectUiApiUrl');
  return url.replaceAll('/api', '');
}

/** Named templates a templated value can `include`. */
export const namedTemplates: Readonly<Record<string, (ctx: RenderContext, data: unknown) => string>> = {
  'server.serviceAccountName': (ctx) => serverServiceAccountName(ctx),
  'backgroundServices.serviceAccountName': (ctx) => backgroundServicesServiceAccountName(ctx),
  'server.postgres-hostname': (ctx) => postgresHostname(ctx),
  'server.postgres-port': (ctx) => postgresPort(ctx),
  'server.postgres-username': (ctx) => postgresUsername(ctx),
  'server.postgres-password': (ctx) => postgresPassword(ctx),
  'server.postgres-database': (ctx) => postgresDatabase(ctx),
  'server.postgres-connstr': (ctx) => postgresConnectionString(ctx),
  'server.postgres-string-secret-name': (ctx) => postgresSecretName(ctx),
  'server.uiUrl': (ctx) => uiUrl(ctx),
};

/**
 * A probe: the fixed httpGet, then `toYaml <config>` written at the same indentation, so the
 * config's keys join the probe map (a repeated httpGet replaces the fixed one). Anything but a
 * non-empty map there breaks the YAML, as it does for helm.
 */
export function probe(ctx: RenderContext, path: string, configPath: string): GoMap {
  const config = val(ctx, configPath);
  if (!isMap(config) || Object.keys(config).length === 0) {
    throw new TemplateExecError(`YAML parse error: .Values.${configPath} must be a non-empty map to join the probe`);
  }
  return { httpGet: { path, port: printed(val(ctx, 'service.targetPort')) }, ...config };
}

/**
 * A ServiceAccount's metadata: its annotations are commonAnnotations followed by its own (rendered
 * as templates), so its own win on a repeated key.
 */
export function serviceAccountMeta(ctx: RenderContext, name: unknown, component: string, annotationsPath: string): GoMap {
  const meta: GoMap = { name, namespace: quoted(namespace(ctx)), labels: objectLabels(ctx, component) };
  if (isTrue(ctx.Values.commonAnnotations) || isTrue(val(ctx, annotationsPath))) {
    meta.annotations = annotationBlocks(ctx, 'commonAnnotations', annotationsPath);
  }
  return meta;
}

/**
 * An `annotations:` key followed by two optional templated blocks: null when both render to
 * nothing (the key with no value), else their keys with the later block winning.
 */
export function annotationBlocks(ctx: RenderContext, first: string, second: string): GoMap | null {
  const merged = assignKeys(assignKeys({}, tplMap(ctx, first)), tplMap(ctx, second));
  return Object.keys(merged).length ? merged : null;
}

/**
 * Go's `eq x "literal"` (Go 1.18): a string compares by value, nil is simply unequal, and another
 * basic type cannot be compared with a string, which stops the render.
 */
export function goEq(v: unknown, s: string, path: string): boolean {
  if (typeof v === 'string') return v === s;
  if (isNil(v)) return false;
  throw new TemplateExecError(`error calling eq: incompatible types for comparison (.Values.${path})`);
}

/**
 * `key: {{ text }}` with the key at column `col`: as `printed`, except that text running on to a line
 * indented no deeper than the key ends the mapping there, which breaks the YAML as it does for helm.
 */
export function inlineAt(text: string, col: number): unknown {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() !== '' && line.length - line.trimStart().length <= col) {
      throw new ManifestYamlError(text, 'a value printed on one line runs on to a line that ends its block');
    }
  }
  return printed(text);
}
