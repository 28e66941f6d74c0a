// A chart's `fail`/`required` messages, mapped back to the value they are about: by a declared
// chart-fail rule, else by the path the message names — `(worker.config.workPool)`,
// `` `global.prefect.prefectApiHost` ``, `.Values.secret.host` or a leading `postgresql.tls.enabled`.
import type { TemplateIssue } from '../renderer/errors.js';
import type { LoadedValues } from '../renderer/values/load.js';
import { isMap, type ValueMap } from '../renderer/values/maps.js';
import type { LintIssue } from './issue.js';
import { placeOrParent } from './locate.js';
import { CHART_FAIL_RULES } from './rules/index.js';

const NAMED_PATH = [
  /\(([A-Za-z][\w-]*(?:\.[\w-]+)+)\)/,
  /`([A-Za-z][\w-]*(?:\.[\w-]+)+)`/,
  /\.Values\.([A-Za-z][\w-]*(?:\.[\w-]+)*)/,
  /^\s*([A-Za-z][\w-]*(?:\.[\w-]+)+)\b/,
  // bitnami's VALUES VALIDATION: "postgresql: ldap.url, ldap.server"
  /^\s*[\w-]+:\s+([A-Za-z][\w-]*(?:\.[\w-]+)+)/m,
];

/** Subchart templates name paths inside their own table: `prefect-server/charts/postgresql/…` → `postgresql.` */
function subchartPrefix(template: string): string {
  const parts = template.split('/');
  const segs: string[] = [];
  for (let i = 1; i + 1 < parts.length; i++) if (parts[i] === 'charts') segs.push(parts[i + 1]);
  return segs.map((s) => `${s}.`).join('');
}

function firstGroup(m: RegExpExecArray): string | undefined {
  return m.slice(1).find((g) => g !== undefined);
}

/** The value a failure message is about, and the rule that says so. */
export function failurePath(chart: string, issue: TemplateIssue, known: ValueMap): { rule: string; severity: LintIssue['severity']; path?: string } {
  const message = issue.message.trim();
  for (const r of CHART_FAIL_RULES) {
    if (!r.charts.includes(chart)) continue;
    const m = r.match.exec(message);
    if (m) return { rule: r.id, severity: r.severity, path: r.path.replace('$1', firstGroup(m) ?? '') };
  }
  const prefix = subchartPrefix(issue.template);
  for (const re of NAMED_PATH) {
    const p = re.exec(message)?.[1];
    if (!p) continue;
    const full = p.startsWith(prefix) ? p : prefix + p;
    // Only a path whose first key the chart has: "e.g." or a URL is not a value.
    if (isMap(known) && Object.hasOwn(known, full.split('.')[0])) return { rule: 'chart-fail', severity: 'error', path: full };
  }
  return { rule: 'chart-fail', severity: 'error', path: undefined };
}

/** Every chart failure as a finding at the value it names (or the map it belongs in). */
export function chartFailureIssues(chart: string, failures: readonly TemplateIssue[], loaded: LoadedValues, values: ValueMap): LintIssue[] {
  const out: LintIssue[] = [];
  const seen = new Set<string>();
  for (const f of failures) {
    const message = f.message.trim().replace(/\s*\n\s*/g, ' ');
    if (seen.has(message)) continue;
    seen.add(message);
    const { rule, severity, path } = failurePath(chart, f, values);
    const place = path ? placeOrParent(loaded, path.split('.')) : undefined;
    out.push({ rule, severity, path, message, ...place, ...(place ? {} : { manifest: { template: f.template } }) });
  }
  return out;
}
