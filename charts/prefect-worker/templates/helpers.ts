// The worker chart's own `define`s (upstream templates/_helpers.tpl), as text like `include` returns it,
// plus the Go template semantics the worker templates lean on: field chains through nil fail, `range`
// walks lists and maps, `eq` on a string value.
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  readListItem,
  assignKeys,
  dflt,
  eqString,
  fmtS,
  fullname,
  goPrint,
  isMap,
  isNil,
  isTrue,
  ManifestYamlError,
  namespace,
  printed,
  printText,
  quoteText,
  required,
  scalarFromText,
  standardLabels,
  tplValue,
  val,
} from '../../../src/renderer/helpers/index.js';

function apiConfig(ctx: RenderContext): unknown {
  return val(ctx, 'worker.apiConfig');
}

/** worker.serviceAccountName */
export function serviceAccountName(ctx: RenderContext): string {
  const name = val(ctx, 'serviceAccount.name');
  if (isTrue(val(ctx, 'serviceAccount.create'))) return printText(dflt(fullname(ctx), name));
  return printText(dflt('default', name));
}

/** cloud.requiredConfig.accountId */
export function cloudAccountId(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'cloud', '.Values.worker.apiConfig')) return '';
  return printText(
    required('A Prefect Cloud Account ID is required (worker.cloudApiConfig.accountId)', val(ctx, 'worker.cloudApiConfig.accountId')),
  );
}

/** cloud.requiredConfig.workspaceId */
export function cloudWorkspaceId(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'cloud', '.Values.worker.apiConfig')) return '';
  return printText(
    required(
      'A Prefect Cloud Workspace ID is required (worker.cloudApiConfig.workspaceId)',
      val(ctx, 'worker.cloudApiConfig.workspaceId'),
    ),
  );
}

/** selfManaged.requiredConfig.accountId */
export function selfManagedAccountId(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'selfManagedCloud', '.Values.worker.apiConfig')) return '';
  return printText(
    required(
      'A Prefect Cloud Account ID is required (worker.selfManagedCloudApiConfig.accountId)',
      val(ctx, 'worker.selfManagedCloudApiConfig.accountId'),
    ),
  );
}

/** selfManaged.requiredConfig.workspaceId */
export function selfManagedWorkspaceId(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'selfManagedCloud', '.Values.worker.apiConfig')) return '';
  return printText(
    required(
      'A Prefect Cloud Workspace ID is required (worker.selfManagedCloudApiConfig.workspaceId)',
      val(ctx, 'worker.selfManagedCloudApiConfig.workspaceId'),
    ),
  );
}

/** selfManaged.requiredConfig.apiUrl */
export function selfManagedApiUrl(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'selfManagedCloud', '.Values.worker.apiConfig')) return '';
  return printText(
    required(
      'The Self-managed Cloud API URL is required (worker.selfManagedCloudApiConfig.apiUrl)',
      val(ctx, 'worker.selfManagedCloudApiConfig.apiUrl'),
    ),
  );
}

/** server.requiredConfig.apiUrl */
export function serverApiUrl(ctx: RenderContext): string {
  if (!eqString(apiConfig(ctx), 'selfHostedServer', '.Values.worker.apiConfig')) return '';
  return printText(
    required(
      'The Prefect Server API URL is required (worker.selfHostedServerApiConfig.apiUrl)',
      val(ctx, 'worker.selfHostedServerApiConfig.apiUrl'),
    ),
  );
}

/**
 * worker.apiUrl: the quoted PREFECT_API_URL for the configured API, or nothing for an unknown one.
 * Arguments are evaluated left to right, so the first missing setting is the one reported.
 */
export function apiUrl(ctx: RenderContext): string {
  const config = apiConfig(ctx);
  if (eqString(config, 'cloud', '.Values.worker.apiConfig')) {
    const base = fmtS(val(ctx, 'worker.cloudApiConfig.cloudUrl'));
    const account = cloudAccountId(ctx);
    const workspace = cloudWorkspaceId(ctx);
    return quoteText(`${base}/accounts/${account}/workspaces/${workspace}`);
  }
  if (eqString(config, 'selfManagedCloud', '.Values.worker.apiConfig')) {
    const base = selfManagedApiUrl(ctx);
    const account = selfManagedAccountId(ctx);
    const workspace = selfManagedWorkspaceId(ctx);
    return quoteText(`${base}/accounts/${account}/workspaces/${workspace}`);
  }
  if (eqString(config, 'selfHostedServer', '.Values.worker.apiConfig')) return quoteText(serverApiUrl(ctx));
  return '';
}

/**
 * worker.clusterUUID: the configured UID, quoted; otherwise helm reads the kube-system Namespace's UID
 * with `lookup`. `helm template` has no cluster, so lookup yields an empty map, the chart's fallback
 * dict supplies an empty UID, and the value renders as `""`. We render exactly that.
 */
export function clusterUUID(ctx: RenderContext): string {
  const uid = val(ctx, 'worker.clusterUid');
  return isTrue(uid) ? quoteText(uid) : '""';
}

/** worker.baseJobTemplateName: the ConfigMap holding the base job template, or "" when there is none. */
export function baseJobTemplateName(ctx: RenderContext): string {
  if (isTrue(val(ctx, 'worker.config.baseJobTemplate.configuration'))) {
    return printText(dflt('prefect-worker-base-job-template', val(ctx, 'worker.config.baseJobTemplate.name')));
  }
  const existing = val(ctx, 'worker.config.baseJobTemplate.existingConfigMapName');
  if (isTrue(existing)) return printText(existing);
  return '';
}

/**
 * bitnami common 2.31.3 no longer picks these by Kubernetes version (common.capabilities.deployment and
 * .rbac.apiVersion print fixed values), so the worker's objects keep them on every --kube-version.
 */
