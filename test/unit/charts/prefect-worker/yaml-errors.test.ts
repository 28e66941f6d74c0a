// Values that break the YAML helm renders: helm v3.10.1 fails on each (helm template on the upstream chart;
// its error given as the comment). Not goldens, since helm's YAML errors carry no chart message to compare.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../golden-harness.js';

const BASE = ['--set', 'worker.config.workPool=pool', '--set', 'worker.cloudApiConfig.accountId=acc', '--set', 'worker.cloudApiConfig.workspaceId=ws'];

describe('prefect-worker: rendered YAML helm cannot read', () => {
  it.each<[string, string[]]>([
    // yaml: line 68: could not find expected ':'
    ['a work queue spanning two lines', ['--set-json', 'worker.config.workQueues=["multi\\nline"]']],
    // yaml: line 64: did not find expected key
    ['a lone colon as an extra arg', ['--set-json', 'worker.extraArgs=[":"]']],
    // json: unsupported value: +Inf
    ['an API key Secret key of .inf', ['--set-string', 'worker.cloudApiConfig.apiKeySecret.key=.inf']],
    // json: unsupported value: NaN
    ['a priority class of .nan', ['--set-string', 'worker.priorityClassName=.nan']],
    // yaml: line 86: could not find expected ':' (the second line of the API key Secret name ends the secretKeyRef)
    ['a multi-line Secret name', ['--set-json', 'worker.cloudApiConfig.apiKeySecret.name="a\\nb"']],
  ])('%s', async (_name, args) => {
    const r = await runCli(['render', 'prefect-worker', ...BASE, ...args], process.cwd());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('YAML parse error');
  });

  // helm prints `dnsPolicy: a` and `         b` on the next line, which YAML folds into "a b".
  it('a continuation line indented deeper than its key is folded, as helm folds it', async () => {
    const r = await runCli(['render', 'prefect-worker', ...BASE, '--set-json', 'worker.dnsPolicy="a\\n         b"'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dnsPolicy: a b\n');
  });
});
