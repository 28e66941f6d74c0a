// The agent chart's helpers and the Go template behaviours they copy; expectations are helm v3.10.1's.
import { TemplateExecError, dig, eqString, fmtS, goLen, rangeValues } from '../../../../src/renderer/helpers/index.js';
import { describe, expect, it } from 'vitest';
import { apiUrlText, clusterUidText, inline, listItem, serviceAccountName } from '../../../../charts/prefect-agent/templates/helpers.js';
import { deprecation } from '../../../../charts/prefect-agent/index.js';
import type { RenderContext } from '../../../../src/renderer/context.js';
import { chartContext } from '../chart-context.js';

function ctxWith(values: Record<string, unknown>, release = 'prefect-agent'): RenderContext {
  return chartContext(values, { chart: 'prefect-agent', appVersion: '2-latest', commonVersion: '2.20.5', release });
}

const cloud = (extra: Record<string, unknown> = {}) => ({
  agent: {
    apiConfig: 'cloud',
    cloudApiConfig: { cloudUrl: 'https://api.prefect.cloud/api', accountId: 'acc', workspaceId: 'ws', ...extra },
    serverApiConfig: { apiUrl: 'http://127.0.0.1:4200/api' },
    clusterUid: '',
  },
  serviceAccount: { create: true, name: '' },
});

describe('dig (field walk with missingkey=zero)', () => {
  it.each([
    [{ a: { b: 1 } }, 'a.b', 1],
    [{ a: { b: 1 } }, 'a.c', undefined],
    [{ a: {} }, 'a.b', undefined],
  ])('%o %s → %o', (root, path, want) => {
    expect(dig(root, path)).toBe(want);
  });
  it.each([
    [{}, 'a.b', 'nil pointer evaluating interface {}.b'],
    [{ a: null }, 'a.b', 'nil pointer evaluating interface {}.b'],
    [{ a: 'abc' }, 'a.b', "can't evaluate field b in type interface {}"],
    [{ a: [1] }, 'a.b', "can't evaluate field b in type interface {}"],
  ])('%o %s stops: %s', (root, path, message) => {
    expect(() => dig(root, path)).toThrow(TemplateExecError);
    expect(() => dig(root, path)).toThrow(message);
  });
});

describe('rangeValues', () => {
  it.each([
    [null, []],
    [undefined, []],
    [['a', 'b'], ['a', 'b']],
    [{ b: 'x', a: 'y', C: 'z' }, ['z', 'y', 'x']],
  ])('%o → %o', (v, want) => {
    expect(rangeValues(v)).toEqual(want);
  });
  it.each([
    ['abc', "range can't iterate over abc"],
    [5, "range can't iterate over 5"],
    [true, "range can't iterate over true"],
  ])('%o stops: %s', (v, message) => {
    expect(() => rangeValues(v)).toThrow(message);
  });
});

describe('goLen', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    [[1, 2], 2],
    [{ a: 1 }, 1],
    [[], 0],
  ])('%o → %d', (v, want) => {
    expect(goLen(v)).toBe(want);
  });
  it.each([
    [null, 'error calling len: len of nil pointer'],
    [undefined, 'error calling len: len of nil pointer'],
    [5n, 'error calling len: len of type int64'],
    [5, 'error calling len: len of type float64'],
    [false, 'error calling len: len of type bool'],
  ])('%o stops: %s', (v, message) => {
    expect(() => goLen(v)).toThrow(message);
  });
});

describe('eqString', () => {
  it.each([
    ['cloud', true],
    ['server', false],
    [null, false],
    [undefined, false],
  ])('%o eq "cloud" → %s', (v, want) => {
    expect(eqString(v, 'cloud')).toBe(want);
  });
  it.each([
    [5n, 'error calling eq: incompatible types for comparison'],
    [true, 'error calling eq: incompatible types for comparison'],
    [{ a: 1 }, 'error calling eq: uncomparable type map[string]interface {}: map[a:1]'],
    [['x'], 'error calling eq: uncomparable type []interface {}: [x]'],
  ])('%o stops: %s', (v, message) => {
    expect(() => eqString(v, 'cloud')).toThrow(message);
  });
});

