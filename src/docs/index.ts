// The docs generator: helm-docs compatible READMEs from README.md.hbs (or README.md.gotmpl), Chart.yaml and values.yaml.
export { generateReadme, findTemplate, tidyMarkdown, HBS_TEMPLATE, GOTMPL_TEMPLATE, README, type GeneratedReadme } from './generate.js';
export { readChartInfo, type ChartDocData, type ChartInfoOptions, type Maintainer, type Dependency } from './chart-info.js';
export { DocsError, type DocsErrorCode } from './errors.js';
export { PARTIALS, FOOTER_MARK } from './partials.js';
export type { ValueRow, Sections, Section, SortOrder } from './value-rows.js';
