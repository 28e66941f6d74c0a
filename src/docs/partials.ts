// The README building blocks helm-docs v1.14.2 offers as templates (pkg/document/template.go), written as
// functions of the chart data so both engines share them: handlebars partials (`{{> chart.valuesSection }}`)
// and, for README.md.gotmpl, `{{ template "chart.valuesSection" . }}`. Their output is byte-for-byte helm-docs'.
import type { ChartDocData } from './chart-info.js';
import { goJsonMarshal } from '../renderer/gotemplate/go-json.js';
import type { ValueRow } from './value-rows.js';

/** Renders a template by name: a user's own definition when the README template has one, else ours. */
export type Call = (name: string, dot: unknown) => string;
export type Partial = (data: ChartDocData, call: Call) => string;

/** helm-docs' default badge style (--badge-style). */
const BADGE_STYLE = 'flat-square';
const FOOTER_RULE = '----------------------------------------------';

/** The line that opens our footer: everything above it is what helm-docs would write. */
export const FOOTER_MARK = `\n${FOOTER_RULE}\n`;

const row = (r: ValueRow): string => `\n| ${r.Key} | ${r.Type} | ${r.Default || r.AutoDefault} | ${r.Description || r.AutoDescription} |`;
const TABLE_HEAD = '| Key | Type | Default | Description |\n|-----|------|---------|-------------|';
const HTML_HEAD = '<table>\n\t<thead>\n\t\t<th>Key</th>\n\t\t<th>Type</th>\n\t\t<th>Default</th>\n\t\t<th>Description</th>\n\t</thead>\n\t<tbody>';

/** sprig fromJson: the JSON value, or nil when it does not parse. */
function fromJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** sprig toPrettyJson: json.MarshalIndent with two spaces (HTML-escaped, as encoding/json does by default). */
function toPrettyJson(v: unknown, indent = ''): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => `${indent}  ${toPrettyJson(x, indent + '  ')}`).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (keys.length === 0) return '{}';
    const obj = v as Record<string, unknown>;
    return `{\n${keys.map((k) => `${indent}  ${goJsonMarshal(k)}: ${toPrettyJson(obj[k], indent + '  ')}`).join(',\n')}\n${indent}}`;
  }
  return goJsonMarshal(v);
}

/** chart.valueDefaultColumnRender: a row's default in a <pre>, JSON pretty-printed, `tpl` notation as a YAML block. */
export function valueDefaultColumnRender(r: ValueRow): string {
  // sprig's `default .Default .AutoDefault` prefers AutoDefault when it is set.
  let value = r.AutoDefault || r.Default;
  let notation = r.NotationType;
  if (value.startsWith('`') && value.endsWith('`')) {
    value = toPrettyJson(fromJson(value.replace(/^`+|`+$/g, '')));
    notation = 'json';
  }
  const body = notation === 'tpl' ? `\n${r.Key}: |\n${value.split('\n').map((l) => '  ' + l).join('\n')}` : `\n${value}`;
  return `<pre lang="${notation}">${body}\n</pre>\n`;
}

function htmlRows(rows: readonly ValueRow[], tabs: string, call: Call): string {
  return rows
    .map(
      (r) =>
        `\n${tabs}<tr>\n${tabs}\t<td>${r.Key}</td>\n${tabs}\t<td>${r.Type}</td>\n${tabs}\t<td>${call('chart.valueDefaultColumnRender', r)}</td>\n` +
        `${tabs}\t<td>${r.Description || r.AutoDescription}</td>\n${tabs}</tr>`,
    )
    .join('');
}

const valuesTableHtml: Partial = (d, call) => {
  const { Sections: s } = d;
  if (s.Sections.length === 0) return `\n\n${HTML_HEAD}${htmlRows(d.Values, '\t\t', call)}\n\t</tbody>\n</table>\n\n`;
  const named = s.Sections.map((x) => `\n<h3>${x.SectionName}</h3>\n${HTML_HEAD}${htmlRows(x.SectionItems, '\t\t', call)}\n\t</tbody>\n</table>`).join('');
  const other = s.DefaultSection.SectionItems.length
    ? `\n<h3>${s.DefaultSection.SectionName}</h3>\n${HTML_HEAD}${htmlRows(s.DefaultSection.SectionItems, '\t', call)}\n\t</tbody>\n</table>\n`
    : '';
  return `\n${named}\n${other}\n\n`;
};

function valuesTable(d: ChartDocData): string {
  const { Sections: s } = d;
  if (s.Sections.length === 0) return TABLE_HEAD + d.Values.map(row).join('');
  const named = s.Sections.map((x) => `\n\n### ${x.SectionName}\n\n${TABLE_HEAD}${x.SectionItems.map(row).join('')}`).join('');
  const other = s.DefaultSection.SectionItems.length
    ? `\n\n### ${s.DefaultSection.SectionName}\n\n${TABLE_HEAD}${s.DefaultSection.SectionItems.map(row).join('')}`
    : '';
  return named + other;
}

const versionBadge: Partial = (d) =>
  `![Version: ${d.Version}](https://img.shields.io/badge/Version-${d.Version.replaceAll('-', '--')}-informational?style=${BADGE_STYLE}) `;
