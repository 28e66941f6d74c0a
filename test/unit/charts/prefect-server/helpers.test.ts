// The server chart's helpers, its validations and the common.ingress helpers it relies on;
// expectations are helm v3.10.1's on prefect-helm 00fb799.
import { describe, expect, it } from 'vitest';
import {
  at,
  backgroundServicesServiceAccountName,
  goEq,
  listItems,
  mapEntries,
  postgresConnectionString,
  postgresSecretName,
  probe,
  serverServiceAccountName,
  ternary,
  toInt,
  uiUrl,
} from '../../../../charts/prefect-server/templates/helpers.js';
import { validatePrefectServerApiSettings, validatePrefectVersion } from '../../../../charts/prefect-server/templates/validation.js';
import type { RenderContext } from '../../../../src/renderer/context.js';
import { chartContext } from '../chart-context.js';
import { TemplateExecError } from '../../../../src/renderer/helpers/index.js';
import { certManagerRequest, ingressBackend, ingressBackendText, supportsPathType } from '../../../../src/renderer/helpers/index.js';

function ctxWith(values: Record<string, unknown>, opts: { release?: string; namespace?: string; kube?: string } = {}): RenderContext {
  return chartContext(values, { chart: 'prefect-server', appVersion: '3-latest', commonVersion: '2.27.0', release: opts.release, namespace: opts.namespace, kubeVersion: opts.kube });
}

/** The subchart values the parent sees once coalesced (the parts the connection string reads). */
const bundled = (auth: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  enabled: true,
  architecture: 'standalone',
  auth: { username: 'prefect', password: 'prefect-rocks', database: 'server', existingSecret: '', ...auth },
  primary: { name: 'primary', service: { ports: { postgresql: 5432 } } },
  global: { postgresql: { auth: { username: '' }, service: { ports: { postgresql: '' } } } },
  ...extra,
});

