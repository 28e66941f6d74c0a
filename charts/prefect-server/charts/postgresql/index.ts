// bitnami/postgresql 12.12.10 (bitnami/charts d278c2b679), the database prefect-server bundles.
//
// Rendered: the standalone architecture (primary StatefulSet, services, Secret, ConfigMaps, RBAC,
// NetworkPolicies, exporter sidecar, ServiceMonitor, PrometheusRule, PSP, extraDeploy).
// Not rendered: read/* (architecture=replication), backup/* (backup.enabled) and tls-secrets.yaml
// (tls.*): NOTES refuses those settings, as it does ldap.enabled and volumePermissions.enabled.
//
// Common version: the chart ships bitnami common 2.12.0, but helm parses every chart's templates
// into one set of named templates, deepest paths first, so prefect-server's common 2.27.0 defines
// replace the subchart's: every `common.*` include here behaves as 2.27.0 (pull secrets given as
// `{name: ...}` maps, global.defaultStorageClass, ...), which real helm output confirms.
import type { ChartModule } from '../../../../src/renderer/chart.js';
import { chart as commonChart } from './charts/common/index.js';
import { named } from './templates/helpers.js';
import { template as extraList } from './templates/extra-list.js';
import { template as networkpolicyEgress } from './templates/networkpolicy-egress.js';
import { template as notes } from './templates/notes.js';
import { template as configmap } from './templates/primary/configmap.js';
import { template as extendedConfigmap } from './templates/primary/extended-configmap.js';
import { template as initializationConfigmap } from './templates/primary/initialization-configmap.js';
import { template as metricsConfigmap } from './templates/primary/metrics-configmap.js';
import { template as metricsSvc } from './templates/primary/metrics-svc.js';
import { template as networkpolicy } from './templates/primary/networkpolicy.js';
import { template as servicemonitor } from './templates/primary/servicemonitor.js';
import { template as statefulset } from './templates/primary/statefulset.js';
import { template as svcHeadless } from './templates/primary/svc-headless.js';
import { template as svc } from './templates/primary/svc.js';
import { template as prometheusrule } from './templates/prometheusrule.js';
import { template as psp } from './templates/psp.js';
import { template as role } from './templates/role.js';
import { template as rolebinding } from './templates/rolebinding.js';
import { template as secrets } from './templates/secrets.js';
import { template as serviceaccount } from './templates/serviceaccount.js';

export const chart: ChartModule = {
  commonVersion: '2.27.0',
  templates: [
    notes,
    extraList,
    networkpolicyEgress,
    configmap,
    extendedConfigmap,
    initializationConfigmap,
    metricsConfigmap,
    metricsSvc,
    networkpolicy,
    servicemonitor,
    statefulset,
    svcHeadless,
    svc,
    prometheusrule,
    psp,
    role,
    rolebinding,
    secrets,
    serviceaccount,
  ],
  namedTemplates: Object.fromEntries(Object.entries(named).map(([name, fn]) => [name, (ctx) => fn(ctx)])),
  // Its own common 2.12.0, for its values (`common.exampleValue` and the globals), as helm coalesces them.
  subcharts: [{ name: 'common', module: commonChart }],
};
