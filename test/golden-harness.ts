// Runs golden cases as ../shared/golden/README.md says: render in the case directory, then compare
// documents as YAML 1.1 data, or check the error names what helm's error names.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';

export interface GoldenCase {
  chart: string;
  name: string;
  dir: string;
  release?: string;
  namespace?: string;
  values: string[];
  args: string[];
}

export const GOLDEN_ROOT = join(import.meta.dirname, 'golden');

export function listCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const chart of readdirSync(GOLDEN_ROOT).sort()) {
    const chartDir = join(GOLDEN_ROOT, chart);
    if (!existsSync(chartDir) || chart.endsWith('.md')) continue;
    for (const name of readdirSync(chartDir).sort()) {
      const dir = join(chartDir, name);
      if (!existsSync(join(dir, 'case.yaml'))) continue;
      const spec = (parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) ?? {}) as Record<string, unknown>;
      cases.push({
        chart,
        name,
        dir,
        release: spec.release as string | undefined,
        namespace: spec.namespace as string | undefined,
        values: (spec.values as string[] | undefined) ?? [],
        args: ((spec.args as unknown[] | undefined) ?? []).map(String),
      });
    }
  }
  return cases;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
    env: {},
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function caseArgv(c: GoldenCase): string[] {
  const argv = ['render', c.chart];
  if (c.release) argv.push('--release', c.release);
  if (c.namespace) argv.push('--namespace', c.namespace);
  for (const v of c.values) argv.push('--values', v);
  return [...argv, ...c.args];
}

const YAML11 = { version: '1.1' as const, merge: true, uniqueKeys: false };

/** Documents of a stream, parsed as YAML 1.1, empty ones dropped. */
export function documents(text: string): unknown[] {
  return text
    .split(/^---[ \t]*$/m)
    .map((chunk) => parse(chunk, YAML11) as unknown)
    .filter((d) => d !== null && d !== undefined);
}

function ident(d: unknown): string {
  const o = (d ?? {}) as { kind?: unknown; metadata?: { name?: unknown } };
  return `${String(o.kind)}/${String(o.metadata?.name)}`;
}

/** Empty when equal, else a description of the first difference. */
export function compareStreams(actual: string, expected: string): string {
  const a = documents(actual);
  const e = documents(expected);
  const ids = (l: unknown[]): string => l.map(ident).join(', ');
  if (a.length !== e.length) return `expected ${e.length} documents [${ids(e)}], got ${a.length} [${ids(a)}]`;
  for (let i = 0; i < e.length; i++) {
    if (ident(a[i]) !== ident(e[i])) return `document ${i}: expected ${ident(e[i])}, got ${ident(a[i])}`;
    if (!isDeepStrictEqual(a[i], e[i])) {
      return `document ${i} (${ident(e[i])}) differs: ${firstDifference(a[i], e[i], '')}`;
    }
  }
  return '';
}

function firstDifference(a: unknown, e: unknown, path: string): string {
  if (Array.isArray(e) && Array.isArray(a)) {
    if (a.length !== e.length) return `${path || '.'}: expected ${e.length} items, got ${a.length}: ${JSON.stringify(a)}`;
    for (let i = 0; i < e.length; i++) if (!isDeepStrictEqual(a[i], e[i])) return firstDifference(a[i], e[i], `${path}[${i}]`);
  } else if (e && a && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    for (const k of keys) {
      const ev = (e as Record<string, unknown>)[k];
      const av = (a as Record<string, unknown>)[k];
      if (!(k in (a as object))) return `${path}.${k}: missing (expected ${JSON.stringify(ev)})`;
      if (!(k in (e as object))) return `${path}.${k}: unexpected ${JSON.stringify(av)}`;
      if (!isDeepStrictEqual(av, ev)) return firstDifference(av, ev, `${path}.${k}`);
    }
  }
  return `${path || '.'}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`;
}

/**
 * What an error case requires of our output: the chart's message, or every schema value path (as the
 * golden README says). Our own x- cases may also hold helm's other errors: a Go template error must be
 * reported with Go's wording, a YAML parse error must name the template.
 */
export function expectedErrorNeedles(expectedError: string): Array<string[]> {
  const exec = /execution error at \([^)]*\): (.*)$/m.exec(expectedError);
  if (exec) return [[exec[1].trim()]];
  if (expectedError.includes("values don't meet the specifications of the schema")) {
    return [...expectedError.matchAll(/^- ([^:]+): /gm)].map((m) => {
      const dotted = m[1].trim();
      return [dotted, '/' + dotted.split('.').join('/')];
    });
  }
  const goError = /^Error: template: \S+: executing "[^"]*" at <[^>]*>: (.*)$/m.exec(expectedError);
  if (goError) return [[goError[1].trim()]];
  const yamlError = /^Error: YAML parse error on (\S+):/m.exec(expectedError);
  if (yamlError) return [[yamlError[1]], ['YAML']];
  return [];
}
