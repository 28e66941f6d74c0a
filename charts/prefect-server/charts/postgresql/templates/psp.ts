// templates/psp.yaml: a PodSecurityPolicy, only where the API still exists (Kubernetes below 1.25).
import type { ChartTemplate } from '../../../../../src/renderer/chart.js';
import { fullname, isTrue, kubeVersion, versionBelow } from '../../../../../src/renderer/helpers/index.js';
import { at, metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/psp.yaml',
  render(ctx) {
    if (!versionBelow(kubeVersion(ctx), 1, 25) || !isTrue(at(ctx, 'psp', 'create'))) return null;
    const ids = { rule: 'MustRunAs', ranges: [{ min: 1, max: 65535 }] };
    return {
      apiVersion: 'policy/v1beta1',
      kind: 'PodSecurityPolicy',
      metadata: metadata(ctx, fullname(ctx)),
      spec: {
        privileged: false,
        volumes: ['configMap', 'secret', 'persistentVolumeClaim', 'emptyDir', 'projected'],
        hostNetwork: false,
        hostIPC: false,
        hostPID: false,
        runAsUser: { rule: 'RunAsAny' },
        seLinux: { rule: 'RunAsAny' },
        supplementalGroups: ids,
        fsGroup: structuredClone(ids),
        readOnlyRootFilesystem: false,
      },
    };
  },
};
