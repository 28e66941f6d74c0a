// templates/role.yaml: what the worker may do in its namespace (read pods and events, manage Jobs),
// plus any extra rules.
import type { ChartTemplate } from '../../../src/renderer/chart.js';
import {
  fullname,
  isTrue,
  printed,
  tplValue,
  val,
} from '../../../src/renderer/helpers/index.js';
import { listBlock, RBAC_API_VERSION, workerMetadata } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/role.yaml',
  render(ctx) {
    if (!isTrue(val(ctx, 'role.create'))) return null;
    const metadata = workerMetadata(ctx, printed(fullname(ctx)), printed(ctx.Chart.AppVersion));
    const rules: unknown[] = [
      { apiGroups: [''], resources: ['events', 'pods', 'pods/log', 'pods/status'], verbs: ['get', 'watch', 'list'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
    ];
    const extra = val(ctx, 'role.extraPermissions');
    if (isTrue(extra)) rules.push(...listBlock(tplValue(ctx, extra, 'role.extraPermissions'), 'role.extraPermissions'));
    return { apiVersion: RBAC_API_VERSION, kind: 'Role', metadata, rules };
  },
};
