// One chart directory → its README.md text: find the template (README.md.hbs, else README.md.gotmpl), read the
// chart, render, then tidy the markdown as helm-docs does.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readChartInfo, type ChartInfoOptions } from './chart-info.js';
import { DocsError } from './errors.js';
import { renderGotmpl } from './gotmpl.js';
import { renderHandlebars } from './handlebars-template.js';

export const HBS_TEMPLATE = 'README.md.hbs';
export const GOTMPL_TEMPLATE = 'README.md.gotmpl';
export const README = 'README.md';

export interface GeneratedReadme {
  chartDir: string;
  /** The template the README came from. */
  templatePath: string;
  /** Where the README goes (chartDir/README.md). */
  readmePath: string;
  text: string;
}

/** The README template of a chart directory, or undefined when it has none. handlebars wins over gotmpl. */
export function findTemplate(chartDir: string): string | undefined {
  for (const name of [HBS_TEMPLATE, GOTMPL_TEMPLATE]) {
    const p = join(chartDir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** helm-docs applyMarkDownFormat: one space before a newline goes, runs of blank lines shrink to one. */
export function tidyMarkdown(text: string): string {
  return text.replaceAll(' \n', '\n').replace(/\n{3,}/g, '\n\n');
}

export function generateReadme(chartDir: string, options: ChartInfoOptions = {}): GeneratedReadme {
  const templatePath = findTemplate(chartDir);
  if (!templatePath) {
    throw new DocsError('DOCS_NO_TEMPLATE', `no ${HBS_TEMPLATE} or ${GOTMPL_TEMPLATE} to generate ${README} from`, chartDir);
  }
  const name = basename(templatePath);
  const data = readChartInfo(chartDir, name, options);
  const text = readFileSync(templatePath, 'utf8').replace(/\r\n/g, '\n');
  const rendered = name === HBS_TEMPLATE ? renderHandlebars(text, data, templatePath) : renderGotmpl(text, data, templatePath);
  return { chartDir, templatePath, readmePath: join(chartDir, README), text: tidyMarkdown(rendered) };
}
