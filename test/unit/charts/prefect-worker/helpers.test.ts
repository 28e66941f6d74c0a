// The worker chart's helpers and its checksum text; expectations are helm v3.10.1's (goldens and direct runs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configMapText, nindent } from '../../../../charts/prefect-worker/templates/configmap.js';
import { apiUrl, baseJobTemplateName, clusterUUID, serviceAccountName } from '../../../../charts/prefect-worker/templates/helpers.js';
import { eqString, fmtS, rangeValues as rangeOf, TemplateExecError, val } from '../../../../src/renderer/helpers/index.js';
import type { RenderContext } from '../../../../src/renderer/context.js';
import { chartContext } from '../chart-context.js';
import { ChartFailure } from '../../../../src/renderer/errors.js';

const GOLDEN = join(import.meta.dirname, '../../../golden/prefect-worker');

function ctxWith(values: Record<string, unknown>, release = 'prefect-worker', ns = 'default'): RenderContext {
  return chartContext(values, { chart: 'prefect-worker', appVersion: '3-latest', commonVersion: '2.31.3', release, namespace: ns });
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function worker(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiConfig: 'cloud',
    cloudApiConfig: { cloudUrl: 'https://api.prefect.cloud/api', accountId: 'acc', workspaceId: 'ws' },
    selfManagedCloudApiConfig: { apiUrl: '', accountId: '', workspaceId: '' },
    selfHostedServerApiConfig: { apiUrl: '' },
    clusterUid: '',
    config: { baseJobTemplate: { existingConfigMapName: '', configuration: null } },
    ...over,
  };
}

describe('val (field chains as text/template evaluates them)', () => {
  it.each([
    [{ a: { b: 1 } }, 'a.b', 1],
    [{ a: {} }, 'a.b', undefined],
    [{ a: { b: null } }, 'a.b', null],
  ])('%j %s → %j', (values, path, expected) => {
    expect(val(ctxWith(values), path)).toBe(expected);
  });

  it.each([
    [{}, 'a.b', 'nil pointer evaluating interface {}.b'],
    [{ a: null }, 'a.b.c', 'nil pointer evaluating interface {}.b'],
    [{ a: 'text' }, 'a.b', "can't evaluate field b in type interface {}"],
  ])('%j %s fails: %s', (values, path, message) => {
    expect(() => val(ctxWith(values), path)).toThrow(message);
  });
});

describe('rangeOf / eqString / fmtS', () => {
  it('ranges over lists, map values by sorted key, and nothing for nil', () => {
    expect(rangeOf(['a', 'b'], 'x')).toEqual(['a', 'b']);
    expect(rangeOf({ b: 2, a: 1 }, 'x')).toEqual([1, 2]);
    expect(rangeOf(undefined, 'x')).toEqual([]);
    expect(() => rangeOf('abc', 'x')).toThrow(TemplateExecError);
  });

  it.each([
    [undefined, false],
    ['cloud', true],
    ['selfHostedServer', false],
  ])('eq %j "cloud" → %s', (v, expected) => {
    expect(eqString(v, 'cloud', 'x')).toBe(expected);
  });

  it('eq on a non-string value is an incompatible comparison', () => {
    expect(() => eqString(true, 'cloud', 'x')).toThrow('incompatible types for comparison');
  });

  it.each([
    ['s', 's'],
    [null, '%!s(<nil>)'],
    [true, '%!s(bool=true)'],
    [2, '%!s(float64=2)'],
  ])('%%s of %j → %s', (v, expected) => {
    expect(fmtS(v)).toBe(expected);
  });
});

