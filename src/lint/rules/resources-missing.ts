// Without requests the scheduler packs pods blindly; without limits one pod can starve its node.
import { isMap } from '../../renderer/values/maps.js';
import { containersOf } from '../k8s/pod.js';
import type { ManifestFinding, ManifestRule } from './rule.js';

const lacks = (v: unknown, key: string): boolean => !isMap(v) || !isMap(v[key]) || Object.keys(v[key] as object).length === 0;

export const rule: ManifestRule = {
  kind: 'manifest',
  id: 'resources-missing',
  severity: 'warning',
  reason: 'containers without resource requests and limits are scheduled blindly and can starve their node',
  check(doc) {
    return containersOf(doc).flatMap((ref): ManifestFinding[] => {
      const res = ref.container.resources;
      const missing = ['requests', 'limits'].filter((k) => lacks(res, k));
      if (!missing.length) return [];
      return [
        {
          field: `${ref.field}.resources`,
          container: ref.name,
          message: `container "${ref.name}" has no resource ${missing.join(' or ')}`,
          hints: [
            { key: 'resources', test: (v: unknown) => missing.some((k) => lacks(v, k)) },
            { key: missing[0], parent: 'resources', test: (v: unknown) => !isMap(v) || Object.keys(v).length === 0 },
          ],
        },
      ];
    });
  },
};
