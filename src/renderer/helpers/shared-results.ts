// What depends only on the chart, the release and frozen values (names, labels, selectors, image
// references), worked out once and shared between renders of the same input. Objects are handed out
// deep-frozen, so the emitter remembers their text as well and no template can change a copy another
// render will see; strings come back as the same string each render, so the emitter's and the YAML
// readers' lookups of them compare by reference instead of by content.
import type { RenderContext } from '../context.js';
import { deepFreeze, isDeeplyFrozen } from '../values/maps.js';

interface SharedResults {
  readonly chart: RenderContext['Chart'];
  readonly capabilities: RenderContext['Capabilities'];
  readonly release: string;
  readonly namespace: string;
  readonly service: string;
  /** By what was built (a constant name), then by variant (a component): no key text to build per call. */
  readonly results: Map<string, Map<string, unknown>>;
}

const byValues = new WeakMap<object, SharedResults>();

/** The results remembered for this chart, release, capabilities and values; undefined unless the values are deep-frozen. */
function resultsOf(ctx: RenderContext, name: string): Map<string, unknown> | undefined {
  const values = ctx.Values;
  if (!isDeeplyFrozen(values)) return undefined;
  const release = ctx.Release;
  let memo = byValues.get(values);
  if (
    memo === undefined ||
    memo.chart !== ctx.Chart ||
    memo.capabilities !== ctx.Capabilities ||
    memo.release !== release.Name ||
    memo.namespace !== release.Namespace ||
    memo.service !== release.Service
  ) {
    memo = {
      chart: ctx.Chart,
      capabilities: ctx.Capabilities,
      release: release.Name,
      namespace: release.Namespace,
      service: release.Service,
      results: new Map(),
    };
    byValues.set(values, memo);
  }
  let variants = memo.results.get(name);
  if (variants === undefined) memo.results.set(name, (variants = new Map()));
  return variants;
}

/**
 * `build()`'s result, remembered by `name` and `variant` for this chart, release and values object
 * (objects deep-frozen). Only for values deep-frozen (the prepared values of a render are: nothing can
 * change them mid-render); otherwise `build()`'s own result, as it is. `name` and `variant` must
 * together name everything else `build` reads, and `build` must not depend on `.Template` (no `tpl`
 * of a value holding a template).
 */
export function shared<T extends object | string>(ctx: RenderContext, name: string, variant: string, build: () => T): Readonly<T> {
  const results = resultsOf(ctx, name);
  if (results === undefined) return build();
  let hit = results.get(variant) as T | undefined;
  if (hit === undefined) {
    hit = build();
    if (typeof hit === 'object') deepFreeze(hit);
    results.set(variant, hit);
  }
  return hit;
}

/**
 * A mutable record shared the same way (not frozen), for a memo that fills in lazily what it derives
 * from the same inputs (see names.ts); `create()` makes it the first time.
 */
export function sharedState<T extends object>(ctx: RenderContext, name: string, create: () => T): T | undefined {
  const results = resultsOf(ctx, name);
  if (results === undefined) return undefined;
  let state = results.get('') as T | undefined;
  if (state === undefined) results.set('', (state = create()));
  return state;
}
