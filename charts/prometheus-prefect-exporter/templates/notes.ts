// templates/NOTES.txt: prints nothing here, but helm evaluates it, so what would stop helm stops us.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, goRange, isTrue } from '../../../src/renderer/helpers/index.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render(ctx) {
    const ingress = ctx.Values.ingress;
    if (!isTrue(field(ingress, 'enabled'))) return null;
    // `range $host := .Values.ingress.hosts` then `range .paths` reading `.path`: each must be a map.
    for (const [, host] of goRange(field(ingress, 'hosts'), 'ingress.hosts')) {
      for (const [, p] of goRange(field(host, 'paths', 'ingress.hosts[]'), 'ingress.hosts[].paths')) field(p, 'path', 'ingress.hosts[].paths[]');
    }
    return null;
  },
};
