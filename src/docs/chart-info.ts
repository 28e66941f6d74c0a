// What helm-docs reads from a chart directory: Chart.yaml metadata, dependencies (Chart.yaml, or requirements.yaml
// for apiVersion v1), and values.yaml rows. Follows norwoodj/helm-docs v1.14.2 pkg/helm/chart_info.go.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node } from 'yaml';
import { scanKeyedDescriptions } from './comments.js';
import { DocsError } from './errors.js';
import { sectionRows, valueRows, type Sections, type SortOrder, type ValueRow } from './value-rows.js';
import { readValuesTree } from './yaml-tree.js';

export interface Maintainer {
  Name: string;
  Email: string;
  Url: string;
}

export interface Dependency {
  Name: string;
  Version: string;
  Repository: string;
  Alias: string;
}

/** The data a README template sees: helm-docs' chartTemplateData field names, so helm-docs templates work as they are. */
export interface ChartDocData {
  ApiVersion: string;
  AppVersion: string;
  KubeVersion: string;
  Name: string;
  Deprecated: boolean;
  Description: string;
  Version: string;
  Home: string;
  Type: string;
  Sources: string[];
  Engine: string;
  Maintainers: Maintainer[];
  Dependencies: Dependency[];
  ChartDirectory: string;
  Values: ValueRow[];
  Sections: Sections;
  /** The template file name (README.md.hbs or README.md.gotmpl), named by the footer. */
  TemplateFile: string;
}

export interface ChartInfoOptions {
  /** Row order within the table: helm-docs' default `alphanum`, or `file`. */
  sortOrder?: SortOrder;
}

function readYamlFile(path: string, display: string): Node | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n');
  } catch (e) {
    throw new DocsError('DOCS_NO_CHART', `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, display);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, version: '1.2', uniqueKeys: false, keepSourceTokens: true });
  if (doc.errors.length) {
    const p = lc.linePos(doc.errors[0].pos[0]);
    throw new DocsError('DOCS_YAML', doc.errors[0].message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), display, p.line, p.col);
  }
  return doc.contents as Node | null;
}

/** yaml.v3 decoding a scalar into a Go string field: the node's text (so `version: 1.10` stays "1.10"). */
function str(node: unknown): string {
  if (!isScalar(node) || node.value === null) return '';
  if (node.type === Scalar.PLAIN && typeof node.source === 'string') return node.source;
  return String(node.value);
}

function field(map: unknown, name: string): unknown {
  if (!isMap(map)) return undefined;
  for (const p of map.items) if (isScalar(p.key) && p.key.value === name) return p.value;
  return undefined;
}

function list(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

function dependencies(node: unknown): Dependency[] {
  const deps = list(field(node, 'dependencies')).map((d) => ({
    Name: str(field(d, 'name')),
    Version: str(field(d, 'version')),
    Repository: str(field(d, 'repository')),
    Alias: str(field(d, 'alias')),
  }));
  // helm-docs sorts dependencies by "repository/name", byte-wise.
  const key = (d: Dependency): string => `${d.Repository}/${d.Name}`;
  return deps.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Read a chart directory into template data. `templateFile` is the README template's base name. */
export function readChartInfo(chartDir: string, templateFile: string, options: ChartInfoOptions = {}): ChartDocData {
  const chartYaml = join(chartDir, 'Chart.yaml');
  if (!existsSync(chartYaml)) throw new DocsError('DOCS_NO_CHART', 'no Chart.yaml here', chartDir);
  const meta = readYamlFile(chartYaml, chartYaml);
  if (meta !== null && !isMap(meta)) throw new DocsError('DOCS_YAML', 'Chart.yaml must be a map', chartYaml, 1);
  const apiVersion = str(field(meta, 'apiVersion'));

  let deps: Dependency[] = [];
  if (apiVersion === 'v1') {
    const req = join(chartDir, 'requirements.yaml');
    if (existsSync(req)) deps = dependencies(readYamlFile(req, req));
  } else {
    deps = dependencies(meta);
  }

  const valuesPath = join(chartDir, 'values.yaml');
  let valuesText = '';
  try {
    valuesText = readFileSync(valuesPath, 'utf8');
  } catch {
    throw new DocsError('DOCS_NO_CHART', 'cannot read values.yaml', valuesPath);
  }
  const tree = readValuesTree(valuesText, valuesPath);
  const keyed = scanKeyedDescriptions(valuesText);
  const order = options.sortOrder ?? 'alphanum';
  const rows = valueRows(tree.root, keyed, valuesPath, order);
  const deprecated = field(meta, 'deprecated');

  return {
    ApiVersion: apiVersion,
    AppVersion: str(field(meta, 'appVersion')),
    KubeVersion: str(field(meta, 'kubeVersion')),
    Name: str(field(meta, 'name')),
    Deprecated: isScalar(deprecated) && deprecated.value === true,
    Description: str(field(meta, 'description')),
    Version: str(field(meta, 'version')),
    Home: str(field(meta, 'home')),
    Type: str(field(meta, 'type')),
    Sources: list(field(meta, 'sources')).map(str),
    Engine: str(field(meta, 'engine')),
    Maintainers: list(field(meta, 'maintainers')).map((m) => ({
      Name: str(field(m, 'name')),
      Email: str(field(m, 'email')),
      Url: str(field(m, 'url')),
    })),
    Dependencies: deps,
    ChartDirectory: chartDir,
    Values: rows,
    Sections: sectionRows(rows, order),
    TemplateFile: templateFile,
  };
}
