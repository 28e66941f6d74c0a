// bitnami common `_affinities.tpl`: the pod and node affinity presets charts build from
// `podAffinityPreset`, `podAntiAffinityPreset` and `nodeAffinityPreset` values. The same in common
// 2.12.0 to 2.31.3, except the `extraNamespaces`/`namespaces` options later releases add to pod terms,
// which no ported chart passes (without them the output is the same).
import type { RenderContext } from '../context.js';
import { dflt, field, goRange, isNil, isTrue, printText } from './go.js';
import { matchLabels } from './labels.js';
import { printed, quoted } from './yaml-data.js';

/** An error Go's template engine stops on (here: `eq` given something that is not a string). */
export class AffinityPresetError extends Error {
  readonly code = 'TEMPLATE_EXEC';
}

/**
 * `eq .type "soft"` as Go 1.18 templates evaluate it: a string compares with a string, nil is simply
 * unequal, any other kind makes `eq` fail and helm stops.
 */
function presetIs(type: unknown, want: string): boolean {
  if (typeof type === 'string') return type === want;
  if (isNil(type)) return false;
  throw new AffinityPresetError(
    typeof type === 'object' ? 'error calling eq: uncomparable type' : 'error calling eq: incompatible types for comparison',
  );
}

/** What a preset was given: `type` soft/hard, plus the label and topology inputs of a pod preset. */
export interface PodAffinityPreset {
  type: unknown;
  component?: unknown;
  /** The chart's pod labels (a map or YAML text); only name/instance reach the selector. */
  customLabels?: unknown;
  extraMatchLabels?: unknown;
  topologyKey?: unknown;
  extraPodAffinityTerms?: unknown;
}

export interface NodeAffinityPreset {
  type: unknown;
  key: unknown;
  values: unknown;
}

/** The selector of one pod term: matchLabels, the component line, then `key: "value"` extras. */
function termLabels(ctx: RenderContext, preset: PodAffinityPreset, extra: unknown): Record<string, unknown> {
  const labels: Record<string, unknown> = matchLabels(ctx, isTrue(preset.customLabels) ? preset.customLabels : {});
  // `{{ printf "app.kubernetes.io/component: %s" $component }}`, read back as YAML
  if (isTrue(preset.component)) labels['app.kubernetes.io/component'] = printed(printText(preset.component));
  for (const [key, value] of goRange(isTrue(extra) ? extra : {}, 'extraMatchLabels')) labels[String(key)] = quoted(value);
  return labels;
}

/** common.affinities.topologyKey */
function topologyKey(v: unknown): unknown {
  return printed(dflt('kubernetes.io/hostname', v));
}

/**
 * common.affinities.pods: a soft (preferred, weight 1) or hard (required) pod (anti-)affinity on the
 * chart's own pods; null (an empty include) for any other preset type.
 */
export function affinityPods(ctx: RenderContext, preset: PodAffinityPreset): unknown {
  const soft = presetIs(preset.type, 'soft');
  if (!soft && !presetIs(preset.type, 'hard')) return null;
  const extraTerms = goRange(isTrue(preset.extraPodAffinityTerms) ? preset.extraPodAffinityTerms : [], 'extraPodAffinityTerms');
  const terms: Array<Record<string, unknown>> = [
    { labels: termLabels(ctx, preset, preset.extraMatchLabels), topologyKey: topologyKey(preset.topologyKey), weight: 1 },
    ...extraTerms.map(([, term]) => ({
      labels: termLabels(ctx, preset, field(term, 'extraMatchLabels', 'extraPodAffinityTerms item')),
      topologyKey: topologyKey(field(term, 'topologyKey', 'extraPodAffinityTerms item')),
      weight: printed(dflt(1, field(term, 'weight', 'extraPodAffinityTerms item'))),
    })),
  ];
  if (soft) {
    return {
      preferredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({
        podAffinityTerm: { labelSelector: { matchLabels: t.labels }, topologyKey: t.topologyKey },
        weight: t.weight,
      })),
    };
  }
  return {
    requiredDuringSchedulingIgnoredDuringExecution: terms.map((t) => ({
      labelSelector: { matchLabels: t.labels },
      topologyKey: t.topologyKey,
    })),
  };
}

/** common.affinities.nodes: a soft or hard node affinity on `key In values`; null otherwise. */
export function affinityNodes(preset: NodeAffinityPreset): unknown {
  const soft = presetIs(preset.type, 'soft');
  if (!soft && !presetIs(preset.type, 'hard')) return null;
  const values = goRange(preset.values, 'values').map(([, v]) => quoted(v));
  const expression = { key: printed(preset.key), operator: 'In', values: values.length ? values : null };
  if (soft) {
    return {
      preferredDuringSchedulingIgnoredDuringExecution: [{ preference: { matchExpressions: [expression] }, weight: 1 }],
    };
  }
  return { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expression] }] } };
}
