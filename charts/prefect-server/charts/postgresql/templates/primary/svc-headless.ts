// templates/primary/svc-headless.yaml: the headless Service that gives the StatefulSet pod its DNS name.
import type { ChartTemplate } from '../../../../../../src/renderer/chart.js';
import { ManifestYamlError, printed } from '../../../../../../src/renderer/helpers/index.js';
import { at, labels, mergedAnnotations, primaryHeadlessName, primarySelector, servicePort } from '../helpers.js';

export const template: ChartTemplate = {
  path: 'templates/primary/svc-headless.yaml',
  render(ctx) {
    const annotations = mergedAnnotations(ctx, at(ctx, 'primary', 'service', 'headless', 'annotations'), 'primary.service.headless.annotations');
    // Merged to nothing (a nil value is dropped), the annotations print as `{}`, and the annotation the
    // template writes after them cannot follow a flow mapping: helm cannot read the Service.
    if (annotations !== undefined && annotations !== null && Object.keys(annotations).length === 0) {
      throw new ManifestYamlError('{}', 'the headless Service annotations render as {} where more annotations follow');
    }
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: printed(primaryHeadlessName(ctx)),
        namespace: ctx.Release.Namespace,
        labels: labels(ctx, ctx.Values.commonLabels, 'primary'),
        // The chart always adds the tolerate-unready-endpoints annotation, after (over) the others.
        annotations: { ...(annotations ?? {}), 'service.alpha.kubernetes.io/tolerate-unready-endpoints': 'true' },
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: 'None',
        publishNotReadyAddresses: true,
        ports: [{ name: 'tcp-postgresql', port: printed(servicePort(ctx)), targetPort: 'tcp-postgresql' }],
        selector: primarySelector(ctx),
      },
    };
  },
};
