import { describe, expect, it } from 'vitest';
import { RULES, MANIFEST_RULES } from '../../../src/lint/rules/index.js';
import { ALL_RULES } from '../../../src/lint/catalog.js';
import { imageTag, isMutableTag } from '../../../src/lint/rules/image-tag-mutable.js';
import { checkApiVersion, kubeMinor } from '../../../src/lint/k8s/api-versions.js';
import { failurePath } from '../../../src/lint/chart-failures.js';
import type { Manifest } from '../../../src/renderer/chart.js';

function deployment(container: Record<string, unknown>, pod: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'app' },
    spec: { template: { spec: { ...pod, containers: [{ name: 'app', image: 'repo/app:1.2.3', ...container }] } } },
  };
}

const hardened = {
  resources: { requests: { cpu: '100m' }, limits: { memory: '1Gi' } },
  securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true },
  livenessProbe: { httpGet: { path: '/', port: 80 } },
};

function findings(doc: Manifest): string[] {
  return MANIFEST_RULES.flatMap((r) => r.check(doc).map((f) => `${r.id}: ${f.message}`));
}

describe('rule catalog', () => {
  it('every rule has a unique kebab-case id, a severity and a one-line reason', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(r.reason).not.toContain('\n');
      expect(r.reason.length).toBeGreaterThan(10);
    }
    expect(RULES.length).toBeGreaterThanOrEqual(10);
  });
});

describe('manifest rules', () => {
  it('a hardened container passes', () => {
    expect(findings(deployment(hardened))).toEqual([]);
  });

  it.each([
    ['no resources', { resources: undefined }, 'resources-missing: container "app" has no resource requests or limits'],
    ['requests only', { resources: { requests: { cpu: '1' } } }, 'resources-missing: container "app" has no resource limits'],
    ['root user', { securityContext: { ...hardened.securityContext, runAsUser: 0 } }, 'run-as-root: container "app" runs as root (runAsUser: 0)'],
    [
      'root possible',
      { securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true } },
      'run-as-root: container "app" may run as root: set runAsNonRoot: true or a non-zero runAsUser',
    ],
    [
      'privilege escalation by default',
      { securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true } },
      'privilege-escalation: container "app" allows privilege escalation: set allowPrivilegeEscalation: false',
    ],
    ['privileged', { securityContext: { ...hardened.securityContext, privileged: true } }, 'privilege-escalation: container "app" runs privileged'],
    [
      'writable root',
      { securityContext: { ...hardened.securityContext, readOnlyRootFilesystem: false } },
      'writable-root-fs: container "app" has a writable root file system: set readOnlyRootFilesystem: true',
    ],
    ['latest', { image: 'repo/app:latest' }, 'image-tag-mutable: container "app" uses the mutable image tag "latest" (repo/app:latest): pin a version'],
    ['3-latest', { image: 'prefecthq/prefect:3-latest' }, 'image-tag-mutable: container "app" uses the mutable image tag "3-latest" (prefecthq/prefect:3-latest): pin a version'],
    ['no tag', { image: 'registry:5000/app' }, 'image-tag-mutable: container "app" has no image tag (registry:5000/app), which pulls latest: pin a version'],
    ['no probes', { livenessProbe: undefined }, 'probes-disabled: container "app" has no liveness or readiness probe'],
  ])('%s', (_, override, expected) => {
    expect(findings(deployment({ ...hardened, ...override }))).toEqual([expected]);
  });

  it('pod-level runAsNonRoot counts for the container', () => {
    const sc = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true };
    expect(findings(deployment({ ...hardened, securityContext: sc }, { securityContext: { runAsNonRoot: true } }))).toEqual([]);
  });

  it('init containers are checked for security, not for probes', () => {
    const doc = deployment(hardened, { initContainers: [{ name: 'init', image: 'busybox:1.36', ...hardened, livenessProbe: undefined }] });
    expect(findings(doc)).toEqual([]);
  });

  it('objects without pods are not checked', () => {
    expect(findings({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } })).toEqual([]);
  });
});

