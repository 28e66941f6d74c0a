// helm v3.10.1 fails on each of these values (helm template on the upstream chart); comments give its error.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../golden-harness.js';

describe('prometheus-prefect-exporter: values helm stops on', () => {
  it.each<[string, string[], string]>([
    // yaml: line 6: could not find expected ':'
    ['a multi-line fullnameOverride', ['--set-json', 'fullnameOverride="a\\nb"'], 'YAML parse error'],
    // json: unsupported value: +Inf
    ['a service type of .inf', ['--set-string', 'service.type=.inf'], 'YAML parse error'],
    // json: cannot unmarshal array into Go struct field .metadata.name of type string
    ['a ServiceAccount name that reads as a list', ['--set-string', 'serviceAccount.name=[1]'], 'metadata.name'],
    // NOTES.txt:8:39: ... <.Values.service.type>: wrong type for value; expected string; got interface {}
    ['no service type (NOTES.txt contains)', ['--set', 'service.type=null'], 'expected string'],
    // deployment.yaml:40:20: ... common.images.image at <.imageRoot.registry>: nil pointer evaluating interface {}.registry
    ['no image (null removes the default)', ['--set', 'image=null'], 'nil pointer evaluating interface {}.registry'],
  ])('%s', async (_name, args, needle) => {
    const r = await runCli(['render', 'prometheus-prefect-exporter', ...args], process.cwd());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(needle);
  });
});
