// templates/configmap.yaml: the base job template ConfigMap, when the template is given inline.
// The deployment's `checksum/config` hashes the text this template renders, so the text is built
// here byte for byte as helm renders it, and the ConfigMap object is read back from that text.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import {
  isTrue,
  namespace,
  quoteText,
  standardLabels,
  toJson,
  toYaml,
  tplText,
  val,
  yamlFromText,
} from '../../../src/renderer/helpers/index.js';
import { baseJobTemplateName } from './helpers.js';

/** sprig `nindent`: a newline, then every line (blank ones too) prefixed with n spaces. */
export function nindent(n: number, text: string): string {
  const pad = ' '.repeat(n);
  return '\n' + pad + text.replaceAll('\n', '\n' + pad);
}

/**
 * The exact text helm renders for templates/configmap.yaml. Without an inline template the whole
 * file is one `if` block trimmed on both inner sides, leaving only the file's final newline.
 */
export function configMapText(ctx: RenderContext): string {
  const configuration = val(ctx, 'worker.config.baseJobTemplate.configuration');
  if (!isTrue(configuration)) return '\n';
  // The dict form of common.labels.standard: commonLabels merged over the standard labels, then
  // toYaml, so the keys come out sorted.
  const labels = toYaml(standardLabels(ctx, val(ctx, 'commonLabels'), 'commonLabels'));
  let text =
    '\napiVersion: v1\nkind: ConfigMap\nmetadata:\n' +
    `  name: ${baseJobTemplateName(ctx)}\n` +
    `  namespace: ${quoteText(namespace(ctx))}\n` +
    `  labels:${nindent(4, labels)}\n` +
    '    app.kubernetes.io/component: worker';
  const annotations = val(ctx, 'commonAnnotations');
  if (isTrue(annotations)) text += `\n  annotations:${nindent(4, tplText(ctx, annotations, 'commonAnnotations'))}`;
  // Go's json.Marshal: `<`, `>`, `&` become \u003c, \u003e, \u0026.
  text += `\ndata:\n  baseJobTemplate.json: ${toJson(configuration)}\n`;
  return text;
}

export const template: ChartTemplate = {
  path: 'templates/configmap.yaml',
  render(ctx) {
    const text = configMapText(ctx);
    if (text.trim() === '') return null;
    return yamlFromText(text) as Record<string, unknown>;
  },
};
