// `latest` and `N-latest` move under you: two pods of one Deployment can run different code, and a
// rollback restores nothing. Pin a version (or a digest).
import { containersOf } from '../k8s/pod.js';
import type { ManifestFinding, ManifestRule } from './rule.js';

/** The tag of an image reference, `''` when it has none; undefined for a digest (immutable). */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : '';
}

export function isMutableTag(tag: string): boolean {
  return tag === '' || tag === 'latest' || tag.endsWith('-latest') || tag.startsWith('latest-');
}

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'image-tag-mutable',
  severity: 'warning',
  reason: 'a `latest`-style image tag changes under a running release: pin a version or a digest',
  check(doc) {
    return containersOf(doc).flatMap((ref): ManifestFinding[] => {
      const image = typeof ref.container.image === 'string' ? ref.container.image : '';
      const tag = imageTag(image);
      if (tag === undefined || !isMutableTag(tag)) return [];
      return [
        {
          field: `${ref.field}.image`,
          container: ref.name,
          message: tag
            ? `container "${ref.name}" uses the mutable image tag "${tag}" (${image}): pin a version`
            : `container "${ref.name}" has no image tag (${image}), which pulls latest: pin a version`,
          hints: [{ key: /[tT]ag$/, test: (v: unknown) => v === tag && tag !== '' }, { key: 'image', test: (v: unknown) => v === image }],
        },
      ];
    });
  },
};