describe('fmtS (printf %s)', () => {
  it.each([
    ['abc', 'abc'],
    [null, '%!s(<nil>)'],
    [5n, '%!s(int64=5)'],
    [12345, '%!s(float64=12345)'],
    [1e6, '%!s(float64=1e+06)'],
    [true, '%!s(bool=true)'],
    [{ b: 1, a: 'x' }, 'map[a:x b:%!s(float64=1)]'],
    [['x', 2n], '[x %!s(int64=2)]'],
  ])('%o → %s', (v, want) => {
    expect(fmtS(v)).toBe(want);
  });
});

describe('agent.apiUrl', () => {
  it.each([
    [cloud(), '"https://api.prefect.cloud/api/accounts/acc/workspaces/ws"'],
    [cloud({ accountId: '', workspaceId: '' }), '"https://api.prefect.cloud/api/accounts//workspaces/"'],
    [cloud({ accountId: 5n, workspaceId: undefined }), '"https://api.prefect.cloud/api/accounts/%!s(int64=5)/workspaces/%!s(<nil>)"'],
    [{ agent: { ...cloud().agent, apiConfig: 'server' } }, '"http://127.0.0.1:4200/api"'],
    // A deleted apiConfig is nil, which is not "cloud": the server URL is used.
    [{ agent: { serverApiConfig: { apiUrl: 'http://prefect-server:4200/api' } } }, '"http://prefect-server:4200/api"'],
    [{ agent: { apiConfig: 'server', serverApiConfig: {} } }, ''],
  ])('%o → %s', (values, want) => {
    expect(apiUrlText(ctxWith(values))).toBe(want);
  });
});

describe('agent.clusterUUID', () => {
  it.each([
    ['', '""'],
    [undefined, '""'],
    ['abc-123', '"abc-123"'],
    [42n, '"42"'],
  ])('%o → %s', (uid, want) => {
    expect(clusterUidText(ctxWith({ agent: { clusterUid: uid } }))).toBe(want);
  });
});

describe('agent.serviceAccountName', () => {
  it.each([
    [{ create: true, name: '' }, {}, 'prefect-agent'],
    [{ create: true, name: 'mine' }, {}, 'mine'],
    [{ create: false, name: '' }, {}, 'default'],
    [{ create: false, name: 'shared' }, {}, 'shared'],
    [{ create: true, name: 12345n }, {}, '12345'],
    [{ create: true }, { fullnameOverride: 'custom' }, 'custom'],
  ])('%o %o → %s', (serviceAccount, more, want) => {
    expect(serviceAccountName(ctxWith({ serviceAccount, ...more }))).toBe(want);
  });
});

describe('listItem (`- {{ text }}`)', () => {
  it.each([
    ['--verbose', '--verbose'],
    ['75', 75],
    ['yes', true],
    ['#c', null],
    ['', null],
    ['a: b', { a: 'b' }],
    ['a:', { a: null }],
    ['- x', ['x']],
    ['- a: 1', [{ a: 1 }]],
    ['[1, 2]', [1, 2]],
    ['a\n', 'a'],
  ])('%o → %o', (text, want) => {
    expect(listItem(text)).toEqual(want);
  });
  it.each(['a: b: c', 'a\nb'])('%o breaks the YAML', (text) => {
    expect(() => listItem(text)).toThrow();
  });
});

describe('inline (`key: {{ v }}` at an indented position)', () => {
  it.each([
    ['high', 'high'],
    ['007', 7],
    ['a\n', 'a'],
    ['a\n  \n', 'a'],
    [null, null],
  ])('%o → %o', (v, want) => {
    expect(inline(v)).toEqual(want);
  });
  it.each(['a\nb', '|\n  x'])('%o runs on to a column-0 line and breaks the YAML', (v) => {
    expect(() => inline(v)).toThrow();
  });
});

describe('deprecation', () => {
  it('is one line pointing to the worker chart', () => {
    expect(deprecation).not.toContain('\n');
    expect(deprecation).toContain('prefect-worker');
  });
});
