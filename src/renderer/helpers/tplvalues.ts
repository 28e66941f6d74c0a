// bitnami common `_tplvalues.tpl`: values that may hold Go templates are rendered with helm's `tpl`
// against the chart context, then read back as YAML where the chart places them.
import { runtimeOf, type RenderContext } from '../context.js';
import { tpl, TemplateError } from '../gotemplate/index.js';
import { toJson, toYaml } from './go.js';
import { yamlFromText } from './yaml-data.js';

/** A templated value failed: names the value and the position inside its template text. */
export class ValueTemplateError extends Error {
  readonly code: string;
  constructor(
    readonly valuePath: string,
    readonly templateError: TemplateError,
  ) {
    const e = templateError;
    super(e.code === 'TEMPLATE_FAIL' ? e.message : `${valuePath ? valuePath + ': ' : ''}${e.line}:${e.col}: ${e.message}`);
    this.code = e.code;
  }
}

/** Run helm's `tpl` with the chart's named templates reachable through `include`. */
export function runTpl(ctx: RenderContext, text: string, valuePath = ''): string {
  const runtime = runtimeOf(ctx);
  try {
    return tpl(text, ctx, { name: valuePath || 'tpl', host: { include: (n: string, d: unknown) => runtime.include(n, d) } });
  } catch (e) {
    if (e instanceof TemplateError) throw new ValueTemplateError(valuePath, e);
    throw e;
  }
}

/** common.tplvalues.render as text: strings as they are, other values as toYaml, templates evaluated. */
export function tplText(ctx: RenderContext, value: unknown, valuePath = '', scope?: unknown): string {
  const text = typeof value === 'string' ? value : toYaml(value);
  if (!hasTemplate(value)) return text;
  if (scope !== undefined) {
    // `cat` joins with spaces; `$.RelativeScope` is the scope merged over the context.
    const scoped = Object.assign(Object.create(null), ctx, { RelativeScope: scope }) as RenderContext;
    return runTpl(scoped, `{{- with $.RelativeScope -}} ${text} {{- end }}`, valuePath);
  }
  return runTpl(ctx, text, valuePath);
}

/** common.tplvalues.render placed as a YAML block: the rendered text read back as data. */
export function tplValue(ctx: RenderContext, value: unknown, valuePath = ''): unknown {
  if (value === undefined) return null;
  // Fast path: nothing to evaluate; toYaml then reading back gives the value itself.
  if (typeof value !== 'string' && !hasTemplate(value)) return value;
  return yamlFromText(tplText(ctx, value, valuePath));
}

/** common.tplvalues.merge: render each value, later ones filling only keys the earlier ones lack. */
export function tplMerge(ctx: RenderContext, values: readonly unknown[], valuePath = ''): Record<string, unknown> {
  const dst: Record<string, unknown> = {};
  for (const v of values) {
    const rendered = tplValue(ctx, v, valuePath);
    if (rendered && typeof rendered === 'object' && !Array.isArray(rendered)) mergeInto(dst, rendered as Record<string, unknown>);
  }
  return dst;
}

/** sprig `merge`: deep, destination wins. */
function mergeInto(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const k of Object.keys(src)) {
    const s = src[k];
    if (!Object.hasOwn(dst, k)) {
      dst[k] = s;
      continue;
    }
    const d = dst[k];
    if (d && s && typeof d === 'object' && typeof s === 'object' && !Array.isArray(d) && !Array.isArray(s)) {
      mergeInto(d as Record<string, unknown>, s as Record<string, unknown>);
    }
  }
}

/** `contains "{{" (toJson .value)`, without building JSON for the common plain case. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (value === null || typeof value !== 'object') return false;
  return toJson(value).includes('{{');
}
