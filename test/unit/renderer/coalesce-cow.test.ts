// coalesceValues shares chart defaults between merges instead of copying them (copy on write): for any
// user values, a chart used for many merges must give what a never-used copy of it gives (its defaults
// unshared, its caches empty), with the same warnings, and leave the user values and its defaults as
// they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_NAMES, readChart } from '../../../src/charts.js';
import type { LoadedChart } from '../../../src/renderer/chart.js';
import { coalesceValues } from '../../../src/renderer/values/coalesce.js';

type Tree = Record<string, unknown>;

/** Every map path of a tree, to aim generated values at keys the chart has. */
function mapPaths(t: Tree, prefix: string[] = [], out: string[][] = []): string[][] {
  out.push(prefix);
  if (prefix.length < 5) {
    for (const [k, v] of Object.entries(t)) if (v && typeof v === 'object' && !Array.isArray(v)) mapPaths(v as Tree, [...prefix, k], out);
  }
  return out;
}

function setPath(t: Tree, path: string[], value: unknown): void {
  let cur = t;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (!next || typeof next !== 'object' || Array.isArray(next)) cur[k] = {};
    cur = cur[k] as Tree;
  }
  if (path.length) cur[path[path.length - 1]] = value;
}

const leaf = fc.oneof(
  fc.constant(null),
  fc.constant('x'),
  fc.integer(),
  fc.boolean(),
  fc.constant([1, 'a']),
  fc.constant({}),
  fc.constant({ extra: 1, nested: { n: null } }),
);

const charts = await Promise.all(CHART_NAMES.map((n) => readChart(n)));

function allPaths(chart: LoadedChart): string[][] {
  const paths = mapPaths(chart.defaults);
  for (const s of chart.subcharts) for (const p of mapPaths(s.chart.defaults)) paths.push([s.name, ...p]);
  paths.push(['global'], ['global', 'postgresql'], ['global', 'postgresql', 'auth']);
  return paths;
}

/** The same chart with its own copies of every default (and so its own coalesce caches). */
function pristine(chart: LoadedChart): LoadedChart {
  return {
    ...chart,
    defaults: structuredClone(chart.defaults),
    subcharts: chart.subcharts.map((s) => ({ ...s, chart: pristine(s.chart) })),
  };
}

describe.each(charts.map((c) => [c.metadata.name, c] as const))('coalesceValues %s', (_name, chart) => {
  const paths = allPaths(chart);
  const edits = fc.array(
    fc.record({ path: fc.integer({ min: 0, max: paths.length - 1 }), key: fc.constantFrom('', 'enabled', 'new', 'global', 'auth'), value: leaf }),
    { maxLength: 8 },
  );

  it('gives what a never-used copy of the chart gives', () => {
    const before = JSON.stringify(chart.defaults);
    fc.assert(
      fc.property(edits, (list) => {
        const user: Tree = {};
        for (const e of list) setPath(user, e.key ? [...paths[e.path], e.key] : paths[e.path], structuredClone(e.value));
        const snapshot = structuredClone(user);
        const warnA: string[] = [];
        const warnB: string[] = [];
        let expected: unknown;
        try {
          expected = coalesceValues(pristine(chart), user, (m) => warnA.push(m));
        } catch (e) {
          expect(() => coalesceValues(chart, user, (m) => warnB.push(m))).toThrow((e as Error).message);
          return;
        }
        const actual = coalesceValues(chart, user, (m) => warnB.push(m));
        expect(actual).toEqual(expected);
        expect(warnB).toEqual(warnA);
        expect(user).toEqual(snapshot);
        expect(coalesceValues(chart, user)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(JSON.stringify(chart.defaults)).toBe(before);
  });
});
