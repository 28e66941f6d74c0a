// helm v3.10.1 fails on each of these values (helm template on the upstream chart); comments give its error.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../golden-harness.js';

describe('prefect-agent: values helm stops on', () => {
  it.each<[string, string[], string]>([
    // _capabilities.tpl: executing "common.capabilities.kubeVersion" at <.Values.global>: can't evaluate field kubeVersion in type string
    ['global given as a string', ['--set', 'global=default'], "can't evaluate field kubeVersion"],
    // yaml: line 32: could not find expected ':'
    ['pod labels as flow mapping text', ['--set-json', 'agent.podLabels="{\\"team\\":10}"'], 'YAML parse error'],
    // yaml: line 93: did not find expected '-' indicator
    ['extra containers as flow list text', ['--set-string', 'agent.extraContainers=[]'], 'YAML parse error'],
  ])('%s', async (_name, args, needle) => {
    const r = await runCli(['render', 'prefect-agent', ...args], process.cwd());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(needle);
  });
});

// helm: a nameOverride of "a\n\nb" → yaml: line 10: could not find expected ':'; "a\n b" folds to "a b".
describe('prefect-agent: a multi-line nameOverride in the labels', () => {
  it('fails when a further line starts at the label column', async () => {
    const r = await runCli(['render', 'prefect-agent', '--set-json', 'nameOverride="a\\n\\nb"'], process.cwd());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('YAML parse error');
  });
  it('folds an indented further line into the label', async () => {
    const r = await runCli(['render', 'prefect-agent', '--set-json', 'nameOverride="a\\n b"'], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('app.kubernetes.io/name: a b\n');
  });
});