describe('image tags', () => {
  it.each([
    ['prefecthq/prefect:3.1.0-python3.11', '3.1.0-python3.11', false],
    ['prefecthq/prefect:3-latest', '3-latest', true],
    ['prefecthq/prefect:latest-python3.12', 'latest-python3.12', true],
    ['localhost:5000/prefect', '', true],
    ['prefect', '', true],
  ])('%s', (image, tag, mutable) => {
    expect(imageTag(image)).toBe(tag);
    expect(isMutableTag(imageTag(image)!)).toBe(mutable);
  });

  it('a digest is immutable', () => {
    expect(imageTag('prefecthq/prefect@sha256:abc')).toBeUndefined();
  });
});

describe('apiVersions and --kube-version', () => {
  it.each([
    ['v1.25.0', 25],
    ['1.22', 22],
    ['1.29.3-gke.1', 29],
    ['2.0', undefined],
  ])('kubeMinor(%s)', (v, minor) => expect(kubeMinor(v)).toBe(minor));

  it.each([
    ['networking.k8s.io/v1beta1', 'Ingress', 22, 'api-removed: networking.k8s.io/v1beta1 Ingress is no longer served since Kubernetes 1.22 (target: 1.22); use networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', 21, 'api-deprecated: networking.k8s.io/v1beta1 Ingress is deprecated since Kubernetes 1.19, removed in 1.22; use networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', 18, undefined],
    ['extensions/v1beta1', 'Ingress', 22, 'api-removed: extensions/v1beta1 Ingress is no longer served since Kubernetes 1.22 (target: 1.22); use networking.k8s.io/v1'],
    ['policy/v1beta1', 'PodDisruptionBudget', 25, 'api-removed: policy/v1beta1 PodDisruptionBudget is no longer served since Kubernetes 1.25 (target: 1.25); use policy/v1'],
    ['policy/v1', 'PodDisruptionBudget', 20, 'api-unavailable: policy/v1 PodDisruptionBudget needs Kubernetes 1.21 or newer (target: 1.20)'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 22, 'api-unavailable: autoscaling/v2 HorizontalPodAutoscaler needs Kubernetes 1.23 or newer (target: 1.22)'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 23, undefined],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 26, 'api-removed: autoscaling/v2beta2 HorizontalPodAutoscaler is no longer served since Kubernetes 1.26 (target: 1.26); use autoscaling/v2'],
    ['apps/v1', 'Deployment', 25, undefined],
  ])('%s %s on 1.%i', (apiVersion, kind, minor, expected) => {
    const f = checkApiVersion(apiVersion, kind, minor);
    expect(f ? `${f.rule}: ${f.message}` : undefined).toBe(expected);
  });
});

describe('chart failures name their value', () => {
  const known = { worker: {}, global: {}, server: {}, secret: {}, postgresql: {} };
  it.each([
    ['prefect-worker', 'prefect-worker/templates/deployment.yaml', 'A Work Pool Name is required (worker.config.workPool)', 'required-value', 'worker.config.workPool'],
    ['prefect-server', 'prefect-server/templates/NOTES.txt', '`global.prefect.prefectApiHost` has been removed. Please use `server.uiConfig.prefectUiApiUrl` instead.', 'removed-setting', 'global.prefect.prefectApiHost'],
    ['prefect-server', 'prefect-server/templates/secret.yaml', '.Values.secret.host is required.', 'required-value', 'secret.host'],
    ['prefect-server', 'prefect-server/templates/NOTES.txt', 'When running background services separately, Prefect tag must be in format X.Y.Z', 'background-services-version', 'global.prefect.image.prefectTag'],
    ['prefect-server', 'prefect-server/charts/postgresql/templates/NOTES.txt', 'postgresql: ldap.url, ldap.server\n  You cannot set both', 'chart-fail', 'postgresql.ldap.url'],
    ['prefect-server', 'prefect-server/templates/x.yaml', 'something went wrong', 'chart-fail', undefined],
  ])('%s: %s', (chart, template, message, rule, path) => {
    expect(failurePath(chart, { code: 'CHART_FAIL', template, message }, known)).toMatchObject({ rule, path });
  });
});
