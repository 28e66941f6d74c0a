// Pieces of manifests that depend only on the chart, the release and frozen values (labels, selectors),
// built once and shared between renders of the same input. They are handed out deep-frozen, so the
// emitter remembers their text as well, and no template can change a copy another render will see.
import type { RenderContext } from '../context.js';
import { deepFreeze, isDeeplyFrozen } from '../values/maps.js';

interface SharedResults {
  readonly chart: RenderContext['Chart'];
  readonly release: string;
  readonly namespace: string;
  readonly service: string;
  /** By what was built (a constant name), then by variant (a component): no key text to build per call. */
  readonly results: Map<string, Map<string, object>>;
}

const byValues = new WeakMap<object, SharedResults>();

/**
 * `build()`'s result, deep-frozen, remembered by `name` and `variant` for this chart, release and values
 * object. Only for values deep-frozen (the prepared values of a render are: nothing can change them
 * mid-render); otherwise `build()`'s own result, as it is. `name` and `variant` must together name
 * everything else `build` reads.
 */
export function shared<T extends object>(ctx: RenderContext, name: string, variant: string, build: () => T): Readonly<T> {
  const values = ctx.Values;
  if (!isDeeplyFrozen(values)) return build();
  const release = ctx.Release;
  let memo = byValues.get(values);
  if (
    memo === undefined ||
    memo.chart !== ctx.Chart ||
    memo.release !== release.Name ||
    memo.namespace !== release.Namespace ||
    memo.service !== release.Service
  ) {
    memo = { chart: ctx.Chart, release: release.Name, namespace: release.Namespace, service: release.Service, results: new Map() };
    byValues.set(values, memo);
  }
  let variants = memo.results.get(name);
  if (variants === undefined) memo.results.set(name, (variants = new Map()));
  let hit = variants.get(variant) as T | undefined;
  if (hit === undefined) {
    hit = build();
    deepFreeze(hit);
    variants.set(variant, hit);
  }
  return hit;
}
