// bitnami common `_warnings.tpl`: notices a chart's NOTES.txt prints. `helm template` does not show
// NOTES, so these only matter to callers that surface notes; they never change the manifests.
import type { RenderContext } from '../context.js';
import { TemplateExecError } from '../errors.js';
import { field, goTypeName, isNil, strval } from './go.js';

/**
 * common.warnings.rollingTag: a notice (in our words) when a bitnami image uses a tag without a
 * `-rN` revision or a `sha256:` digest, else "".
 */
export function rollingTagWarning(_ctx: RenderContext, imageRoot: unknown): string {
  const repo = field(imageRoot, 'repository', 'image');
  // `contains "bitnami/" .repository`: sprig's contains takes a string, so anything else stops the render.
  if (typeof repo !== 'string') {
    throw new TemplateExecError(
      `error calling contains: ${isNil(repo) ? 'invalid value; expected string' : `wrong type for value; expected string; got ${goTypeName(repo)}`}`,
    );
  }
  const repository = repo;
  const rawTag = field(imageRoot, 'tag', 'image');
  // `.tag | toString`: a missing tag reads as `<nil>`, which is not a pinned tag either.
  const tag = rawTag === undefined || rawTag === null ? '<nil>' : strval(rawTag);
  if (!repository.includes('bitnami/') || /-r\d+$|sha256:/.test(tag)) return '';
  return `WARNING: ${repository}:${tag} is a rolling tag; pin an immutable tag (ending in -rN) or a digest in production.`;
}
