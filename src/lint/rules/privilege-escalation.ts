// allowPrivilegeEscalation defaults to true: setuid binaries can then gain more than the container has.
import { containersOf } from '../k8s/pod.js';
import { isMap } from '../../renderer/values/maps.js';
import type { ManifestFinding, ManifestRule } from './rule.js';

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'privilege-escalation',
  severity: 'warning',
  reason: 'containers should set allowPrivilegeEscalation: false and never run privileged',
  check(doc) {
    return containersOf(doc).flatMap((ref): ManifestFinding[] => {
      const sc = isMap(ref.container.securityContext) ? ref.container.securityContext : {};
      if (sc.privileged === true) {
        return [
          {
            field: `${ref.field}.securityContext.privileged`,
            container: ref.name,
            message: `container "${ref.name}" runs privileged`,
            hints: [{ key: 'privileged', test: (v: unknown) => v === true }],
          },
        ];
      }
      if (sc.allowPrivilegeEscalation === false) return [];
      return [
        {
          field: `${ref.field}.securityContext.allowPrivilegeEscalation`,
          container: ref.name,
          message: `container "${ref.name}" allows privilege escalation: set allowPrivilegeEscalation: false`,
          hints: [
            { key: 'allowPrivilegeEscalation', test: (v: unknown) => v !== false },
            { key: /^(container)?[sS]ecurityContext$/, test: (v: unknown) => v === null || (isMap(v) && !('allowPrivilegeEscalation' in v)) },
          ],
        },
      ];
    });
  },
};
