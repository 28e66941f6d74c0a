// templates/role.yaml: what the agent may do in its namespace (read pods, manage Jobs), plus extra rules.
import type { ChartTemplate, Manifest } from '../../../src/renderer/chart.js';
import {
  assignKeys,
  fullname,
  isNil,
  ManifestYamlError,
  rbacApiVersion,
  toYaml,
} from '../../../src/renderer/helpers/index.js';
import { inline, objectMetadata, renderedBlockIf } from './helpers.js';

export const template: ChartTemplate = {
  path: 'templates/role.yaml',
  render(ctx) {
    const role: Manifest = {
      apiVersion: rbacApiVersion(ctx),
      kind: 'Role',
      metadata: objectMetadata(ctx, inline(fullname(ctx))),
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log', 'pods/status'], verbs: ['get', 'watch', 'list'] },
        { apiGroups: ['batch'], resources: ['jobs'], verbs: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'] },
      ],
    };
    // The extra rules are written at column 0, right after the rule items: a list continues `rules`,
    // while a mapping's keys land at the top level of the Role (later keys win).
    const extra = renderedBlockIf(ctx, 'role.extraPermissions');
    if (Array.isArray(extra)) (role.rules as unknown[]).push(...(extra as unknown[]));
    else if (extra !== null && typeof extra === 'object') assignKeys(role, extra);
    else if (!isNil(extra)) throw new ManifestYamlError(toYaml(extra), 'role.extraPermissions must render to a list of rules');
    return role;
  },
};
