// bitnami common `_warnings.tpl`: notices a chart's NOTES.txt prints. `helm template` does not show
// NOTES, so these only matter to callers that surface notes; they never change the manifests.
import type { RenderContext } from '../context.js';
import { field, strval } from './go.js';

/**
 * common.warnings.rollingTag: a notice (in our words) when a bitnami image uses a tag without a
 * `-rN` revision or a `sha256:` digest, else "".
 */
export function rollingTagWarning(_ctx: RenderContext, imageRoot: unknown): string {
  const repository = strval(field(imageRoot, 'repository', 'image') ?? '');
  const rawTag = field(imageRoot, 'tag', 'image');
  // `.tag | toString`: a missing tag reads as `<nil>`, which is not a pinned tag either.
  const tag = rawTag === undefined || rawTag === null ? '<nil>' : strval(rawTag);
  if (!repository.includes('bitnami/') || /-r\d+$|sha256:/.test(tag)) return '';
  return `WARNING: ${repository}:${tag} is a rolling tag; pin an immutable tag (ending in -rN) or a digest in production.`;
}
