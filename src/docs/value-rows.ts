// values.yaml → the rows of the values table, as helm-docs v1.14.2 builds them
// (norwoodj/helm-docs pkg/document/values.go createValueRowsFrom*, model.go sorting and sections).
//
// Which keys become rows: every leaf (scalar, empty map, empty list) unless an ancestor map or list is itself
// documented; a documented non-empty map or list is one row (its default is the whole value as JSON), and below
// it only keys with their own description get rows.
import { stringify } from 'yaml';
import { describeHeadComment, emptyDescription, type ValueDescription } from './comments.js';
import { backtickedDefault, toJsonable, typeName, UnencodableValueError, type Jsonable } from './default-value.js';
import { DocsError } from './errors.js';
import type { DocNode } from './yaml-tree.js';

/** One row of the values table. Field names are helm-docs' valueRow fields, as templates see them. */
export interface ValueRow {
  Key: string;
  Type: string;
  NotationType: string;
  AutoDefault: string;
  Default: string;
  AutoDescription: string;
  Description: string;
  Section: string;
  Column: number;
  LineNumber: number;
}

export interface Section {
  SectionName: string;
  SectionItems: ValueRow[];
}

export interface Sections {
  DefaultSection: Section;
  Sections: Section[];
}

export type SortOrder = 'alphanum' | 'file';

/** Where a key sits and what its head comment says (the root map has none). */
interface KeyInfo {
  line: number;
  col: number;
  headComment: string;
}

const ROOT: KeyInfo = { line: 0, col: 0, headComment: '' };

/** A default handed to createValueRow: data (JSON-encoded), nil, or a notation's raw text. */
type RowValue = { kind: 'nil' } | { kind: 'data'; type: string; data: Jsonable } | { kind: 'raw'; text: string };

/** Go's fmt %s of a value that is not a string (what helm-docs prints for a notation-typed number or bool). */
function goPercentS(type: string, data: Jsonable): string {
  if (typeof data === 'string') return data;
  const goType = type === 'int' ? 'int' : type === 'float' ? 'float64' : type === 'bool' ? 'bool' : '';
  return goType ? `%!s(${goType}=${String(data)})` : String(data);
}

class RowBuilder {
  constructor(
    private readonly keyed: ReadonlyMap<string, ValueDescription>,
    private readonly file: string,
  ) {}

  private row(key: string, value: RowValue, description: ValueDescription, auto: ValueDescription, at: KeyInfo): ValueRow {
    const section = description.section || auto.section;
    const base = {
      Key: key,
      NotationType: auto.notationType,
      AutoDefault: auto.default,
      AutoDescription: auto.description,
      Section: section,
      Column: at.col,
      LineNumber: at.line,
    };
    if (value.kind === 'nil') {
      // parseNilValueType: a null documents as `nil`, typed string unless the comment says otherwise.
      return {
        ...base,
        Type: description.valueType || auto.valueType || 'string',
        Default: description.default === '' && auto.default === '' ? '`nil`' : description.default,
        Description: description.description || auto.description,
      };
    }
    const natural = value.kind === 'data' ? value.type : '';
    const type = description.valueType || auto.valueType || auto.notationType || natural;
    let def = description.default;
    if (def === '' && auto.default === '') {
      if (auto.notationType === '') {
        if (value.kind === 'raw') def = '`' + value.text + '`';
        else {
          try {
            def = backtickedDefault(value.data);
          } catch (e) {
            if (e instanceof UnencodableValueError) {
              throw new DocsError('DOCS_VALUE', `failed to marshal default value for ${key} to json: ${e.message}`, this.file, at.line, at.col);
            }
            throw e;
          }
        }
      } else {
        // A custom notation: the raw value, for the template to format.
        def = value.kind === 'raw' ? value.text : goPercentS(natural, value.data);
      }
    }
    return { ...base, Type: type, Default: def, Description: description.description };
  }

  /** A documented collection with `# @notationType --`: yaml re-serialised, anything else as raw (empty) text. */
  private notationRow(key: string, node: DocNode, description: ValueDescription, auto: ValueDescription, at: KeyInfo): ValueRow {
    const text = auto.notationType === 'yaml' ? stringify(toJsonable(node), { indent: 4 }) : node.kind === 'scalar' ? String(node.value ?? '') : '';
    return this.row(key, { kind: 'raw', text }, description, auto, at);
  }

