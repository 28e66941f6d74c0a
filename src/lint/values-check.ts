// The checks on values that need no render: the chart's schema (all violations), keys the chart
// does not know, helm's coalesce warnings and the declared values rules. Shared by validate and lint.
import type { LoadedChart } from '../renderer/chart.js';
import { enabledSubcharts, schemaIssues } from '../renderer/render.js';
import { coalesceValues } from '../renderer/values/coalesce.js';
import { withSetStringHint } from '../schema/validate.js';
import type { LoadedValues } from '../renderer/values/load.js';
import type { ValueMap } from '../renderer/values/maps.js';
import type { LintIssue } from './issue.js';
import { keyModel, suggestKey, unknownKeys } from './key-model.js';
import { placeOf, placeOrParent } from './locate.js';
import { VALUES_RULES } from './rules/index.js';

export interface ValuesCheck {
  issues: LintIssue[];
  /** The coalesced values, when they could be built. */
  values?: ValueMap;
  /** The chart with only its enabled subcharts. */
  active?: LoadedChart;
}

export function checkValues(chart: LoadedChart, loaded: LoadedValues): ValuesCheck {
  const issues: LintIssue[] = [];
  const model = keyModel(chart);
  const coalesceWarnings: string[] = [];
  let values: ValueMap;
  let active: LoadedChart;
  try {
    // The probe pass only decides subchart conditions; a chart without subcharts needs none.
    active = chart.subcharts.length ? enabledSubcharts(chart, coalesceValues(chart, loaded.values)) : chart;
    values = coalesceValues(active, loaded.values, (m) => coalesceWarnings.push(m));
  } catch (e) {
    // coalesce refuses a subchart table that is not a map (`postgresql: true`).
    const sub = /type mismatch on ([\w-]+)/.exec((e as Error).message)?.[1];
    issues.push({
      rule: 'schema',
      severity: 'error',
      path: sub,
      message: sub ? `expected a map of values, got ${typeof loaded.values[sub]}` : (e as Error).message,
      ...(sub ? placeOf(loaded, [sub]) : {}),
    });
    return { issues };
  }

  const unknown = new Map(unknownKeys(model, loaded.values).map((u) => [u.segments.join('.'), u]));
  for (const i of schemaIssues(active, values)) {
    const isKey = i.keyword === 'additionalProperties';
    const place = isKey ? placeOf(loaded, i.segments, true) : placeOrParent(loaded, i.segments);
    if (isKey) unknown.delete(i.path);
    issues.push({
      rule: 'schema',
      severity: 'error',
      path: i.path,
      message: isKey ? "unknown key, not allowed by the chart's schema" : withSetStringHint(i, place?.flag),
      suggestion: isKey ? suggestKey(model, i.segments) : undefined,
      ...place,
    });
  }
  for (const u of unknown.values()) {
    issues.push({
      rule: 'unknown-key',
      severity: 'warning',
      path: u.segments.join('.'),
      message: 'unknown key',
      suggestion: u.suggestion,
      ...placeOf(loaded, u.segments, true),
    });
  }
  const schemaPaths = new Set(issues.map((i) => i.path));
  for (const m of coalesceWarnings) {
    // "skipped value for prefect-server.server.image: Not a table." — the path after the chart name.
    const path = /^skipped value for [^.]+\.([^:]+):/.exec(m)?.[1];
    if (path && schemaPaths.has(path)) continue;
    issues.push({
      rule: 'coalesce',
      severity: 'warning',
      path,
      message: `a map where the chart's default is not one (helm warns: ${m})`,
      ...(path ? placeOf(loaded, path.split('.')) : {}),
    });
  }
  for (const rule of VALUES_RULES) {
    if (rule.charts && !rule.charts.includes(chart.metadata.name)) continue;
    for (const f of rule.check(values, loaded.values, chart.metadata.name)) {
      issues.push({ rule: rule.id, severity: rule.severity, path: f.path, message: f.message, ...placeOf(loaded, f.path.split('.')) });
    }
  }
  return { issues, values, active };
}
