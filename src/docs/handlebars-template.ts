// README.md.hbs: a handlebars template over the chart data, with helm-docs' templates as partials
// (`{{> chart.valuesSection }}`). Text outside tags is copied as it is — no standalone-line trimming, no
// indentation of partials, no HTML escaping — so whitespace works as in a helm-docs README.md.gotmpl;
// `{{~ ... ~}}` trims like Go's `{{- ... -}}`. Unknown partials, helpers and fields are errors with file:line.
import Handlebars from 'handlebars';
import type { ChartDocData } from './chart-info.js';
import { DocsError } from './errors.js';
import { builtinCall, PARTIALS, ROW_PARTIALS, runBuiltin } from './partials.js';

type HbNode = { type: string; loc?: { start: { line: number; column: number } }; [k: string]: unknown };

const COMPILE_OPTIONS = { noEscape: true, ignoreStandalone: true, preventIndent: true, strict: true } as const;

type PartialFn = (context: unknown, options: { partials: Record<string, PartialFn | undefined> }) => string;

function environment(): typeof Handlebars {
  const hb = Handlebars.create();
  for (const name of [...Object.keys(PARTIALS), ...Object.keys(ROW_PARTIALS)]) {
    // The parts of a built-in go through the template's partials, so `{{#*inline "chart.valuesTable"}}` overrides
    // the table inside `{{> chart.valuesSection }}` too, as a define does in helm-docs.
    const fn: PartialFn = (context, options) =>
      runBuiltin(name, context, (part, dot) => {
        const p = options.partials[part];
        return p ? p(dot, options) : runBuiltin(part, dot, builtinCall);
      });
    hb.registerPartial(name, fn as unknown as Handlebars.Template);
  }
  return hb;
}

function partialName(node: HbNode): string | undefined {
  const name = node.name as { type: string; original?: string; value?: string } | undefined;
  if (!name) return undefined;
  if (name.type === 'PathExpression') return name.original;
  if (name.type === 'StringLiteral') return name.value;
  return undefined; // a dynamic partial name ({{> (expr) }}) is checked when it runs
}

/** Check what handlebars would only find while running: partials and helpers that do not exist. */
function checkNames(hb: typeof Handlebars, ast: HbNode, file: string): void {
  const inline = new Set<string>();
  const found: Array<{ kind: 'partial' | 'helper'; name: string; node: HbNode }> = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      n.forEach(visit);
      return;
    }
    const node = n as HbNode;
    if (node.type === 'DecoratorBlock' && (node.path as { original?: string }).original === 'inline') {
      const p = (node.params as Array<{ value?: unknown }>)[0];
      if (typeof p?.value === 'string') inline.add(p.value);
    }
    if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
      const name = partialName(node);
      if (name !== undefined && node.type === 'PartialStatement') found.push({ kind: 'partial', name, node });
    }
    if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
      const path = node.path as { type: string; original?: string; parts?: string[] };
      const hasArgs = (node.params as unknown[]).length > 0 || node.hash !== undefined;
      if (path.type === 'PathExpression' && (hasArgs || node.type === 'SubExpression') && path.original && !path.original.includes('.')) {
        found.push({ kind: 'helper', name: path.original, node });
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && v && typeof v === 'object') visit(v);
  };
  visit(ast);
  for (const f of found) {
    const known = f.kind === 'partial' ? Object.hasOwn(hb.partials, f.name) || inline.has(f.name) : Object.hasOwn(hb.helpers, f.name);
    if (known) continue;
    const at = f.node.loc?.start;
    const hint = f.kind === 'partial' ? ` (helm-docs names such as chart.valuesSection, or prefect-charts.footer)` : '';
    throw new DocsError('DOCS_TEMPLATE', `unknown ${f.kind} "${f.name}"${hint}`, file, at?.line, at ? at.column + 1 : undefined);
  }
}

/** Render a handlebars README template. `file` names it in errors. */
export function renderHandlebars(text: string, data: ChartDocData, file: string): string {
  const hb = environment();
  let ast: HbNode;
  try {
    ast = hb.parse(text) as unknown as HbNode;
  } catch (e) {
    const msg = (e as Error).message;
    const line = /on line (\d+)/.exec(msg)?.[1];
    const reason = msg.split('\n').filter((l) => !/^-*\^$/.test(l) && !/on line \d+/.test(l)).pop() ?? msg;
    throw new DocsError('DOCS_TEMPLATE', `template does not parse: ${reason.trim()}`, file, line ? Number(line) : undefined);
  }
  checkNames(hb, ast, file);
  try {
    return hb.compile(text, COMPILE_OPTIONS)(data);
  } catch (e) {
    const err = e as Error & { lineNumber?: number; column?: number };
    // Handlebars appends " - line:col" to strict-mode messages; we print the position ourselves.
    const reason = err.message.replace(/ - \d+:\d+$/, '');
    throw new DocsError('DOCS_TEMPLATE', reason, file, err.lineNumber, err.column === undefined ? undefined : err.column + 1);
  }
}