  field(prefix: string, at: KeyInfo, node: DocNode, documentLeaves: boolean): ValueRow[] {
    if (node.kind === 'map') return this.collection(prefix, at, node, documentLeaves);
    if (node.kind === 'seq') return this.collection(prefix, at, node, documentLeaves);
    const auto = describeHeadComment(at.headComment);
    const description = this.keyed.get(prefix);
    if (!(documentLeaves || description || auto.description !== '')) return [];
    const desc = description ?? emptyDescription();
    if (node.tag === 'null') return [this.row(prefix, { kind: 'nil' }, desc, auto, at)];
    if (node.tag === 'str' && auto.notationType !== '') return [this.notationRow(prefix, node, desc, auto, at)];
    return [this.row(prefix, { kind: 'data', type: typeName(node), data: node.value }, desc, auto, at)];
  }

  private collection(prefix: string, at: KeyInfo, node: DocNode & { kind: 'map' | 'seq' }, documentLeaves: boolean): ValueRow[] {
    const description = this.keyed.get(prefix);
    const desc = description ?? emptyDescription();
    const auto = describeHeadComment(at.headComment);
    const size = node.kind === 'map' ? node.entries.length : node.items.length;
    if (size === 0) {
      // An empty top level has no rows at all; an empty leaf map or list is a row unless an ancestor is documented.
      if (prefix === '' && node.kind === 'map') return [];
      if (!(documentLeaves || description || auto.description !== '')) return [];
      return [this.row(prefix, { kind: 'data', type: typeName(node), data: node.kind === 'map' ? {} : [] }, desc, auto, at)];
    }
    const rows: ValueRow[] = [];
    let leaves = documentLeaves;
    if (description || (auto.description !== '' && auto.notationType === '')) {
      rows.push(this.row(prefix, { kind: 'data', type: typeName(node), data: toJsonable(node) }, desc, auto, at));
      leaves = false;
    } else if (auto.description !== '' && auto.notationType !== '') {
      rows.push(this.notationRow(prefix, node, desc, auto, at));
      leaves = false;
    }
    if (node.kind === 'map') {
      for (const e of node.entries) rows.push(...this.field(objectKeyPath(prefix, e.key), e, e.value, leaves));
    } else {
      node.items.forEach((item, i) => rows.push(...this.field(`${prefix}[${i}]`, item, item.value, leaves)));
    }
    return rows;
  }
}

/** A key's path segment: keys with a dot or a space are quoted (`a."b.c"`), list items are `[i]`. */
export function objectKeyPath(prefix: string, key: string): string {
  const k = key.includes('.') || key.includes(' ') ? `"${key}"` : key;
  return prefix === '' ? k : `${prefix}.${k}`;
}

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortRows(rows: ValueRow[], order: SortOrder = 'alphanum'): ValueRow[] {
  return rows.sort(order === 'file' ? (a, b) => a.LineNumber - b.LineNumber || a.Column - b.Column : (a, b) => byteCompare(a.Key, b.Key));
}

/** Rows by `@section`, first-seen order; rows without one go to "Other Values". */
export function sectionRows(rows: readonly ValueRow[], order: SortOrder = 'alphanum'): Sections {
  const sections: Section[] = [];
  const other: Section = { SectionName: 'Other Values', SectionItems: [] };
  for (const row of rows) {
    if (row.Section === '') {
      other.SectionItems.push(row);
      continue;
    }
    const s = sections.find((x) => x.SectionName === row.Section);
    if (s) s.SectionItems.push(row);
    else sections.push({ SectionName: row.Section, SectionItems: [row] });
  }
  sortRows(other.SectionItems, order);
  for (const s of sections) sortRows(s.SectionItems, order);
  return { DefaultSection: other, Sections: sections };
}

/** All rows of a values tree, sorted. `keyed` holds the old-style `# key.path -- text` descriptions. */
export function valueRows(
  root: (DocNode & { kind: 'map' }) | undefined,
  keyed: ReadonlyMap<string, ValueDescription>,
  file: string,
  order: SortOrder = 'alphanum',
): ValueRow[] {
  if (!root) return [];
  return sortRows(new RowBuilder(keyed, file).field('', ROOT, root, true), order);
}
