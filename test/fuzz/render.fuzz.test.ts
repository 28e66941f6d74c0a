// Random values at the charts' own value paths, through the whole render: a render gives manifests or one of
// our typed errors (schema violations, chart failures, templated-value errors), never an internal error, a
// hang, or a touched Object.prototype.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getChart } from '../../src/charts.js';
import { renderChart } from '../../src/renderer/render.js';
import { check, expectNoPollution, isTypedError, TIMEOUT, timed } from './fuzz-support.js';

/** Every key path of a chart's defaults (maps only), e.g. ["worker", "image", "repository"]. */
function paths(v: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.push([...prefix, k]);
      paths(x, [...prefix, k], out);
    }
  }
  return out;
}

const scalar = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '{{ .Release.Name }}', '{{ include "common.names.fullname" . }}', '{{ .Values.nope.x }}', '{{ fail "no" }}', 'true', '007', '1e3', 'null', '- a', '{a: 1}', '__proto__'),
  fc.integer({ min: -5, max: 70000 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'value', 'a', '__proto__', 'constructor'), scalar, { maxKeys: 3 }) },
);

const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('', 'x', 'a-b', '{{ .Release.Name }}', '{{ include "common.names.fullname" . }}', '{{ .Values.nope.x }}', '{{ toYaml .Values }}', 'yes', '0755', '- a'));

/** Mostly a value of the default's own type (so it passes the schema and reaches the templates), sometimes anything. */
function valueLike(d: unknown): fc.Arbitrary<unknown> {
  const same =
    typeof d === 'string'
      ? text
      : typeof d === 'number'
        ? fc.integer({ min: 0, max: 70000 })
        : typeof d === 'boolean'
          ? fc.boolean()
          : Array.isArray(d)
            ? fc.array(fc.oneof(text, fc.dictionary(fc.constantFrom('name', 'value', 'key', 'mountPath', '__proto__'), text, { maxKeys: 3 })), { maxLength: 2 })
            : d && typeof d === 'object'
              ? fc.dictionary(fc.constantFrom('a', 'name', 'app.kubernetes.io/x', 'constructor'), text, { maxKeys: 2 })
              : text;
  return fc.oneof({ weight: 4, arbitrary: same }, { weight: 1, arbitrary: value });
}

function defaultAt(root: unknown, path: string[]): unknown {
  let cur = root;
  for (const k of path) cur = cur && typeof cur === 'object' ? Object.getOwnPropertyDescriptor(cur, k)?.value : undefined;
  return cur;
}

function setAt(root: Record<string, unknown>, path: string[], v: unknown): void {
  let cur = root;
  for (const k of path.slice(0, -1)) {
    const next = Object.getOwnPropertyDescriptor(cur, k)?.value;
    const m = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
    Object.defineProperty(cur, k, { value: m, enumerable: true, writable: true, configurable: true });
    cur = m as Record<string, unknown>;
  }
  Object.defineProperty(cur, path[path.length - 1], { value: v, enumerable: true, writable: true, configurable: true });
}

/** What a chart requires, so most renders get past its own `required` checks. */
const BASE: Record<string, string[]> = {
  'prefect-worker': ['worker.config.workPool=p', 'worker.cloudApiConfig.accountId=a', 'worker.cloudApiConfig.workspaceId=b'],
};

describe.each(['prefect-server', 'prefect-worker', 'prefect-agent', 'prometheus-prefect-exporter'])('%s with random values', (name) => {
  it('renders or fails with a typed error', { timeout: TIMEOUT }, async () => {
    const chart = await getChart(name);
    const all = paths(chart.defaults);
    const internal: string[] = [];
    await check(
      fc.property(fc.array(fc.constantFrom(...all).chain((p) => fc.tuple(fc.constant(p), valueLike(defaultAt(chart.defaults, p)))), { minLength: 1, maxLength: 4 }), (edits) => {
        const values: Record<string, unknown> = {};
        for (const [p, v] of edits) setAt(values, p, v);
        const text = JSON.stringify(values);
        const ms = timed(() => {
          try {
            renderChart(chart, { inlineValues: [{ file: 'fuzz.yaml', text }], release: 'fuzz', set: BASE[name] ?? [] });
          } catch (e) {
            if (!isTypedError(e)) throw e;
            if (process.env.FUZZ_STATS) console.log("CODE", (e as { code: string }).code, (e as Error).message.split("\n")[0].slice(0, 150));
            const issues = (e as { issues?: Array<{ code: string; template?: string; message: string }> }).issues ?? [];
            for (const i of issues) if (i.code === 'TEMPLATE_BUG') internal.push(`${i.template}: ${i.message} ← ${text}`);
          }
        });
        expect(ms).toBeLessThan(5000);
        expectNoPollution();
      }),
      25,
    );
    // A chart template that throws something untyped is a bug in that chart: listed, one per line.
    expect(internal).toEqual([]);
  });
});
