// Labels and selectors built from frozen values are shared between renders of the same chart, release
// and values: frozen, and never handed to a render with another release, namespace or values.
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/index.js';
import type { RenderContext } from '../../../src/renderer/context.js';
import { shared } from '../../../src/renderer/helpers/shared-results.js';
import { deepFreeze } from '../../../src/renderer/values/maps.js';

const CHART = { Name: 'c' };

function context(values: Record<string, unknown>, release = 'r', namespace = 'ns', chart: object = CHART): RenderContext {
  return { Values: values, Release: { Name: release, Namespace: namespace, Service: 'Helm' }, Chart: chart } as unknown as RenderContext;
}

describe('shared', () => {
  it('builds once per name and variant for frozen values, and freezes the result', () => {
    const values = {};
    deepFreeze(values);
    const ctx = context(values);
    let builds = 0;
    const build = (): Record<string, unknown> => ({ n: ++builds, nested: { a: 1 } });
    const first = shared(ctx, 'labels', 'server', build);
    expect(shared(context(values), 'labels', 'server', build)).toBe(first);
    expect(Object.isFrozen(first.nested)).toBe(true);
    expect(shared(ctx, 'labels', 'worker', build)).not.toBe(first);
    expect(shared(ctx, 'selector', 'server', build)).not.toBe(first);
    expect(builds).toBe(3);
  });

  it('starts afresh for another chart, release or namespace, and never shares unfrozen values', () => {
    const values = {};
    deepFreeze(values);
    const build = (): object => ({});
    const first = shared(context(values), 'labels', '', build);
    expect(shared(context(values, 'other'), 'labels', '', build)).not.toBe(first);
    expect(shared(context(values, 'r', 'elsewhere'), 'labels', '', build)).not.toBe(first);
    expect(shared(context(values, 'r', 'ns', { Name: 'other' }), 'labels', '', build)).not.toBe(first);
    const open = context({});
    const a = shared(open, 'labels', '', build);
    expect(shared(open, 'labels', '', build)).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(false);
  });
});

describe('render: shared labels follow the release', () => {
  it('labels each render with its own release, whatever rendered before', async () => {
    const instance = (text: string): string[] => [...text.matchAll(/app\.kubernetes\.io\/instance: (\S+)/g)].map((m) => m[1]);
    for (const release of ['one', 'two', 'one']) {
      const { text } = await render('prefect-server', { release, namespace: release });
      expect(new Set(instance(text))).toEqual(new Set([release]));
      expect(text).toContain(`namespace: ${release}`);
    }
  });

  it('shares nothing built from a templated value: a database name from the release follows the release', async () => {
    const inlineValues = [{ file: 'v.yaml', text: 'postgresql:\n  auth:\n    database: "{{ .Release.Name }}-db"\n' }];
    for (const release of ['one', 'two', 'one']) {
      const { text } = await render('prefect-server', { release, inlineValues });
      expect(new Set(text.match(/dbname=[^"]*/g))).toEqual(new Set([`dbname=${release}-db`]));
      expect(text).toContain(`name: ${release}-postgresql-hl`);
    }
  });

  it('hands out frozen labels: a document cannot be changed under the next render', async () => {
    const { docs } = await render('prefect-server', {});
    const deployment = docs.find((d) => d.object.kind === 'Deployment')!.object as { metadata: { labels: Record<string, unknown> } };
    expect(() => {
      deployment.metadata.labels.extra = 'x';
    }).toThrow(TypeError);
  });
});