describe('named templates', () => {
  it.each([
    ['cloud', worker(), '"https://api.prefect.cloud/api/accounts/acc/workspaces/ws"'],
    [
      'selfManagedCloud',
      worker({ apiConfig: 'selfManagedCloud', selfManagedCloudApiConfig: { apiUrl: 'https://sm/api', accountId: 'a', workspaceId: 'w' } }),
      '"https://sm/api/accounts/a/workspaces/w"',
    ],
    ['selfHostedServer', worker({ apiConfig: 'selfHostedServer', selfHostedServerApiConfig: { apiUrl: 'http://s:4200/api' } }), '"http://s:4200/api"'],
    ['no apiConfig', worker({ apiConfig: undefined }), ''],
  ])('worker.apiUrl for %s', (_name, w, expected) => {
    expect(apiUrl(ctxWith({ worker: w }))).toBe(expected);
  });

  it.each([
    [worker({ cloudApiConfig: { cloudUrl: 'u', accountId: '', workspaceId: '' } }), 'A Prefect Cloud Account ID is required (worker.cloudApiConfig.accountId)'],
    [worker({ cloudApiConfig: { cloudUrl: 'u', accountId: 'a', workspaceId: null } }), 'A Prefect Cloud Workspace ID is required (worker.cloudApiConfig.workspaceId)'],
    [
      worker({ apiConfig: 'selfManagedCloud', selfManagedCloudApiConfig: { apiUrl: '', accountId: '', workspaceId: '' } }),
      'The Self-managed Cloud API URL is required (worker.selfManagedCloudApiConfig.apiUrl)',
    ],
    [
      worker({ apiConfig: 'selfManagedCloud', selfManagedCloudApiConfig: { apiUrl: 'u', accountId: '', workspaceId: '' } }),
      'A Prefect Cloud Account ID is required (worker.selfManagedCloudApiConfig.accountId)',
    ],
    [
      worker({ apiConfig: 'selfManagedCloud', selfManagedCloudApiConfig: { apiUrl: 'u', accountId: 'a', workspaceId: '' } }),
      'A Prefect Cloud Workspace ID is required (worker.selfManagedCloudApiConfig.workspaceId)',
    ],
    [worker({ apiConfig: 'selfHostedServer' }), 'The Prefect Server API URL is required (worker.selfHostedServerApiConfig.apiUrl)'],
  ])('worker.apiUrl fails with the chart message (%#)', (w, message) => {
    const run = (): string => apiUrl(ctxWith({ worker: w }));
    expect(run).toThrow(ChartFailure);
    expect(run).toThrow(message);
  });

  it('worker.clusterUUID: the set value quoted, else the empty UID helm template renders without a cluster', () => {
    expect(clusterUUID(ctxWith({ worker: worker({ clusterUid: '000123' }) }))).toBe('"000123"');
    expect(clusterUUID(ctxWith({ worker: worker() }))).toBe('""');
  });

  it.each([
    [{ configuration: '{}', existingConfigMapName: 'cm' }, 'prefect-worker-base-job-template'],
    [{ configuration: '{}', name: 'custom' }, 'custom'],
    [{ configuration: '', existingConfigMapName: 'cm' }, 'cm'],
    [{ configuration: null, existingConfigMapName: '' }, ''],
  ])('worker.baseJobTemplateName for %j → %j', (bjt, expected) => {
    expect(baseJobTemplateName(ctxWith({ worker: worker({ config: { baseJobTemplate: bjt } }) }))).toBe(expected);
  });

  it.each([
    [{ create: true, name: '' }, 'prefect-worker'],
    [{ create: true, name: 'mine' }, 'mine'],
    [{ create: false, name: '' }, 'default'],
  ])('worker.serviceAccountName for %j → %s', (sa, expected) => {
    expect(serviceAccountName(ctxWith({ serviceAccount: sa, fullnameOverride: 'prefect-worker' }))).toBe(expected);
  });
});

describe('configmap.yaml text and the checksum/config annotation', () => {
  it('sprig nindent pads every line, blank ones too', () => {
    expect(nindent(2, 'a\n\nb')).toBe('\n  a\n  \n  b');
  });

  it('without an inline template the file renders to its final newline only', () => {
    const text = configMapText(ctxWith({ worker: worker() }));
    expect(text).toBe('\n');
    expect(sha256(text)).toBe('01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b');
  });

  it('escapes <, > and & as Go json does and sorts the label keys', () => {
    const text = configMapText(
      ctxWith({ worker: worker({ config: { baseJobTemplate: { configuration: 'a<b>&c' } } }), commonLabels: { b: 'x', a: 'y' } }),
    );
    expect(text).toContain('  baseJobTemplate.json: "a\\u003cb\\u003e\\u0026c"\n');
    expect(text).toContain(
      '  labels:\n    a: "y"\n    app.kubernetes.io/instance: prefect-worker\n    app.kubernetes.io/managed-by: Helm\n' +
        '    app.kubernetes.io/name: prefect-worker\n    app.kubernetes.io/version: 3-latest\n    b: x\n' +
        '    helm.sh/chart: prefect-worker-0.0.0\n    app.kubernetes.io/component: worker\ndata:\n',
    );
  });

  // Cases whose values need no templating: the text alone must hash to helm's annotation.
  it.each([
    ['base-job-template-configuration', 'batch', 'jobs'],
    ['base-job-template-custom-name-and-init-container', 'prefect-worker', 'default'],
    ['x-base-job-template-set-json', 'prefect-worker', 'default'],
    ['x-self-managed-cloud-base-job-template', 'prefect-worker', 'default'],
  ])('hashes to the checksum helm rendered for %s', (name, release, ns) => {
    const dir = join(GOLDEN, name);
    const spec = parse(readFileSync(join(dir, 'case.yaml'), 'utf8')) as { args?: string[] };
    const values = parse(readFileSync(join(dir, 'values.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    const json = (spec.args ?? []).find((a) => a.startsWith('worker.config.baseJobTemplate='));
    if (json) {
      (values.worker.config as Record<string, unknown>).baseJobTemplate = JSON.parse(json.slice(json.indexOf('=') + 1));
    }
    const expected = /checksum\/config: (\w+)/.exec(readFileSync(join(dir, 'expected.yaml'), 'utf8'))?.[1];
    expect(sha256(configMapText(ctxWith(values, release, ns)))).toBe(expected);
  });
});
