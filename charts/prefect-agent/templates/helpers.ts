// The agent chart's `_helpers.tpl` (service account name, API URL, cluster UID) and the few Go template
// behaviours its templates lean on: field walks, `range`, `len`, `eq` and printf's %s on any value type.
import type { Manifest } from '../../../src/renderer/chart.js';
import { RUNTIME, type RenderContext } from '../../../src/renderer/context.js';
import {
  blockLine,
  isMap,
  dflt,
  eqString,
  fmtS,
  fullname,
  goPrint,
  isNil,
  isTrue,
  ManifestYamlError,
  readListItem,
  namespace,
  printed,
  printText,
  quoted,
  quoteText,
  standardLabels,
  toYaml,
  tplText,
  tplValue,
  val,
  yamlFromText,
} from '../../../src/renderer/helpers/index.js';

/**
 * `key: {{ v }}` at an indented position: as `printed`, except that text running on to a further
 * non-blank line starts that line at column 0, which ends the enclosing block and breaks the YAML.
 */
export function inline(v: unknown): unknown {
  const text = printText(v);
  const rest = text.split(/\r?\n/).slice(1);
  if (rest.some((line) => line.trim() !== '')) {
    throw new ManifestYamlError(text, 'a value printed on one line runs on to the next line');
  }
  return printed(v);
}

/**
 * `- {{ text }}`: a list item reads like `key: {{ text }}`, except that a block mapping (`a: b`) or a
 * nested block list (`- x`) may start right after the dash.
 */
export function listItem(text: string): unknown {
  return readListItem(text, () => inline(text));
}

/** The context a named template runs with: the one `include` passed, else the chart's. */
function contextOf(ctx: RenderContext, data: unknown): RenderContext {
  return data !== null && typeof data === 'object' && RUNTIME in data ? (data as RenderContext) : ctx;
}

/** agent.serviceAccountName: the named ServiceAccount, else the full name (created) or "default". */
export function serviceAccountName(ctx: RenderContext): string {
  const name = val(ctx, 'serviceAccount.name');
  return printText(isTrue(val(ctx, 'serviceAccount.create')) ? dflt(fullname(ctx), name) : dflt('default', name));
}

/** agent.apiUrl as text: the quoted Cloud workspace URL, or the quoted server URL. */
export function apiUrlText(ctx: RenderContext): string {
  if (eqString(val(ctx, 'agent.apiConfig'), 'cloud')) {
    const cloud = 'agent.cloudApiConfig';
    const url = `${fmtS(val(ctx, `${cloud}.cloudUrl`))}/accounts/${fmtS(val(ctx, `${cloud}.accountId`))}/workspaces/${fmtS(
      val(ctx, `${cloud}.workspaceId`),
    )}`;
    return quoteText(url);
  }
  return quoteText(val(ctx, 'agent.serverApiConfig.apiUrl'));
}

/**
 * agent.clusterUUID as text: the configured UID, quoted. Without one the chart looks up the kube-system
 * Namespace, which `helm template` never finds, so the UID is empty.
 */
export function clusterUidText(ctx: RenderContext): string {
  const uid = val(ctx, 'agent.clusterUid');
  return isTrue(uid) ? quoteText(uid) : '""';
}

/** The named templates a templated value may `include`. */
export const namedTemplates: Readonly<Record<string, (ctx: RenderContext, data: unknown) => string>> = {
  'agent.serviceAccountName': (ctx, data) => serviceAccountName(contextOf(ctx, data)),
  'agent.apiUrl': (ctx, data) => apiUrlText(contextOf(ctx, data)),
  'agent.clusterUUID': (ctx, data) => clusterUidText(contextOf(ctx, data)),
};

/** `{{- include "common.tplvalues.render" (dict "value" v ...) | nindent n }}` placed among map keys. */
export function mergeRendered(into: Manifest, rendered: unknown, what: string): void {
  if (isNil(rendered)) return;
  if (!isMap(rendered)) throw new ManifestYamlError(toYaml(rendered), `${what} must render to a mapping of keys`);
  for (const k of Object.keys(rendered)) into[k] = rendered[k];
}

/** The same, placed after the items of a list: the rendered items join the list. */
export function appendRendered(list: unknown[], rendered: unknown, what: string): void {
  if (isNil(rendered)) return;
  if (!Array.isArray(rendered)) throw new ManifestYamlError(toYaml(rendered), `${what} must render to a list`);
  list.push(...(rendered as unknown[]));
}

/** A templated value when the chart's `if` holds on it (`{{- if v }} ... {{- end }}`), else nothing. */
export function renderedIf(ctx: RenderContext, path: string): unknown {
  const v = val(ctx, path);
  return isTrue(v) ? tplValue(ctx, v, path) : null;
}

/**
 * The same where the rendered text continues a block (more keys of a mapping, more items of a list):
 * a string value rendering to a flow collection (`[a]`, `{a: 1}`) cannot continue one, and breaks
 * the YAML as it does for helm.
 */
export function renderedBlockIf(ctx: RenderContext, path: string): unknown {
  const v = val(ctx, path);
  if (!isTrue(v)) return null;
  if (typeof v !== 'string') return tplValue(ctx, v, path);
  const text = tplText(ctx, v, path);
  const first = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '');
  if (first !== undefined && /^\s*[[{]/.test(first)) {
    throw new ManifestYamlError(text, `${path} renders a flow collection where the block goes on`);
  }
  return yamlFromText(blockLine(text));
}

/** The labels every object carries: the `.` form of common.labels.standard, the component and Prefect version. */
export function objectLabels(ctx: RenderContext): Manifest {
  const labels: Manifest = standardLabels(ctx);
  labels['app.kubernetes.io/component'] = 'agent';
  labels['prefect-version'] = printed(ctx.Chart.AppVersion);
  return labels;
}

/** metadata of every object: name, quoted namespace, labels with commonLabels, commonAnnotations. */
export function objectMetadata(ctx: RenderContext, name: unknown): Manifest {
  const labels = objectLabels(ctx);
  mergeRendered(labels, renderedBlockIf(ctx, 'commonLabels'), 'commonLabels');
  const metadata: Manifest = { name, namespace: quoted(namespace(ctx)), labels };
  if (isTrue(val(ctx, 'commonAnnotations'))) metadata.annotations = renderedIf(ctx, 'commonAnnotations');
  return metadata;
}
