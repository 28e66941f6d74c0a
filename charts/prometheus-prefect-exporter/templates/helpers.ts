// The chart's own `define`s (upstream templates/_helpers.tpl) and the metadata all its objects share.
import type { RenderContext } from '../../../src/renderer/context.js';
import { dflt, field, fullname, isTrue, namespace, printText, quoted, standardLabels, yamlBlock } from '../../../src/renderer/helpers/index.js';

/** prometheus-prefect-exporter.serviceAccountName */
export function serviceAccountName(ctx: RenderContext): string {
  const sa = ctx.Values.serviceAccount;
  if (isTrue(field(sa, 'create'))) return printText(dflt(fullname(ctx), field(sa, 'name')));
  return printText(dflt('default', field(sa, 'name')));
}

/** name, quoted namespace and standard labels, as every template of this chart writes them. */
export function metadata(ctx: RenderContext, name: unknown = fullname(ctx)): Record<string, unknown> {
  return { name, namespace: quoted(namespace(ctx)), labels: standardLabels(ctx) };
}

/** Extra labels written after the standard ones in the same YAML map: a repeated key takes the later value. */
export function withExtraLabels(standard: unknown, extra: unknown): Record<string, unknown> {
  const base = standard as Record<string, unknown>;
  if (!isTrue(extra)) return base;
  const block = yamlBlock(extra);
  return block && typeof block === 'object' && !Array.isArray(block) ? { ...base, ...(block as Record<string, unknown>) } : base;
}
