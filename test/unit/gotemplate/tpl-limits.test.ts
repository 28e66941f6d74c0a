import { describe, expect, it } from 'vitest';
import { tpl } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';

const errorOf = tplError;

describe('tpl: bounds (never a hang or a JS stack overflow)', () => {
  it.each<[string, string]>([
    ['include', '{{ define "r" }}{{ include "r" . }}{{ end }}{{ include "r" . }}'],
    ['template', '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}'],
    ['tpl', '{{ tpl .t . }}'],
  ])('%s recursion is TEMPLATE_LIMIT', (_kind, text) => {
    const e = errorOf(text, { t: '{{ tpl .t . }}' }, { maxDepth: 50 });
    expect(e.code).toBe('TEMPLATE_LIMIT');
    expect(e.message).toBe('template recursion exceeded the maximum depth of 50');
  });

  it.each<[string]>([['{{ repeat 100000000 "x" }}'], ['{{ until 100000000 }}'], ['{{ range until 2000 }}{{ range until 2000 }}xxxxx{{ end }}{{ end }}']])(
    '%s exceeds the output bound',
    (text) => {
      expect(errorOf(text, {}, { maxOutputBytes: 1_000_000 }).code).toBe('TEMPLATE_LIMIT');
    },
  );
});

describe('tpl: host, clock and randomness', () => {
  const host = {
    include: (name: string, data: unknown) => (name === 'common.names.fullname' ? `${(data as { n: string }).n}-full` : undefined),
    random: () => 0,
    now: () => new Date(Date.UTC(2024, 0, 2, 15, 4, 5)),
  };
  it.each<[string, string]>([
    ['{{ include "common.names.fullname" . }}-config', 'x-full-config'],
    ['{{ include "common.names.fullname" . | upper }}', 'X-FULL'],
    ['{{ randAlphaNum 5 }}', 'AAAAA'],
    ['{{ uuidv4 }}', '00000000-0000-4000-8000-000000000000'],
    ['{{ now | date "2006-01-02T15:04:05Z07:00" }}', '2024-01-02T15:04:05Z'],
    ['{{ now | date "Jan _2 06 3:04PM" }}', 'Jan  2 24 3:04PM'],
  ])('%s', (text, expected) => {
    expect(tpl(text, { n: 'x' }, { host })).toBe(expected);
  });

  it('reports an unknown named template', () => {
    expect(errorOf('{{ include "nope" . }}', {}, { host }).message).toBe(
      'error calling include: template: no template "nope" associated with template "gotpl"',
    );
  });
});

describe('tpl: map keys are data, never prototype members', () => {
  const values = JSON.parse('{"__proto__": {"polluted": "yes"}, "prototype": "p"}') as Record<string, unknown>;
  it.each<[string, string]>([
    ['{{ .v.__proto__.polluted }}', 'yes'],
    ['{{ .v.prototype }}', 'p'],
    ['{{ .v.constructor }}|{{ .v.toString }}|{{ .v.hasOwnProperty }}', '||'],
    ['{{ $d := dict "__proto__" 1 "constructor" 2 }}{{ toJson $d }} {{ hasKey $d "__proto__" }} {{ hasKey (dict) "constructor" }}', '{"__proto__":1,"constructor":2} true false'],
    ['{{ $d := dict }}{{ $_ := set $d "__proto__" "x" }}{{ keys $d }} {{ index $d "__proto__" }}', '[__proto__] x'],
  ])('%s', (text, expected) => {
    expect(tpl(text, { v: values })).toBe(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('tpl: positions and fast path', () => {
  it.each<[string, string, number, number]>([
    ['line one\n  {{ nope }}', 'function "nope" not defined', 2, 6],
    ['{{ if .a }}\n{{ end }}{{ end }}', 'unexpected {{end}}', 2, 13],
    ['ok\n{{ .a.b.c }}', 'nil pointer evaluating interface {}.b', 2, 4],
    ['{{ "unterminated }}', 'unterminated quoted string', 1, 4],
  ])('%j → %s at %i:%i', (text, message, line, col) => {
    const e = errorOf(text, {});
    expect([e.message, e.line, e.col]).toEqual([message, line, col]);
  });

  it('returns text without actions unchanged', () => {
    expect(tpl('plain: {text}', { a: 1 })).toBe('plain: {text}');
  });

  it('re-uses a parsed template and keeps results independent of earlier runs', () => {
    const text = '{{ define "d" }}[{{ . }}]{{ end }}{{ include "d" .x }}';
    expect(tpl(text, { x: 1 })).toBe('[1]');
    expect(tpl(text, { x: 'two' })).toBe('[two]');
  });

  it('calls methods on host objects with their arguments', () => {
    const caps = { APIVersions: { Has: (v: string) => v === 'apps/v1' }, KubeVersion: { Version: 'v1.25.0' } };
    expect(tpl('{{ .C.APIVersions.Has "apps/v1" }} {{ .C.APIVersions.Has "x/v1" }} {{ semverCompare ">=1.21-0" .C.KubeVersion.Version }}', { C: caps })).toBe(
      'true false true',
    );
  });
});
