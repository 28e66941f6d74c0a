// The chart's own `define`s (upstream templates/_helpers.tpl) and the metadata all its objects share.
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  assignKeys,
  dflt,
  field,
  fullname,
  isMap,
  isTrue,
  ManifestYamlError,
  namespace,
  printed,
  printText,
  quoted,
  scalarFromText,
  standardLabels,
  toYaml,
  yamlBlock,
} from '../../../src/renderer/helpers/index.js';

/** prometheus-prefect-exporter.serviceAccountName */
export function serviceAccountName(ctx: RenderContext): string {
  const sa = ctx.Values.serviceAccount;
  if (isTrue(field(sa, 'create'))) return printText(dflt(fullname(ctx), field(sa, 'name')));
  return printText(dflt('default', field(sa, 'name')));
}

/** Text printed at a key whose indicator sits at column `col` runs on to a line that ends the block. */
function breaksBlock(text: string, col: number): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() !== '' && line.length - line.trimStart().length <= col) return true;
  }
  return false;
}

/**
 * `key: {{ v }}` with the key at column `col`: as `printed`, except that text running on to a line
 * indented no deeper than the key breaks the YAML, as it does for helm.
 */
export function inline(v: unknown, col: number): unknown {
  const text = printText(v);
  if (breaksBlock(text, col)) throw new ManifestYamlError(text, 'a value printed on one line runs on to a line that ends its block');
  return printed(v);
}

/** `key: {{ include ... }}`: text already rendered, read as `inline` reads a value. */
export function inlineText(text: string, col: number): unknown {
  if (breaksBlock(text, col)) throw new ManifestYamlError(text, 'a value printed on one line runs on to a line that ends its block');
  return scalarFromText(text);
}

/** name, quoted namespace and standard labels, as every template of this chart writes them. */
export function metadata(ctx: RenderContext, name: unknown = inlineText(fullname(ctx), 2)): Record<string, unknown> {
  return { name, namespace: quoted(namespace(ctx)), labels: standardLabels(ctx) };
}

/**
 * Extra labels written with toYaml after the standard ones in the same YAML map: a repeated key takes
 * the later value; anything but a map there breaks the YAML.
 */
export function withExtraLabels(standard: unknown, extra: unknown): Record<string, unknown> {
  const base = standard as Record<string, unknown>;
  if (!isTrue(extra)) return base;
  if (!isMap(extra)) throw new ManifestYamlError(toYaml(extra), 'additional labels must be a map to join the labels');
  return assignKeys(assignKeys({}, base), yamlBlock(extra));
}
