// templates/NOTES.txt: its text is not part of the output, but evaluating it runs the chart's
// validations and the lookups its messages make, which stop the render as helm's would.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { isTrue } from '../../../src/renderer/helpers/index.js';
import { needString, uiUrl, val } from './helpers.js';
import { validatePrefectServerApiSettings, validatePrefectVersion } from './validation.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render(ctx) {
    validatePrefectVersion(ctx);
    validatePrefectServerApiSettings(ctx);
    if (isTrue(val(ctx, 'ingress.enabled'))) {
      val(ctx, 'ingress.host.hostname');
      return null;
    }
    // `contains "NodePort" .Values.service.type` and the branches after it need a string type.
    const type = () => needString(val(ctx, 'service.type'), 'contains', 'service.type');
    if (type().includes('NodePort') || type().includes('LoadBalancer')) return null;
    if (type().includes('ClusterIP')) uiUrl(ctx);
    return null;
  },
};
