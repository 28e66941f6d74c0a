// templates/role.yaml: what the worker may do in its namespace (read pods and events, manage Jobs),
// plus any extra rules.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  deepFreeze,
  fullname,
  isTrue,
  printed,
  val,
} from '../../../src/renderer/helpers/index.js';
import { inlineText, listBlock, RBAC_API_VERSION, tplBlock, workerMetadata, yamlErrorsLast } from './helpers.js';

/**
 * The chart's own rules: the same data every render, frozen once, so the emitter prints their text
 * once and reuses it (the list itself stays fresh: extra rules are appended to it).
 */
const BASE_RULES: readonly unknown[] = [
  { apiGroups: [''], resources: ['events', 'pods', 'pods/log', 'pods/status'], verbs: ['get', 'watch', 'list'] },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
];
for (const rule of BASE_RULES) deepFreeze(rule);

export const template: ChartTemplate = {
  path: 'templates/role.yaml',
  render: yamlErrorsLast((ctx) => {
    if (!isTrue(val(ctx, 'role.create'))) return null;
    const metadata = workerMetadata(ctx, inlineText(fullname(ctx), 2), printed(ctx.Chart.AppVersion));
    const rules: unknown[] = [...BASE_RULES];
    const extra = val(ctx, 'role.extraPermissions');
    if (isTrue(extra)) rules.push(...listBlock(tplBlock(ctx, extra, 'role.extraPermissions'), 'role.extraPermissions'));
    return { apiVersion: RBAC_API_VERSION, kind: 'Role', metadata, rules };
  }),
};
