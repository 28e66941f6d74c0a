// Without a liveness or readiness probe a hung process keeps receiving traffic and is never restarted.
import { containersOf } from '../k8s/pod.js';
import type { ManifestRule } from './rule.js';

const off = (v: unknown): boolean => v === false;

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'probes-disabled',
  severity: 'warning',
  reason: 'long-running containers should have a liveness or readiness probe',
  check(doc) {
    if (doc.kind === 'Job' || doc.kind === 'CronJob' || doc.kind === 'Pod') return [];
    return containersOf(doc)
      .filter((ref) => !ref.init && ref.container.livenessProbe === undefined && ref.container.readinessProbe === undefined)
      .map((ref) => ({
        field: ref.field,
        container: ref.name,
        message: `container "${ref.name}" has no liveness or readiness probe`,
        hints: [
          { key: 'enabled', parent: 'livenessProbe', test: off },
          { key: 'enabled', parent: 'readinessProbe', test: off },
          { key: 'livenessProbe', test: off },
          { key: 'readinessProbe', test: off },
        ],
      }));
  },
};
