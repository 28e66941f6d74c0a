// A read-only root file system keeps an intruder from changing the image's binaries and configuration.
import { containersOf } from '../k8s/pod.js';
import { isMap } from '../../renderer/values/maps.js';
import type { ManifestFinding, ManifestRule } from './rule.js';

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'writable-root-fs',
  severity: 'warning',
  reason: 'containers should mount their root file system read-only (readOnlyRootFilesystem: true)',
  check(doc) {
    return containersOf(doc).flatMap((ref): ManifestFinding[] => {
      const sc = isMap(ref.container.securityContext) ? ref.container.securityContext : {};
      if (sc.readOnlyRootFilesystem === true) return [];
      return [
        {
          field: `${ref.field}.securityContext.readOnlyRootFilesystem`,
          container: ref.name,
          message: `container "${ref.name}" has a writable root file system: set readOnlyRootFilesystem: true`,
          hints: [
            { key: 'readOnlyRootFilesystem', test: (v: unknown) => v !== true },
            { key: /^(container)?[sS]ecurityContext$/, test: (v: unknown) => v === null || (isMap(v) && !('readOnlyRootFilesystem' in v)) },
          ],
        },
      ];
    });
  },
};
