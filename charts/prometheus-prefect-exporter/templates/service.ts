// templates/service.yaml: the metrics Service.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { dflt, field, matchLabels } from '../../../src/renderer/helpers/index.js';
import { inline, metadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/service.yaml',
  render(ctx) {
    const s = ctx.Values.service;
    return {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: metadata(ctx),
      spec: {
        type: inline(field(s, 'type'), 2),
        ports: [
          {
            port: inline(field(s, 'port'), 6),
            targetPort: inline(dflt(field(s, 'port'), field(s, 'targetPort')), 6),
            protocol: 'TCP',
            name: 'http',
          },
        ],
        selector: matchLabels(ctx),
      },
    };
  },
};
