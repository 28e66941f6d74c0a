// bitnami common `_tplvalues.tpl`: values that may hold Go templates are rendered with helm's `tpl`
// against the chart context, then read back as YAML where the chart places them.
import { runtimeOf, type RenderContext } from '../context.js';
import { tpl, TemplateError } from '../gotemplate/index.js';
import { mergeInto } from '../gotemplate/funcs/collections.js';
import { fromYaml } from '../gotemplate/funcs/helm.js';
import { isMap, newMap, setKey } from '../gotemplate/go-value.js';
import { isDeeplyFrozen } from '../values/maps.js';
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
  return yamlFromText(blockLine(tplText(ctx, value, valuePath)));
}

/**
 * The rendered text as the manifest holds it: `| nindent n` indents after every line break (a text
 * ending in one gets a last, blank line) and the template's own line break follows. Only a keep-chomped
 * block scalar (`|+`, which toYaml writes for a value ending in line breaks) at the end sees the difference.
 */
export function blockLine(text: string): string {
  return text + '\n';
}

/**
 * common.tplvalues.merge: each value rendered and read with `fromYaml`, then sprig `merge`d into the
 * result (mergo): earlier values win, a nil value is dropped, an empty one ("", 0, false) is filled by a
 * later value, and a value that is not a map reads as `{Error: ...}`, as helm's fromYaml reports it.
 */
export function tplMerge(ctx: RenderContext, values: readonly unknown[], valuePath = ''): Record<string, unknown> {
  const dst = newMap();
  for (const v of values) {
    // An empty map (the usual commonLabels, podLabels) renders to nothing to merge.
    if (isMap(v) && hasNoKeys(v)) continue;
    mergeInto(dst, renderedMap(ctx, v, valuePath), false, 0);
  }
  return dst;
}

/** A map without own keys, without listing them. */
export function hasNoKeys(m: Record<string, unknown>): boolean {
  for (const k in m) if (Object.hasOwn(m, k)) return false;
  return true;
}

/** `include "common.tplvalues.render" (dict "value" v ...) | fromYaml`: fresh maps the caller may change. */
export function renderedMap(ctx: RenderContext, value: unknown, valuePath = ''): Record<string, unknown> {
  // Fast path: a map without templates reads back as itself (copied, as fromYaml makes new maps).
  if (isMap(value) && !hasTemplate(value)) return freshCopy(value) as Record<string, unknown>;
  return fromYaml(tplText(ctx, value ?? null, valuePath)) as Record<string, unknown>;
}

function freshCopy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(freshCopy);
  if (typeof v === 'bigint') return Number(v);
  if (!isMap(v)) return v;
  const m = newMap();
  for (const k of Object.keys(v)) setKey(m, k, freshCopy(v[k]));
  return m;
}

/**
 * `contains "{{" (toJson .value)`, without building JSON. In JSON every key and string is quoted and
 * every other token is punctuation or a number, so `{{` can only come from a key or a string that
 * holds it.
 */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (value === null || typeof value !== 'object') return false;
  if (!isDeeplyFrozen(value)) return jsonHoldsTemplate(value);
  // Chart defaults and cached values are frozen and asked about on every render: answer once.
  let answer = templateAnswers.get(value);
  if (answer === undefined) templateAnswers.set(value, (answer = jsonHoldsTemplate(value)));
  return answer;
}

/** The walk answers the common "no"; a "yes" is confirmed on the JSON (toJson is empty for NaN/Inf). */
function jsonHoldsTemplate(value: object): boolean {
  return holdsTemplate(value, 0) && toJson(value).includes('{{');
}

function holdsTemplate(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return v.includes('{{');
  if (v === null || typeof v !== 'object') return false;
  // Values are bounded in depth when loaded; toJson would refuse anything deeper anyway.
  if (depth > 1000) return toJson(v).includes('{{');
  if (Array.isArray(v)) return v.some((x) => holdsTemplate(x, depth + 1));
  for (const k of Object.keys(v)) {
    if (k.includes('{{') || holdsTemplate((v as Record<string, unknown>)[k], depth + 1)) return true;
  }
  return false;
}

const templateAnswers = new WeakMap<object, boolean>();
