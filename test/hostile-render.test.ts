// `__proto__`, `constructor` and `prototype` as keys, from values files and from every --set flag, through the
// whole render of every chart: Object.prototype is never touched, and each key is kept as an ordinary key or
// refused with a clear one-line error (issue #10).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { runCli } from './golden-harness.js';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

const dir = tempDir('pc-proto-');
writeFileSync(join(dir, 'polluted.txt'), 'yes');
writeFileSync(
  join(dir, 'hostile.yaml'),
  [
    '__proto__:',
    '  polluted: yes',
    'constructor:',
    '  prototype:',
    '    polluted: yes',
    'prototype:',
    '  polluted: yes',
    'global:',
    '  __proto__: {polluted: yes}',
    '',
  ].join('\n'),
);

const WORKER = ['--set', 'worker.config.workPool=p', '--set', 'worker.cloudApiConfig.accountId=a', '--set', 'worker.cloudApiConfig.workspaceId=b'];
const CHARTS: Array<[string, string[]]> = [
  ['prefect-server', []],
  ['prefect-worker', WORKER],
  ['prefect-agent', ['--set', 'agent.config.workPool=p']],
  ['prometheus-prefect-exporter', []],
];

const FLAGS: Array<[string, string[]]> = [
  ['a values file', ['-f', 'hostile.yaml']],
  ['--set', ['--set', '__proto__.polluted=yes', '--set', 'constructor.prototype.polluted=yes', '--set', 'prototype.polluted=yes']],
  ['--set-string', ['--set-string', '__proto__.polluted=yes,constructor.prototype.polluted=yes']],
  ['--set-json', ['--set-json', '__proto__={"polluted":"yes"}', '--set-json', 'constructor={"prototype":{"polluted":"yes"},"__proto__":{"polluted":"yes"}}']],
  ['--set-file', ['--set-file', '__proto__.polluted=polluted.txt', '--set-file', 'constructor.prototype.polluted=polluted.txt']],
  ['--set list', ['--set', 'prototype[0].__proto__.polluted=yes']],
];

describe.each(CHARTS)('%s', (chart, base) => {
  it.each(FLAGS)('hostile keys from %s: no pollution, kept or refused clearly', async (_name, flags) => {
    const r = await runCli(['render', chart, ...base, ...flags], dir);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at |TypeError|polluted: yes\b.*not allowed here.*\n.*polluted/);
    if (r.code === 1) {
      // Refused by the chart's schema: the key is named as the user wrote it.
      expect(r.stderr).toMatch(/^error: values don't meet the chart's schema:\n(  .*(__proto__|constructor|prototype).*\n)+$/);
    } else {
      expect(r.stdout).toContain('# Source:');
    }
  });
});

describe('hostile keys the charts print are kept as ordinary keys', () => {
  it.each<[string, string[], string]>([
    ['worker nodeSelector', ['render', 'prefect-worker', ...WORKER, '--set', 'worker.nodeSelector.__proto__=ns'], '__proto__: ns'],
    ['worker env from --set-json', ['render', 'prefect-worker', ...WORKER, '--set-json', 'worker.extraEnvVars=[{"name":"constructor","value":"x"}]'], '- name: constructor'],
    ['server annotations', ['render', 'prefect-server', '--set', 'server.podAnnotations.prototype=p'], 'prototype: p'],
  ])('%s', async (_name, argv, line) => {
    const r = await runCli(argv, dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(line);
  });
});
