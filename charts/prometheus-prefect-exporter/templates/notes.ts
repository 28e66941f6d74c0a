// templates/NOTES.txt: prints nothing here, but helm evaluates it, so what would stop helm stops us.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import { field, goRange, goTypeName, isTrue, TemplateExecError } from '../../../src/renderer/helpers/index.js';

export const template: ChartTemplate = {
  path: 'templates/NOTES.txt',
  render(ctx) {
    const ingress = ctx.Values.ingress;
    if (!isTrue(field(ingress, 'enabled'))) {
      // `contains "NodePort" .Values.service.type`: sprig's contains takes strings only.
      const type = field(ctx.Values.service, 'type');
      if (typeof type !== 'string') {
        throw new TemplateExecError(`wrong type for value; expected string; got ${type === null || type === undefined ? 'interface {}' : goTypeName(type)}`);
      }
      return null;
    }
    // `range $host := .Values.ingress.hosts` then `range .paths` reading `.path`: each must be a map.
    for (const [, host] of goRange(field(ingress, 'hosts'), 'ingress.hosts')) {
      for (const [, p] of goRange(field(host, 'paths', 'ingress.hosts[]'), 'ingress.hosts[].paths')) field(p, 'path', 'ingress.hosts[].paths[]');
    }
    return null;
  },
};
