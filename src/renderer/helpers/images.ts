// bitnami common `_images.tpl`: image references and pull secrets.
import { isDeepStrictEqual } from 'node:util';
import type { ChartInfo, RenderContext } from '../context.js';
import { runtimeOf } from '../context.js';
import { TemplateExecError } from '../errors.js';
import { goRange, goTypeName, isMap, isTrue, strval } from './go.js';
import { fmtS } from './go-template.js';
import { tplText } from './tplvalues.js';
import { printed } from './yaml-data.js';
import { isDeeplyFrozen } from '../values/maps.js';

type Loose = Record<string, unknown> | null | undefined;

function field(m: Loose, key: string): unknown {
  return m && typeof m === 'object' && Object.hasOwn(m, key) ? m[key] : undefined;
}

/** sprig toString: nil prints as `<nil>`. */
function toStr(v: unknown): string {
  return v === null || v === undefined ? '<nil>' : strval(v);
}

/**
 * common.images.image: `[registry/]repository(:tag|@digest)`. global.imageRegistry wins over the
 * image's registry; a digest replaces the tag; from common 2.27 a missing tag falls back to the
 * chart's appVersion when the chart is passed.
 */
export function image(ctx: RenderContext, imageRoot: Loose, global?: Loose, chart?: ChartInfo): string {
  // `.imageRoot.registry` is the first thing the define reads: Go stops on a nil or non-map image.
  if (imageRoot === null || imageRoot === undefined) throw new TemplateExecError('nil pointer evaluating interface {}.registry');
  if (!isMap(imageRoot)) throw new TemplateExecError(`can't evaluate field registry in type ${goTypeName(imageRoot)}`);
  // Frozen values give the same reference every render: remembered, and the same string handed out.
  const frozen = isDeeplyFrozen(imageRoot) && (global === undefined || global === null || (typeof global === 'object' && isDeeplyFrozen(global)));
  if (!frozen) return imageText(ctx, imageRoot, global, chart);
  const version = runtimeOf(ctx).commonVersion;
  const known = imageTexts.get(imageRoot);
  if (known !== undefined && known.global === global && known.chart === chart && known.version === version) return known.text;
  const text = imageText(ctx, imageRoot, global, chart);
  imageTexts.set(imageRoot, { global, chart, version, text });
  return text;
}

const imageTexts = new WeakMap<object, { global: Loose | undefined; chart: ChartInfo | undefined; version: string; text: string }>();

function imageText(ctx: RenderContext, imageRoot: Loose, global?: Loose, chart?: ChartInfo): string {
  const globalRegistry = field(global, 'imageRegistry');
  const registry = isTrue(globalRegistry) ? globalRegistry : field(imageRoot, 'registry');
  const repository = fmtS(field(imageRoot, 'repository'));
  let separator = ':';
  let termination = toStr(field(imageRoot, 'tag'));
  const v = runtimeOf(ctx).commonVersion;
  if (!isTrue(field(imageRoot, 'tag')) && chart && (v === '2.27.0' || v === '2.31.3')) termination = toStr(chart.AppVersion);
  if (isTrue(field(imageRoot, 'digest'))) {
    separator = '@';
    termination = toStr(field(imageRoot, 'digest'));
  }
  // printf "%s/%s%s%s": the registry and repository as fmt's %s prints any value; tag and digest went through toString.
  return isTrue(registry) ? `${fmtS(registry)}/${repository}${separator}${termination}` : `${repository}${separator}${termination}`;
}

/** Pull secret names from global.imagePullSecrets then each image's pullSecrets (maps give `.name`). */
function collectPullSecrets(images: readonly Loose[], global: Loose, render: (v: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  const add = (list: unknown): void => {
    // `range`: a list's items, a map's values by sorted key; a string or a number stops the render.
    for (const [, s] of goRange(list, 'pullSecrets')) out.push(render(s && typeof s === 'object' && !Array.isArray(s) ? field(s as Loose, 'name') : s));
  };
  add(field(global, 'imagePullSecrets'));
  for (const img of images) add(field(img, 'pullSecrets'));
  return out;
}

/** `range $pullSecrets | uniq` then `- name: {{ . }}`: sprig's uniq keeps the first of equal values. */
function pullSecretList(names: unknown[]): Array<{ name: unknown }> | undefined {
  const unique: unknown[] = [];
  for (const n of names) if (!unique.some((u) => isDeepStrictEqual(u, n))) unique.push(n);
  return unique.length ? unique.map((n) => ({ name: printed(n) })) : undefined;
}

/** common.images.pullSecrets: the `imagePullSecrets` list, or undefined when there is none. */
export function pullSecrets(images: readonly Loose[], global: Loose): Array<{ name: unknown }> | undefined {
  return pullSecretList(collectPullSecrets(images, global, (s) => s));
}

/** common.images.renderPullSecrets: like pullSecrets, with each name rendered as a template. */
export function renderPullSecrets(ctx: RenderContext, images: readonly Loose[]): Array<{ name: unknown }> | undefined {
  return pullSecretList(collectPullSecrets(images, field(ctx.Values, 'global') as Loose, (s) => tplText(ctx, s)));
}
