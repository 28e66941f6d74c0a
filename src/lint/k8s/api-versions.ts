// Which apiVersion of a kind each Kubernetes release serves: when it came, when it was deprecated,
// when it stopped being served, and what replaces it. From the Kubernetes deprecation guide
// (kubernetes.io/docs/reference/using-api/deprecation-guide); kubernetes-models validates shapes
// but does not say which release serves what.

export interface ApiLifecycle {
  apiVersion: string;
  /** Kinds this entry covers; all kinds of the apiVersion when absent. */
  kinds?: readonly string[];
  /** First minor release serving it (1.x). */
  introduced?: number;
  deprecated?: number;
  removed?: number;
  /** What to use instead. */
  replacement?: string;
}

export const API_LIFECYCLE: readonly ApiLifecycle[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'NetworkPolicy', 'PodSecurityPolicy'], deprecated: 9, removed: 16, replacement: 'apps/v1 (networking.k8s.io/v1 for NetworkPolicy)' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecated: 14, removed: 22, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'apps/v1beta1', deprecated: 9, removed: 16, replacement: 'apps/v1' },
  { apiVersion: 'apps/v1beta2', deprecated: 9, removed: 16, replacement: 'apps/v1' },
  { apiVersion: 'apps/v1', introduced: 9 },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], introduced: 14, deprecated: 19, removed: 22, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1', kinds: ['Ingress', 'IngressClass'], introduced: 19 },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: 21, removed: 25, replacement: 'policy/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: 21, removed: 25, replacement: 'Pod Security Admission' },
  { apiVersion: 'policy/v1', kinds: ['PodDisruptionBudget'], introduced: 21 },
  { apiVersion: 'autoscaling/v2beta1', deprecated: 22, removed: 25, replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2beta2', introduced: 12, deprecated: 23, removed: 26, replacement: 'autoscaling/v2' },
  { apiVersion: 'autoscaling/v2', introduced: 23 },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: 21, removed: 25, replacement: 'batch/v1' },
  { apiVersion: 'batch/v1', kinds: ['CronJob'], introduced: 21 },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', deprecated: 17, removed: 22, replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', introduced: 8 },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', deprecated: 16, removed: 22, replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', deprecated: 16, removed: 22, replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'certificates.k8s.io/v1beta1', deprecated: 19, removed: 22, replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', deprecated: 14, removed: 22, replacement: 'coordination.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', deprecated: 14, removed: 22, replacement: 'scheduling.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removed: 22, replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: 24, removed: 27, replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'discovery.k8s.io/v1beta1', deprecated: 21, removed: 25, replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', deprecated: 19, removed: 25, replacement: 'events.k8s.io/v1' },
  { apiVersion: 'node.k8s.io/v1beta1', deprecated: 20, removed: 25, replacement: 'node.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', deprecated: 23, removed: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', deprecated: 26, removed: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', deprecated: 29, removed: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

export interface ApiFinding {
  rule: 'api-removed' | 'api-deprecated' | 'api-unavailable';
  message: string;
}

/** `v1.25.0`, `1.22`, `1.29.3-gke.1` → 25, 22, 29 (Kubernetes 1.x minor). */
export function kubeMinor(version: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : undefined;
}

/** What `--kube-version` says about one object's apiVersion and kind. */
export function checkApiVersion(apiVersion: string, kind: string, minor: number): ApiFinding | undefined {
  const entry = API_LIFECYCLE.find((e) => e.apiVersion === apiVersion && (!e.kinds || e.kinds.includes(kind)));
  if (!entry) return undefined;
  const instead = entry.replacement ? `; use ${entry.replacement}` : '';
  const what = `${apiVersion} ${kind}`;
  if (entry.removed !== undefined && minor >= entry.removed) {
    return { rule: 'api-removed', message: `${what} is no longer served since Kubernetes 1.${entry.removed} (target: 1.${minor})${instead}` };
  }
  if (entry.introduced !== undefined && minor < entry.introduced) {
    return { rule: 'api-unavailable', message: `${what} needs Kubernetes 1.${entry.introduced} or newer (target: 1.${minor})` };
  }
  if (entry.deprecated !== undefined && minor >= entry.deprecated) {
    const until = entry.removed !== undefined ? `, removed in 1.${entry.removed}` : '';
    return { rule: 'api-deprecated', message: `${what} is deprecated since Kubernetes 1.${entry.deprecated}${until}${instead}` };
  }
  return undefined;
}
