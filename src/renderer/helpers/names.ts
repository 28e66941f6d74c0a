// bitnami common `_names.tpl`: chart name, fullname, namespace and the chart label.
import { runtimeOf, type RenderContext } from '../context.js';
import { dflt, dnsTrunc, isTrue, printText } from './go.js';
import { sharedState } from './shared-results.js';

/** common.names.name: nameOverride or the chart name. */
export function name(ctx: RenderContext): string {
  return dnsTrunc(printText(dflt(ctx.Chart.Name, ctx.Values.nameOverride)));
}

/** common.names.chart: `<name>-<version>` with `+` made label-safe. */
export function chartLabel(ctx: RenderContext): string {
  return dnsTrunc(`${ctx.Chart.Name}-${ctx.Chart.Version}`.replaceAll('+', '_'));
}

/**
 * common.names.fullname: fullnameOverride, else the release name when it already contains the chart
 * name, else `<release>-<name>`. From common 2.31 the release name is lowercased and characters
 * outside [a-z0-9-] become dashes first.
 */
export function fullname(ctx: RenderContext): string {
  const memo = namesMemo(ctx);
  if (memo?.fullname !== undefined) return memo.fullname;
  const f = computeFullname(ctx);
  if (memo) memo.fullname = f;
  return f;
}

/**
 * Names and labels derived from a chart context, asked for many times per render, remembered per
 * context (for frozen values, per chart, release and values: shared by renders). They depend on the
 * chart (fixed), nameOverride, fullnameOverride and the release name and service, which a templated
 * value could still change mid-render (sprig `set`): the memo is kept only while those read the same,
 * and not at all when an override is a map or list (its contents could change).
 */
export interface NamesMemo {
  readonly nameOverride: unknown;
  readonly fullnameOverride: unknown;
  readonly release: string;
  readonly service: string;
  fullname?: string;
  labels?: Record<string, unknown>;
  textLabels?: Record<string, unknown>;
  matchLabels?: Record<string, unknown>;
}

export function namesMemo(ctx: RenderContext): NamesMemo | undefined {
  const values = ctx.Values;
  const nameOverride = values.nameOverride;
  const fullnameOverride = values.fullnameOverride;
  if ((typeof nameOverride === 'object' && nameOverride !== null) || (typeof fullnameOverride === 'object' && fullnameOverride !== null)) {
    return undefined;
  }
  const release = ctx.Release.Name;
  const service = ctx.Release.Service;
  const runtime = runtimeOf(ctx);
  let memo = runtime.names;
  if (
    memo === undefined ||
    memo.nameOverride !== nameOverride ||
    memo.fullnameOverride !== fullnameOverride ||
    memo.release !== release ||
    memo.service !== service
  ) {
    const create = (): NamesMemo => ({ nameOverride, fullnameOverride, release, service });
    // Frozen values: one memo for every render of the same chart, release and values.
    runtime.names = memo = sharedState(ctx, 'names', create) ?? create();
  }
  return memo;
}

function computeFullname(ctx: RenderContext): string {
  if (isTrue(ctx.Values.fullnameOverride)) return dnsTrunc(printText(ctx.Values.fullnameOverride));
  const n = printText(dflt(ctx.Chart.Name, ctx.Values.nameOverride));
  const release =
    runtimeOf(ctx).commonVersion === '2.31.3'
      ? ctx.Release.Name.toLowerCase().replace(/(-?[^a-z\d-])+-?/g, '-')
      : ctx.Release.Name;
  return dnsTrunc(release.includes(n) ? release : `${release}-${n}`);
}

/** common.names.namespace: namespaceOverride or the release namespace. */
export function namespace(ctx: RenderContext): string {
  return dnsTrunc(printText(dflt(ctx.Release.Namespace, ctx.Values.namespaceOverride)));
}

/** common.names.dependency.fullname: the fullname a dependency chart would compute. */
export function dependencyFullname(ctx: RenderContext, chartName: string, chartValues: Record<string, unknown>): string {
  if (isTrue(chartValues.fullnameOverride)) return dnsTrunc(printText(chartValues.fullnameOverride));
  const n = printText(dflt(chartName, chartValues.nameOverride));
  const release = ctx.Release.Name;
  return dnsTrunc(release.includes(n) ? release : `${release}-${n}`);
}
