// bitnami common `_labels.tpl`: the standard labels and the selector labels.
import type { RenderContext } from '../context.js';
import { runtimeOf } from '../context.js';
import { chartLabel, name, namesMemo } from './names.js';
import { mergeInto } from '../gotemplate/funcs/collections.js';
import { empty } from './go.js';
import { isMap } from '../gotemplate/go-value.js';
import { hasNoKeys, renderedMap, tplMerge } from './tplvalues.js';
import { ManifestYamlError, printed } from './yaml-data.js';
import { shared } from './shared-results.js';

export type Labels = Record<string, unknown>;

/**
 * A label the `.` form prints unquoted. The include is placed with nindent, which indents every line
 * alike, so a further line of the value that starts without a space sits at the key's column and ends
 * the block: helm's YAML parse fails (a nameOverride of "a\nb"); an indented one folds into the value.
 */
function printedLabel(s: string): unknown {
  if (/[\r\n][^\s]/.test(s)) throw new ManifestYamlError(s, 'a label value runs on to a line that ends the labels block');
  return printed(s);
}

/**
 * common.labels.standard. Without custom labels (the `.` form) the four standard labels plus the app
 * version; with them (the `dict "customLabels" ... "context" $` form) the rendered custom labels win
 * over the standard ones.
 */
export function standardLabels(ctx: RenderContext, customLabels?: unknown, valuePath = 'commonLabels'): Labels {
  if (customLabels === undefined) return copyStandard(baseLabels(ctx, true));
  const base = baseLabels(ctx, false);
  // No custom labels (the usual `{}`): either merge gives the standard labels. A literal copy, not a
  // null-prototype map (V8 keeps those in dictionary mode, slow to fill and to read).
  if (isMap(customLabels) && hasNoKeys(customLabels)) return copyStandard(base);
  if (runtimeOf(ctx).commonVersion === '2.12.0') {
    // `merge (custom | fromYaml) (standard)`: a custom label set to nil or an empty value gets the
    // standard one, and other nil custom labels stay (as null).
    const custom = renderedMap(ctx, customLabels, valuePath);
    mergeInto(custom, base, false, 0);
    return custom;
  }
  // Later releases: common.tplvalues.merge of (custom, standard), which drops nil custom labels.
  return tplMerge(ctx, [customLabels, base], valuePath);
}

/**
 * The standard labels of a chart context, remembered with its names (see namesMemo: kept while
 * nameOverride and the release read the same) and never handed out: callers get copies.
 */
function baseLabels(ctx: RenderContext, dotForm: boolean): Labels {
  const memo = namesMemo(ctx);
  const hit = dotForm ? memo?.labels : memo?.textLabels;
  if (hit !== undefined) return hit;
  // The `.` form writes name, chart, instance and managed-by unquoted, so a numeric-looking release
  // name or nameOverride reads back as a number; the dict form goes through toYaml and stays a string.
  const plain = dotForm ? printedLabel : (s: string): unknown => s;
  const base: Labels = {
    'app.kubernetes.io/name': plain(name(ctx)),
    'helm.sh/chart': plain(chartLabel(ctx)),
    'app.kubernetes.io/instance': plain(ctx.Release.Name),
    'app.kubernetes.io/managed-by': plain(ctx.Release.Service),
  };
  // common 2.12 always writes the version label; later releases only when the chart has an appVersion.
  if (ctx.Chart.AppVersion !== '' || runtimeOf(ctx).commonVersion === '2.12.0') {
    base['app.kubernetes.io/version'] = ctx.Chart.AppVersion;
  }
  if (memo && dotForm) memo.labels = base;
  else if (memo) memo.textLabels = base;
  return base;
}

// Copies built as literals: objects of one shape, to which a caller's further keys add cheaply.
function copyStandard(b: Labels): Labels {
  const out: Labels = {
    'app.kubernetes.io/name': b['app.kubernetes.io/name'],
    'helm.sh/chart': b['helm.sh/chart'],
    'app.kubernetes.io/instance': b['app.kubernetes.io/instance'],
    'app.kubernetes.io/managed-by': b['app.kubernetes.io/managed-by'],
  };
  if (Object.hasOwn(b, 'app.kubernetes.io/version')) out['app.kubernetes.io/version'] = b['app.kubernetes.io/version'];
  return out;
}

/** common.labels.matchLabels: name and instance; custom labels may only override those two keys. */
export function matchLabels(ctx: RenderContext, customLabels?: unknown, valuePath = 'podLabels'): Labels {
  if (customLabels === undefined) {
    const memo = namesMemo(ctx);
    const m = memo?.matchLabels ?? { 'app.kubernetes.io/name': printedLabel(name(ctx)), 'app.kubernetes.io/instance': printed(ctx.Release.Name) };
    if (memo) memo.matchLabels = m;
    return { 'app.kubernetes.io/name': m['app.kubernetes.io/name'], 'app.kubernetes.io/instance': m['app.kubernetes.io/instance'] };
  }
  // `merge (pick (custom | fromYaml) name instance) (standard)`: a custom name or instance wins unless
  // it is empty (nil, "", 0, false, an empty map or list).
  const standardName = name(ctx);
  const rendered = renderedMap(ctx, customLabels, valuePath);
  const out: Labels = { 'app.kubernetes.io/name': standardName, 'app.kubernetes.io/instance': ctx.Release.Name };
  for (const k of ['app.kubernetes.io/name', 'app.kubernetes.io/instance']) {
    if (Object.hasOwn(rendered, k) && !empty(rendered[k])) out[k] = rendered[k];
  }
  return out;
}

/**
 * `{ ...labels, 'app.kubernetes.io/component': c }` for labels the caller owns (standardLabels and
 * matchLabels return fresh maps): the key is added in place, as a spread followed by more keys is a
 * slow path in V8 (about a microsecond each).
 */
export function withComponent(labels: Labels, component: string): Labels {
  labels['app.kubernetes.io/component'] = component;
  return labels;
}

/**
 * `matchLabels` plus the component: a selector, shared between renders of the same chart, release and
 * values (frozen: place it, do not change it).
 */
export function componentSelector(ctx: RenderContext, component: string): Readonly<Labels> {
  return shared(ctx, 'selector', component, () => withComponent(matchLabels(ctx), component));
}
