// Document order: helm/helm pkg/releaseutil/kind_sorter.go (InstallOrder) and manifest_sorter.go.
// Files in byte-wise path order, documents of a file in file order, then a stable sort by kind:
// known kinds in install order, unknown kinds after them, alphabetically.
import { checkManifestHeads } from './manifest-head.js';
import type { SourcedDoc } from './serialize.js';

export const INSTALL_ORDER: readonly string[] = [
  'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume',
  'PersistentVolumeClaim', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding',
  'ClusterRoleBindingList', 'Role', 'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod',
  'ReplicationController', 'ReplicaSet', 'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob',
  'IngressClass', 'Ingress', 'APIService',
];

const RANK = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

function kindOf(d: SourcedDoc): string {
  return typeof d.object.kind === 'string' ? d.object.kind : '';
}

/**
 * `docs` must be in template order within each file; returns a new, sorted array. Like helm's
 * SortManifests, first fails on documents whose apiVersion/kind/metadata it cannot read.
 */
export function sortManifests(docs: readonly SourcedDoc[], finite?: (doc: SourcedDoc) => boolean): SourcedDoc[] {
  checkManifestHeads(docs, finite);
  const byPath = docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.source < b.d.source ? -1 : a.d.source > b.d.source ? 1 : a.i - b.i))
    .map((x) => x.d);
  // Array.prototype.sort is stable, as Go's sort.SliceStable.
  return byPath.sort((a, b) => {
    const ka = kindOf(a);
    const kb = kindOf(b);
    const ra = RANK.get(ka);
    const rb = RANK.get(kb);
    if (ra === undefined && rb === undefined) return ka < kb ? -1 : ka > kb ? 1 : 0;
    if (ra === undefined) return 1;
    if (rb === undefined) return -1;
    return ra - rb;
  });
}
