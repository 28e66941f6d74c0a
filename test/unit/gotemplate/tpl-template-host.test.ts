import { describe, expect, it } from 'vitest';
import { tpl } from '../../../src/renderer/gotemplate/index.js';

// helm v3.10.1 parses a tpl text into the chart's template set, so the `template` action reaches the
// chart's and bitnami common's defines as `include` does (helm: `{{ template "common.names.namespace" . }}` → "default").
describe('tpl: template action with host-provided defines', () => {
  const host = { include: (name: string, data: unknown) => (name === 'host.name' ? `H(${String(data)})` : undefined) };
  it.each<[string, string]>([
    ['{{ template "host.name" "x" }}', 'H(x)'],
    ['{{ template "host.name" "a" }}-{{ include "host.name" "b" }}', 'H(a)-H(b)'],
    ['{{ define "host.name" }}own{{ end }}{{ template "host.name" . }}', 'own'],
  ])('%s', (text, want) => {
    expect(tpl(text, {}, { host })).toBe(want);
  });
  it('still fails for a name nobody defines', () => {
    expect(() => tpl('{{ template "nope" . }}', {}, { host })).toThrow('template "nope" not defined');
  });
});