export const DEPLOYMENT_API_VERSION = 'apps/v1';
export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';

/*
 * YAML errors come last. Helm first executes every template, stopping at the first `required`/`fail` or
 * template error, and only then reads the rendered text as YAML. Our templates build data as they go, so
 * a value that would break the YAML is noted here (the first one per template) and the template carries
 * on, so that an execution error further down still wins, as in helm.
 */
let pendingYamlError: ManifestYamlError | undefined;

/** Runs `fn`; a YAML error it raises is kept for the end of the template and `fallback` returned instead. */
export function soft<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof ManifestYamlError)) throw e;
    pendingYamlError ??= e;
    return fallback;
  }
}

/** A template's render with YAML errors raised only once everything else has run. */
export function yamlErrorsLast<T>(render: (ctx: RenderContext) => T): (ctx: RenderContext) => T {
  return (ctx) => {
    const outer = pendingYamlError;
    pendingYamlError = undefined;
    try {
      const out = render(ctx);
      if (pendingYamlError) throw pendingYamlError;
      return out;
    } finally {
      pendingYamlError = outer;
    }
  };
}

/** Text printed at a key or list item whose indicator sits at column `col` runs on to a line that ends the block. */
function breaksBlock(text: string, col: number): boolean {
  // One line (the usual value) cannot run on to another.
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) return false;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.length - line.trimStart().length <= col) return true;
  }
  return false;
}

/**
 * `key: {{ v }}` with the key at column `col`: as `printed`, except that text running on to a line
 * indented no deeper than the key breaks the YAML (noted as a YAML error, see `soft`).
 */
export function inline(v: unknown, col: number): unknown {
  return soft(() => {
    const text = printText(v);
    if (breaksBlock(text, col)) throw new ManifestYamlError(text, 'a value printed on one line runs on to a line that ends its block');
    return printed(v);
  }, null);
}

/** `- {{ text }}` with the dash at column `col`: like `inline`, but a mapping (`a: b`) or list (`- x`) may start after the dash. */
export function listItem(v: unknown, col: number): unknown {
  return soft(() => {
    const text = printText(v);
    if (breaksBlock(text, col)) throw new ManifestYamlError(text, 'a list item runs on to a line that ends its block');
    return readListItem(text, () => printed(v));
  }, null);
}

/** `key: {{ text }}` for text already rendered (an include): read as `inline` reads a value. */
export function inlineText(text: string, col: number): unknown {
  return soft(() => {
    if (breaksBlock(text, col)) throw new ManifestYamlError(text, 'a value printed on one line runs on to a line that ends its block');
    return scalarFromText(text);
  }, null);
}

/** A rendered YAML block that must be a map to sit among other keys of the same mapping. */
export function mapBlock(v: unknown, what: string): Record<string, unknown> {
  if (isNil(v)) return {};
  if (isMap(v)) return v;
  return soft(() => {
    throw new ManifestYamlError(String(v), `${what} does not render to a mapping`);
  }, {});
}

/** A rendered YAML block that continues a list: its items, appended. */
export function listBlock(v: unknown, what: string): unknown[] {
  if (isNil(v)) return [];
  if (Array.isArray(v)) return v;
  return soft(() => {
    throw new ManifestYamlError(String(v), `${what} does not render to a list`);
  }, []);
}

/**
 * common.tplvalues.render of a value, read back as data. Template errors stop at once (tplValue throws
 * them before reading the text back); only a YAML error in the result waits (see `soft`).
 */
export function tplBlock(ctx: RenderContext, v: unknown, path: string): unknown {
  return soft(() => tplValue(ctx, v, path), null);
}

/**
 * The labels of the worker's own objects: the standard labels, the component, the Prefect version,
 * then the rendered commonLabels in the same mapping (a repeated key takes the later value).
 */
export function workerLabels(ctx: RenderContext, appVersion: unknown): Record<string, unknown> {
  // Keys added one by one (standardLabels returns a fresh map): a spread followed by more keys is slow in V8.
  const labels: Record<string, unknown> = soft(() => standardLabels(ctx), {});
  labels['app.kubernetes.io/component'] = 'worker';
  labels['prefect-version'] = appVersion;
  const common = val(ctx, 'commonLabels');
  if (isTrue(common)) assignKeys(labels, mapBlock(tplBlock(ctx, common, 'commonLabels'), 'commonLabels'));
  return labels;
}

/** name, namespace, labels and (when set) the rendered commonAnnotations of a worker object. */
export function workerMetadata(ctx: RenderContext, name: unknown, appVersion: unknown): Record<string, unknown> {
  const meta: Record<string, unknown> = { name, namespace: namespace(ctx), labels: workerLabels(ctx, appVersion) };
  const annotations = val(ctx, 'commonAnnotations');
  if (isTrue(annotations)) meta.annotations = tplBlock(ctx, annotations, 'commonAnnotations');
  return meta;
}

/** The named templates a templated value may `include`. */
export const NAMED: Readonly<Record<string, (ctx: RenderContext) => string>> = {
  'worker.serviceAccountName': serviceAccountName,
  'cloud.requiredConfig.accountId': cloudAccountId,
  'cloud.requiredConfig.workspaceId': cloudWorkspaceId,
  'selfManaged.requiredConfig.accountId': selfManagedAccountId,
  'selfManaged.requiredConfig.workspaceId': selfManagedWorkspaceId,
  'selfManaged.requiredConfig.apiUrl': selfManagedApiUrl,
  'server.requiredConfig.apiUrl': serverApiUrl,
  'worker.apiUrl': apiUrl,
  'worker.clusterUUID': clusterUUID,
  'worker.baseJobTemplateName': baseJobTemplateName,
};
