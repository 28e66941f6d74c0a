// A values file as lint reads it: every syntax error (not only the first), duplicate keys with both
// positions, and the `# prefect-charts:ignore RULE` comments it holds.
import { isMap as isYamlMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { checkText, ValuesFileError } from '../renderer/values/load.js';
import { isMap, valuePathText } from '../renderer/values/maps.js';
import { readYamlAll, type ParsedYaml } from '../renderer/values/yaml-read.js';
import { nonFiniteIn, nonFiniteReason } from '../renderer/values/non-finite.js';
import type { LintIssue } from './issue.js';

/** Rules named on each line by an ignore comment; `*` when the comment names none. */
export type IgnoreMap = Map<number, Set<string>>;

export interface LintedFile {
  file: string;
  /** Parsed when the text is valid YAML holding a map. */
  parsed?: ParsedYaml;
  issues: LintIssue[];
  ignores: IgnoreMap;
}

const IGNORE = /#\s*prefect-charts:ignore\b([^#\n]*)/;

export function ignoreComments(text: string): IgnoreMap {
  const out: IgnoreMap = new Map();
  if (!text.includes('prefect-charts:ignore')) return out;
  text.split('\n').forEach((line, i) => {
    const m = IGNORE.exec(line);
    if (!m) return;
    const ids = m[1].split(/[\s,]+/).filter(Boolean);
    out.set(i + 1, new Set(ids.length ? ids : ['*']));
  });
  return out;
}

/** Whether an ignore comment on the finding's line or the line above (of the value or its key) names its rule. */
export function isIgnored(issue: LintIssue, ignores: IgnoreMap): boolean {
  if (!issue.line || ignores.size === 0) return false;
  const lines = new Set([issue.line, issue.line - 1]);
  if (issue.keyLine) lines.add(issue.keyLine).add(issue.keyLine - 1);
  for (const l of lines) {
    const ids = ignores.get(l);
    if (ids && (ids.has(issue.rule) || ids.has('*'))) return true;
  }
  return false;
}

function keyName(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Keys given twice in one map: helm keeps the last silently, which hides the first. */
function duplicateKeys(parsed: ParsedYaml): LintIssue[] {
  const issues: LintIssue[] = [];
  const pos = (n: Node | undefined): { line: number; col: number } =>
    n?.range ? parsed.lines.linePos(n.range[0]) : { line: 1, col: 1 };
  const pathOf = (ancestors: readonly unknown[]): string[] => {
    const segs: string[] = [];
    for (let i = 0; i < ancestors.length; i++) {
      const a = ancestors[i];
      const next = ancestors[i + 1];
      if (isYamlMap(a) && next && typeof next === 'object' && 'key' in next) segs.push(keyName((next as { key: unknown }).key));
      if (isSeq(a) && next !== undefined) segs.push(String(a.items.indexOf(next as never)));
    }
    return segs;
  };
  visit(parsed.doc, {
    Map(_, map, ancestors) {
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        // Merge keys (`<<: *base`) may repeat; the yaml library gives them a symbol value.
        if (isScalar(pair.key) && typeof pair.key.value === 'symbol') continue;
        const name = keyName(pair.key);
        if (name === '<<') continue;
        const first = seen.get(name);
        if (first) {
          const at = pos(pair.key as Node);
          const was = pos(first);
          issues.push({
            rule: 'duplicate-key',
            severity: 'error',
            path: [...pathOf([...ancestors, map]), name].join('.'),
            message: `duplicate key (first at line ${was.line}); only this last one counts`,
            file: parsed.file,
            line: at.line,
            col: at.col,
          });
        } else seen.set(name, pair.key as Node);
      }
    },
  });
  return issues;
}

/** Read one values text for lint: all problems as findings, never a throw for bad content. */
export function lintValuesText(file: string, text: string): LintedFile {
  const ignores = ignoreComments(text);
  try {
    checkText(text, file);
  } catch (e) {
    return { file, ignores, issues: [{ rule: 'values-file', severity: 'error', file, message: (e as ValuesFileError).reason }] };
  }
  const { parsed, errors } = readYamlAll(text, file);
  if (!parsed) {
    return {
      file,
      ignores,
      issues: errors.map((e) => ({ rule: 'yaml-syntax', severity: 'error', file, line: e.line, col: e.col, message: e.reason })),
    };
  }
  if (parsed.data === null || parsed.data === undefined) parsed.data = {};
  if (!isMap(parsed.data)) {
    return {
      file,
      ignores,
      issues: [{ rule: 'values-file', severity: 'error', file, line: 1, col: 1, message: 'a values file must hold a map of keys at the top level' }],
    };
  }
  const nonFinite: LintIssue[] = nonFiniteIn(parsed).map((f) => ({
    rule: 'yaml-syntax',
    severity: 'error',
    file,
    line: f.line,
    col: f.col,
    path: valuePathText(f.path),
    message: nonFiniteReason(f),
  }));
  if (nonFinite.length) return { file, ignores, issues: nonFinite };
  return { file, parsed, ignores, issues: duplicateKeys(parsed) };
}
