// templates/service.yaml: the metrics Service.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { dflt, field, matchLabels, printed } from '../../../src/renderer/helpers/index.js';
import { metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/service.yaml',
  render(ctx) {
    const s = ctx.Values.service;
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(ctx),
      spec: {
        type: printed(field(s, 'type')),
        ports: [
          {
            port: printed(field(s, 'port')),
            targetPort: printed(dflt(field(s, 'port'), field(s, 'targetPort'))),
            protocol: 'TCP',
            name: 'http',
          },
        ],
        selector: matchLabels(ctx),
      },
    };
  },
};
