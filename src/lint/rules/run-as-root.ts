// A process running as uid 0 owns the container's file system and is one escape away from the node.
import { containersOf, effectiveSecurity, isEmptyMap } from '../k8s/pod.js';
import type { ManifestFinding, ManifestRule } from './rule.js';

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'run-as-root',
  severity: 'warning',
  reason: 'containers should run as a non-root user (runAsNonRoot: true or a non-zero runAsUser)',
  check(doc) {
    return containersOf(doc).flatMap((ref): ManifestFinding[] => {
      const sc = effectiveSecurity(ref);
      if (sc.runAsUser === 0) {
        return [
          {
            field: `${ref.field}.securityContext.runAsUser`,
            container: ref.name,
            message: `container "${ref.name}" runs as root (runAsUser: 0)`,
            hints: [{ key: 'runAsUser', test: (v: unknown) => v === 0 }],
          },
        ];
      }
      if (sc.runAsNonRoot === true || (typeof sc.runAsUser === 'number' && sc.runAsUser > 0)) return [];
      return [
        {
          field: `${ref.field}.securityContext`,
          container: ref.name,
          message: `container "${ref.name}" may run as root: set runAsNonRoot: true or a non-zero runAsUser`,
          hints: [
            { key: 'runAsNonRoot', test: (v: unknown) => v === false },
            { key: /^(container|pod)?[sS]ecurityContext$/, test: isEmptyMap },
          ],
        },
      ];
    });
  },
};
