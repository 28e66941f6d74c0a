// For CI test reports: one test case per values file (and one per template with findings of its
// own); errors are failures, warnings go to system-out.
import { issueLine, type LintIssue } from '../issue.js';
import type { Formatter } from './format.js';

const xml = (s: string): string =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export const formatter: Formatter = {
  name: 'junit',
  format(r) {
    const cases = new Map<string, LintIssue[]>();
    for (const f of r.files) cases.set(f, []);
    for (const i of r.issues) {
      const key = i.file ?? i.manifest?.template ?? r.chart;
      cases.set(key, [...(cases.get(key) ?? []), i]);
    }
    if (cases.size === 0) cases.set(r.chart, []);
    let failures = 0;
    const body: string[] = [];
    for (const [name, list] of cases) {
      const errors = list.filter((i) => i.severity === 'error');
      const warnings = list.filter((i) => i.severity === 'warning');
      body.push(`    <testcase classname="${xml(`${r.command}.${r.chart}`)}" name="${xml(name)}">`);
      if (errors.length) {
        failures++;
        const first = errors[0];
        body.push(
          `      <failure message="${xml(`${errors.length} error${errors.length === 1 ? '' : 's'}: ${first.rule}`)}" type="${xml(first.rule)}">${xml(errors.map((i) => `${issueLine(i)} [${i.rule}]`).join('\n'))}</failure>`,
        );
      }
      if (warnings.length) body.push(`      <system-out>${xml(warnings.map((i) => `warning: ${issueLine(i)} [${i.rule}]`).join('\n'))}</system-out>`);
      body.push('    </testcase>');
    }
    const suite = `prefect-charts ${r.command} ${r.chart}`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites name="${xml(suite)}" tests="${cases.size}" failures="${failures}" errors="0">`,
      `  <testsuite name="${xml(suite)}" tests="${cases.size}" failures="${failures}" errors="0" skipped="0">`,
      ...body,
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n');
  },
};