describe('at (field walk with missingkey=zero)', () => {
  it.each([
    [{ a: { b: 1 } }, 'a.b', 1],
    [{ a: {} }, 'a.b.c', undefined],
    [{}, 'a.b.c', undefined],
  ])('%j %s → %j', (root, path, want) => {
    expect(at(root, path)).toBe(want);
  });

  it.each([
    [{ a: null }, 'a.b', /nil pointer evaluating interface \{\}\.b/],
    [{ a: 'x' }, 'a.b', /can't evaluate field b in type interface \{\}/],
    [{ a: [1] }, 'a.b', /can't evaluate field b in type interface \{\}/],
  ])('%j %s stops the render', (root, path, message) => {
    expect(() => at(root, path)).toThrow(message);
  });
});

describe('toInt (sprig int)', () => {
  it.each([
    [4200, 4200],
    [4200.9, 4200],
    [8081n, 8081],
    ['8080', 8080],
    ['0x1F90', 8080],
    ['0o17', 15],
    ['017', 15],
    ['0b101', 5],
    ['-12', -12],
    ['http', 0],
    ['1_000', 0],
    ['0x1_0', 16],
    ['08', 0],
    ['', 0],
    [true, 1],
    [false, 0],
    [null, 0],
    [{ a: 1 }, 0],
    [1e21, -9223372036854775808n],
    [-1e300, -9223372036854775808n],
    [Infinity, -9223372036854775808n],
    [2 ** 60, 2n ** 60n],
    ['9223372036854775807', 9223372036854775807n],
    ['9223372036854775808', 0],
  ])('%s → %s', (v, want) => {
    expect(toInt(v)).toBe(want);
  });
});

describe('ternary and eq keep Go types', () => {
  it('picks by a bool', () => {
    expect(ternary(1, 5, true, 'sqlite.enabled')).toBe(1);
    expect(ternary(1, 5, false, 'sqlite.enabled')).toBe(5);
  });
  it.each([[null], ['true'], [1]])('a %j condition stops the render', (cond) => {
    expect(() => ternary(1, 5, cond, 'sqlite.enabled')).toThrow(TemplateExecError);
  });
  it.each([
    ['ClusterIP', 'ClusterIP', true],
    ['NodePort', 'ClusterIP', false],
    [null, 'ClusterIP', false],
    [undefined, 'ClusterIP', false],
  ])('eq %j %j → %j', (v, s, want) => {
    expect(goEq(v, s, 'service.type')).toBe(want);
  });
  it('eq of a number and a string stops the render', () => {
    expect(() => goEq(1, 'ClusterIP', 'service.type')).toThrow(/incompatible types for comparison/);
  });
});

describe('templated blocks spliced into lists and maps', () => {
  it.each([
    [null, []],
    [[{ name: 'a' }], [{ name: 'a' }]],
  ])('list items of %j', (rendered, want) => {
    expect(listItems(rendered, 'server.env')).toEqual(want);
  });
  it.each([['a: b'], [{ a: 1 }], [3]])('a %j is not list items', (rendered) => {
    expect(() => listItems(rendered, 'server.env')).toThrow(/YAML parse error/);
  });
  it('map entries', () => {
    expect(mapEntries(null, 'commonLabels')).toEqual({});
    expect(mapEntries({ a: 1 }, 'commonLabels')).toEqual({ a: 1 });
    expect(() => mapEntries(['a'], 'commonLabels')).toThrow(/YAML parse error/);
  });
});

describe('service account names', () => {
  it.each([
    [{ create: true, name: '' }, 'prefect-server'],
    [{ create: true, name: 'custom' }, 'custom'],
    [{ create: false, name: '' }, 'default'],
    [{ create: false, name: 'shared' }, 'shared'],
  ])('server %j → %s', (sa, want) => {
    expect(serverServiceAccountName(ctxWith({ fullnameOverride: 'prefect-server', serviceAccount: sa }))).toBe(want);
  });

  it.each([
    [{ create: true, name: '' }, true, 'prefect-server-background-services'],
    [{ create: true, name: 'bg' }, true, 'bg'],
    [{ create: true, name: '' }, false, 'default'],
    [{ create: false, name: '' }, true, 'default'],
    [{ create: false, name: 'bg' }, false, 'bg'],
  ])('background services %j separate=%j → %s', (sa, separate, want) => {
    const values = { fullnameOverride: 'prefect-server', backgroundServices: { runAsSeparateDeployment: separate, serviceAccount: sa } };
    expect(backgroundServicesServiceAccountName(ctxWith(values))).toBe(want);
  });
});

describe('connection Secret', () => {
  it.each([
    [{ postgresql: { auth: { existingSecret: 'pg' } }, secret: { name: 'named' } }, 'pg'],
    [{ postgresql: { auth: { existingSecret: '' } }, secret: { name: 'named' } }, 'named'],
    [{ postgresql: { auth: {} }, secret: { name: '' } }, 'prefect-server-postgresql-connection'],
    [{ postgresql: { enabled: false, auth: {} }, secret: { name: 12 } }, '12'],
  ])('name from %j → %s', (values, want) => {
    expect(postgresSecretName(ctxWith({ fullnameOverride: 'prefect-server', ...values }))).toBe(want);
  });

  it.each([
    ['bundled, default names', { postgresql: bundled() }, {}, 'postgresql+asyncpg://prefect:prefect-rocks@prefect-server-postgresql.default:5432/server'],
    [
      'bundled, release containing the chart name',
      { postgresql: bundled() },
      { release: 'my-postgresql', namespace: 'db' },
      'postgresql+asyncpg://prefect:prefect-rocks@my-postgresql.db:5432/server',
    ],
    [
      'bundled, global username and port win',
      {
        postgresql: bundled({}, { global: { postgresql: { auth: { username: 'bob' }, service: { ports: { postgresql: '7777' } } } } }),
      },
      {},
      'postgresql+asyncpg://bob:prefect-rocks@prefect-server-postgresql.default:7777/server',
    ],
    [
      'bundled, replication architecture names the primary',
      { postgresql: bundled({}, { architecture: 'replication', fullnameOverride: 'db' }) },
      {},
      'postgresql+asyncpg://prefect:prefect-rocks@db-primary.default:5432/server',
    ],
    [
      'external, integer port',
      { postgresql: { enabled: false }, secret: { username: 'u', password: 'p', host: 'h', port: 5433, database: 'd' } },
      {},
      'postgresql+asyncpg://u:p@h:5433/d',
    ],
  ])('%s', (_name, values, opts, want) => {
    expect(postgresConnectionString(ctxWith(values, opts))).toBe(want);
  });

  it.each([
    [{ postgresql: bundled({ password: '' }) }, '.Values.postgresql.auth.password is required.'],
    [{ postgresql: bundled({ database: '' }) }, '.Values.postgresql.auth.database is required.'],
    [{ postgresql: { enabled: false }, secret: {} }, '.Values.secret.username is required.'],
    [{ postgresql: { enabled: false }, secret: { username: 'u' } }, '.Values.secret.password is required.'],
    [{ postgresql: { enabled: false }, secret: { username: 'u', password: 'p' } }, '.Values.secret.host is required.'],
    [{ postgresql: { enabled: false }, secret: { username: 'u', password: 'p', host: 'h', port: '' } }, '.Values.secret.port is required.'],
    [{ postgresql: { enabled: false }, secret: { username: 'u', password: 'p', host: 'h', port: 0 } }, '.Values.secret.database is required.'],
  ])('the first missing part of %j fails with the chart message', (values, message) => {
    expect(() => postgresConnectionString(ctxWith(values))).toThrow(message);
  });
});

describe('probes', () => {
  it('config keys join the fixed httpGet, a repeated httpGet replaces it', () => {
    const ctx = ctxWith({ service: { targetPort: 4200 }, p: { periodSeconds: 3, httpGet: { path: '/x' } } });
    expect(probe(ctx, '/api/health', 'p')).toEqual({ httpGet: { path: '/x' }, periodSeconds: 3 });
  });
  it.each([[{}], [null], [['a']]])('a %j config breaks the YAML', (config) => {
    expect(() => probe(ctxWith({ p: config }), '/api/health', 'p')).toThrow(/YAML parse error/);
  });
});

describe('validatePrefectVersion', () => {
  const withTag = (tag: unknown, separate = true) =>
    ctxWith({ backgroundServices: { runAsSeparateDeployment: separate }, global: { prefect: { image: { prefectTag: tag } } } });

  it.each([['3.1.13'], ['3.1.13-python3.12'], ['3.2.0'], ['3.01.13'], ['4.0.0'], ['10.0.0']])('%s passes', (tag) => {
    expect(() => validatePrefectVersion(withTag(tag))).not.toThrow();
  });

  it.each([
    ['latest', 'Prefect tag must start with a version number'],
    ['v3.1.13', 'Prefect tag must start with a version number'],
    ['3-latest', 'Prefect tag must be in format X.Y.Z'],
    ['3.1', 'Prefect tag must be in format X.Y.Z'],
    ['3.1.12', 'Prefect version must be 3.1.13 or higher'],
    ['3.0.99', 'Prefect version must be 3.1.13 or higher'],
    ['2.99.99', 'Prefect version must be 3.1.13 or higher'],
  ])('%s fails: %s', (tag, message) => {
    expect(() => validatePrefectVersion(withTag(tag))).toThrow(`When running background services separately, ${message}`);
  });

  it('is only checked when the services run separately', () => {
    expect(() => validatePrefectVersion(withTag('3-latest', false))).not.toThrow();
  });
});

describe('removed settings', () => {
  it.each([
    [{ global: { prefect: { prefectApiUrl: 'http://x/api' } } }, '`global.prefect.prefectApiUrl` has been removed.'],
    [{ global: { prefect: { prefectApiHost: '0.0.0.0' } } }, '`global.prefect.prefectApiHost` has been removed.'],
    [{ global: { prefect: {} }, server: { uiConfig: { prefectUiUrl: 'http://x' } } }, '`server.uiConfig.prefectUiUrl` has been removed.'],
  ])('%j fails', (values, message) => {
    expect(() => validatePrefectServerApiSettings(ctxWith(values))).toThrow(message);
  });
  it('empty values of the removed keys are fine', () => {
    const values = { global: { prefect: { prefectApiUrl: '' } }, server: { uiConfig: { prefectUiUrl: '' } } };
    expect(() => validatePrefectServerApiSettings(ctxWith(values))).not.toThrow();
  });
});

describe('uiUrl', () => {
  it('drops every /api', () => {
    expect(uiUrl(ctxWith({ server: { uiConfig: { prefectUiApiUrl: 'http://h/api/x/api' } } }))).toBe('http://h/x');
  });
  it('needs a string', () => {
    expect(() => uiUrl(ctxWith({ server: { uiConfig: {} } }))).toThrow(/expected string; got interface \{\}/);
  });
});

describe('common.ingress helpers', () => {
  it.each([
    ['1.25.0', 'server-svc-port', { service: { name: 'svc', port: { name: 'server-svc-port' } } }],
    ['1.25.0', 4200, { service: { name: 'svc', port: { number: 4200 } } }],
    ['1.25.0', true, { service: { name: 'svc', port: null } }],
    ['1.18.0', 'server-svc-port', { serviceName: 'svc', servicePort: 'server-svc-port' }],
    ['1.13.0', 4200, { serviceName: 'svc', servicePort: 4200 }],
  ])('backend at %s for port %j', (kube, port, want) => {
    expect(ingressBackend(ctxWith({}, { kube }), 'svc', port)).toEqual(want);
  });

  it('backend text for include', () => {
    expect(ingressBackendText(ctxWith({}), 'svc', 80)).toBe('service:\n  name: svc\n  port:\n    number: 80');
    expect(ingressBackendText(ctxWith({}, { kube: '1.18.0' }), 'svc', 'http')).toBe('serviceName: svc\nservicePort: http');
  });

  it.each([
    ['1.17.9', false],
    ['1.18.0', true],
    ['1.18.0-gke.1', true],
  ])('pathType at %s → %j', (kube, want) => {
    expect(supportsPathType(ctxWith({}, { kube }))).toBe(want);
  });

  it.each([
    [{ 'cert-manager.io/cluster-issuer': 'x' }, true],
    [{ 'cert-manager.io/issuer': '' }, true],
    [{ 'kubernetes.io/tls-acme': 'false' }, true],
    [{ 'nginx.ingress.kubernetes.io/rewrite-target': '/' }, false],
    [{}, false],
    [null, false],
  ])('cert-manager request in %j → %j', (annotations, want) => {
    expect(certManagerRequest(annotations)).toBe(want);
  });
});
