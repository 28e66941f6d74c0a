// Flags are read as helm (spf13/pflag) reads them.
import { describe, expect, it } from 'vitest';
import { parseFlags, type FlagSpec } from '../../../src/cli/args.js';

const SPEC: FlagSpec = {
  namespace: { type: 'string', short: 'n' },
  values: { type: 'string', short: 'f', multiple: true },
  set: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const parse = (...argv: string[]) => {
  const { values, positionals } = parseFlags('render', argv, SPEC);
  return { values: { ...values }, positionals };
};

describe('parseFlags', () => {
  it.each<[string[], Record<string, unknown>]>([
    [['--namespace', 'ns'], { namespace: 'ns' }],
    [['--namespace=ns'], { namespace: 'ns' }],
    [['-n', 'ns'], { namespace: 'ns' }],
    [['-nns'], { namespace: 'ns' }],
    [['-n=ns'], { namespace: 'ns' }],
    [['--namespace='], { namespace: '' }],
    [['-n', 'a', '-n', 'b'], { namespace: 'b' }],
    [['-f', 'a.yaml', '--values', 'b.yaml', '-fc.yaml'], { values: ['a.yaml', 'b.yaml', 'c.yaml'] }],
    [['--set', 'a=1', '--set=b=2'], { set: ['a=1', 'b=2'] }],
    [['--set', '-x=1'], { set: ['-x=1'] }],
    [['--strict'], { strict: true }],
    [['--strict=false'], { strict: false }],
    [['--strict=T'], { strict: true }],
    [['-h'], { help: true }],
    [['-hnns'], { help: true, namespace: 'ns' }],
  ])('%j', (argv, values) => {
    expect(parse(...argv)).toEqual({ values, positionals: [] });
  });

  it('takes positionals anywhere, `-` as one, and everything after `--`', () => {
    expect(parse('rel', '-n', 'ns', 'chart', '-', '--', '--set', 'x')).toEqual({
      values: { namespace: 'ns' },
      positionals: ['rel', 'chart', '-', '--set', 'x'],
    });
  });

  it.each<[string[], string]>([
    [['--valeus', 'x'], 'unknown flag --valeus for "render" (did you mean --values?)'],
    [['--bogus=1'], 'unknown flag --bogus for "render"'],
    [['-x'], 'unknown flag -x for "render"'],
    [['--namespace'], 'flag --namespace needs a value'],
    [['-f'], 'flag -f needs a value'],
    [['--strict=maybe'], 'flag --strict takes no value, or true or false; got "maybe"'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
    try {
      parse(...argv);
    } catch (e) {
      expect((e as { code?: string }).code).toBe('USAGE');
    }
  });

  it('does not let a flag named like an Object member through', () => {
    expect(() => parse('--constructor', 'x')).toThrow('unknown flag --constructor');
    expect(() => parse('--__proto__', 'x')).toThrow('unknown flag --__proto__');
  });
});