const typeBadge: Partial = (d) => (d.Type ? `![Type: ${d.Type}](https://img.shields.io/badge/Type-${d.Type}-informational?style=${BADGE_STYLE}) ` : '');
const appVersionBadge: Partial = (d) =>
  d.AppVersion
    ? `![AppVersion: ${d.AppVersion}](https://img.shields.io/badge/AppVersion-${d.AppVersion.replaceAll('-', '--')}-informational?style=${BADGE_STYLE}) `
    : '';
const maintainersTable: Partial = (d) =>
  '| Name | Email | Url |\n| ---- | ------ | --- |' +
  d.Maintainers.map((m) => `\n| ${m.Name} | ${m.Email ? `<${m.Email}>` : ''} | ${m.Url ? `<${m.Url}>` : ''} |`).join('');
const sourcesList: Partial = (d) => d.Sources.map((s) => `\n* <${s}>`).join('');
const kubeVersionLine: Partial = (d) => (d.KubeVersion ? `Kubernetes: \`${d.KubeVersion}\`` : '');
const requirementsTable: Partial = (d) =>
  '| Repository | Name | Version |\n|------------|------|---------|' +
  d.Dependencies.map((x) => (x.Alias ? `\n| ${x.Repository} | ${x.Alias}(${x.Name}) | ${x.Version} |` : `\n| ${x.Repository} | ${x.Name} | ${x.Version} |`)).join('');

/** Our footer, in place of helm-docs' version footer: it names the tool and the template the README comes from. */
const footer: Partial = (d) => `\n${FOOTER_RULE}\nAutogenerated from chart metadata by \`prefect-charts docs\` from ${d.TemplateFile}`;

/** Every partial by name: helm-docs' names, plus `prefect-charts.footer`. */
export const PARTIALS: Readonly<Record<string, Partial>> = {
  'chart.name': (d) => d.Name,
  'chart.header': (d) => `# ${d.Name}\n`,
  'chart.deprecationWarning': (d) => (d.Deprecated ? '> **:exclamation: This Helm Chart is deprecated!**' : ''),
  'chart.description': (d) => d.Description,
  'chart.version': (d) => d.Version,
  'chart.versionBadge': versionBadge,
  'chart.type': (d) => d.Type,
  'chart.typeBadge': typeBadge,
  'chart.appVersion': (d) => d.AppVersion,
  'chart.appVersionBadge': appVersionBadge,
  'chart.badgesSection': (d, call) => call('chart.versionBadge', d) + call('chart.typeBadge', d) + call('chart.appVersionBadge', d),
  'chart.homepage': (d) => d.Home,
  'chart.homepageLine': (d) => (d.Home ? `**Homepage:** <${d.Home}>` : ''),
  'chart.maintainersHeader': () => '## Maintainers',
  'chart.maintainersTable': maintainersTable,
  'chart.maintainersSection': (d, call) =>
    d.Maintainers.length ? `${call('chart.maintainersHeader', d)}\n\n${call('chart.maintainersTable', d)}` : '',
  'chart.sourcesHeader': () => '## Source Code',
  'chart.sourcesList': sourcesList,
  'chart.sourcesSection': (d, call) => (d.Sources.length ? `${call('chart.sourcesHeader', d)}\n${call('chart.sourcesList', d)}` : ''),
  'chart.kubeVersion': (d) => d.KubeVersion,
  'chart.kubeVersionLine': kubeVersionLine,
  'chart.requirementsHeader': () => '## Requirements',
  'chart.requirementsTable': requirementsTable,
  'chart.requirementsSection': (d, call) =>
    d.Dependencies.length || d.KubeVersion
      ? `${call('chart.requirementsHeader', d)}\n\n${d.KubeVersion ? call('chart.kubeVersionLine', d) + '\n\n' : ''}` +
        (d.Dependencies.length ? call('chart.requirementsTable', d) : '')
      : '',
  'chart.valuesHeader': () => '## Values',
  'chart.valuesTable': valuesTable,
  'chart.valuesSection': (d, call) => (d.Values.length ? `${call('chart.valuesHeader', d)}\n\n${call('chart.valuesTable', d)}` : ''),
  'chart.valuesTableHtml': valuesTableHtml,
  'chart.valuesSectionHtml': (d, call) => `\n\n${call('chart.valuesHeader', d)}\n${call('chart.valuesTableHtml', d)}\n\n`,
  'helm-docs.version': () => '',
  'helm-docs.versionFooter': footer,
  'prefect-charts.footer': footer,
};

/** chart.valueDefaultColumnRender takes a row, not the chart: callable from a template with a row as dot. */
export const ROW_PARTIALS: Readonly<Record<string, (row: ValueRow) => string>> = {
  'chart.valueDefaultColumnRender': valueDefaultColumnRender,
};

/** Whether `name` is one of the built-in templates. */
export const isBuiltin = (name: string): boolean => Object.hasOwn(PARTIALS, name) || Object.hasOwn(ROW_PARTIALS, name);

/** Run a built-in by name; its parts are looked up through `call` (so a user's definitions take part). */
export function runBuiltin(name: string, dot: unknown, call: Call): string {
  if (Object.hasOwn(PARTIALS, name)) return PARTIALS[name](dot as ChartDocData, call);
  return ROW_PARTIALS[name](dot as ValueRow);
}

/** Built-ins only. */
export const builtinCall: Call = (name, dot) => runBuiltin(name, dot, builtinCall);
