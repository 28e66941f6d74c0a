// render and lint take their positional arguments as helm template does: `[RELEASE] CHART`, with an
// optional repository prefix on the chart (`prefect/prefect-server`), so a helm command line carries over.
import { describe, expect, it } from 'vitest';
import { runCli } from './golden-harness.js';

const cwd = import.meta.dirname;

describe('helm template positional arguments', () => {
  it('takes a release name before the chart, and a repository prefix on the chart', async () => {
    const helmStyle = await runCli(['render', 'my-rel', 'prefect/prometheus-prefect-exporter', '-n', 'mon'], cwd);
    const flags = await runCli(['render', 'prometheus-prefect-exporter', '--release', 'my-rel', '-n', 'mon'], cwd);
    expect(helmStyle).toEqual(flags);
    expect(flags.code).toBe(0);
    expect(flags.stdout).toContain('\n  name: my-rel-prometheus-prefect-exporter\n  namespace: mon\n');
  });

  it('accepts the same release name as a flag too', async () => {
    const both = await runCli(['render', 'r1', 'prometheus-prefect-exporter', '--release', 'r1'], cwd);
    expect(both.code).toBe(0);
  });

  it('lint takes them as well', async () => {
    const lint = await runCli(['lint', 'r1', 'prefect/prometheus-prefect-exporter', '--format', 'json'], cwd);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout).chart).toBe('prometheus-prefect-exporter');
  });

  it.each<[string[], string]>([
    [['render', 'a', 'prometheus-prefect-exporter', '--release', 'b'], 'error: release name given twice: "a" and --release b\n'],
    [['render', 'a', 'b', 'c'], 'error: "render" takes a chart, or a release name and a chart; got: a b c\n'],
    [['render', './prometheus-prefect-exporter'], 'error: unknown chart "./prometheus-prefect-exporter": expected one of prefect-agent, prefect-server, prefect-worker, prometheus-prefect-exporter\n'],
    [['render', 'prefect/nope'], 'error: unknown chart "prefect/nope": expected one of prefect-agent, prefect-server, prefect-worker, prometheus-prefect-exporter\n'],
  ])('%j is a usage error', async (argv, message) => {
    expect(await runCli(argv, cwd)).toEqual({ code: 2, stdout: '', stderr: message });
  });
});
