// Where a workload keeps its pod: the containers manifest rules look at, with their field paths.
import type { Manifest } from '../../renderer/chart.js';
import { isMap, type ValueMap } from '../../renderer/values/maps.js';

export interface ContainerRef {
  container: ValueMap;
  /** The pod spec holding it (for pod-level securityContext). */
  pod: ValueMap;
  /** `spec.template.spec.containers[0]` */
  field: string;
  name: string;
  init: boolean;
}

/** Pod spec paths by kind (core workload kinds; a CronJob nests a Job's template). */
const POD_SPEC: Record<string, readonly string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function containersOf(doc: Manifest): ContainerRef[] {
  const path = POD_SPEC[String(doc.kind)];
  if (!path) return [];
  let pod: unknown = doc;
  for (const step of path) pod = isMap(pod) ? pod[step] : undefined;
  if (!isMap(pod)) return [];
  const out: ContainerRef[] = [];
  for (const [key, init] of [
    ['initContainers', true],
    ['containers', false],
  ] as const) {
    const list = pod[key];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (isMap(c)) out.push({ container: c, pod, field: `${path.join('.')}.${key}[${i}]`, name: String(c.name ?? i), init });
    });
  }
  return out;
}

/** The container's effective security settings: pod-level ones, overridden by its own. */
export function effectiveSecurity(ref: ContainerRef): ValueMap {
  const pod = isMap(ref.pod.securityContext) ? ref.pod.securityContext : {};
  const own = isMap(ref.container.securityContext) ? ref.container.securityContext : {};
  const out: ValueMap = {};
  for (const k of ['runAsUser', 'runAsNonRoot', 'runAsGroup']) if (k in pod) out[k] = pod[k];
  return { ...out, ...own };
}

export const isEmptyMap = (v: unknown): boolean => v === null || (isMap(v) && Object.keys(v).length === 0);
