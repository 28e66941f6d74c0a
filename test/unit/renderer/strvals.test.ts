// The --set family, checked against the outcomes of helm v3.10.1's pkg/strvals parser.
import { describe, expect, it } from 'vitest';
import { parseSetInto, SetParseError, typedValue, type SetKind } from '../../../src/renderer/values/strvals.js';

function parse(kind: SetKind, ...exprs: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const e of exprs) parseSetInto(kind, e, data, (p) => `content of ${p}\n`);
  return data;
}

describe('typedValue (--set typing)', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['null', null],
    ['NULL', null],
    ['0', 0n],
    ['1234567890', 1234567890n],
    ['-5', -5n],
    ['+5', 5n],
    ['007', '007'],
    ['00009', '00009'],
    ['1.5', '1.5'],
    ['1e3', '1e3'],
    ['0x10', '0x10'],
    ['9223372036854775808', '9223372036854775808'],
    ['', ''],
    ['yes', 'yes'],
  ])('%s → %s', (raw, expected) => {
    expect(typedValue(raw)).toEqual(expected);
  });
});

describe('--set', () => {
  it.each<[string, Record<string, unknown>]>([
    ['name1=null,f=false,t=true', { name1: null, f: false, t: true }],
    ['name1=value1,name2=value2,', { name1: 'value1', name2: 'value2' }],
    ['name1=,name2=value2', { name1: '', name2: 'value2' }],
    ['name1=one\\,two,name2=three\\,four', { name1: 'one,two', name2: 'three,four' }],
    ['name1=one\\=two', { name1: 'one=two' }],
    ['name1=one two three', { name1: 'one two three' }],
    ['outer.middle.inner=value', { outer: { middle: { inner: 'value' } } }],
    ['outer.inner1=value,outer.inner2=value2', { outer: { inner1: 'value', inner2: 'value2' } }],
    ['name1.name2=', { name1: { name2: '' } }],
    ['name1={value1,value2}', { name1: ['value1', 'value2'] }],
    ['name1={1021,902}', { name1: [1021n, 902n] }],
    ['name1.name2={value1,value2}', { name1: { name2: ['value1', 'value2'] } }],
    ['list[0]=foo', { list: ['foo'] }],
    ['list[0].foo=bar,list[0].hello=world', { list: [{ foo: 'bar', hello: 'world' }] }],
    ['list[0]=foo,list[3]=bar', { list: ['foo', null, null, 'bar'] }],
    ['noval[0]', { noval: [] }],
    ['noval[0]=', { noval: [''] }],
    ['nested[0][0]=1', { nested: [[1n]] }],
    ['nested[1][1]=1', { nested: [null, [null, 1n]] }],
    ['name1.name2[1].foo=bar', { name1: { name2: [null, { foo: 'bar' }] } }],
    ['podAnnotations.prometheus\\.io/port=8000', { podAnnotations: { 'prometheus.io/port': 8000n } }],
    ['a.b\\.c.d=x', { a: { 'b.c': { d: 'x' } } }],
  ])('%s', (expr, expected) => {
    expect(parse('set', expr)).toEqual(expected);
  });

  it('merges successive expressions into the same map', () => {
    expect(parse('set', 'outer.inner1=value', 'outer.inner2=2', 'outer.inner1=overwrite')).toEqual({
      outer: { inner1: 'overwrite', inner2: 2n },
    });
  });

  it.each([
    ['name1=value1,,,,name2=value2,', 'key "" has no value (cannot end with ,)'],
    ['name1,name2=', 'key "name1" has no value (cannot end with ,)'],
    ['name1', 'key "name1" has no value'],
    ['name1.name2', 'key "name2" has no value'],
    ['name1.=name2', 'key map "name1" has no value'],
    ['name1={1021,902', "list must terminate with '}'"],
    ['list[0].foo=bar,list[-30].hello=world', 'negative -30 index not allowed'],
    ['illegal[0]name.foo=bar', 'unexpected data at end of array index: "name"'],
    ['list[x]=1', 'list index "[x]" is not an integer'],
    ['list[70000]=1', 'index of 70000 is greater than maximum supported index of 65536'],
    [']={}].', 'cannot hold nested keys'],
  ])('%s fails: %s', (expr, message) => {
    const run = (): unknown => parse('set', expr);
    expect(run).toThrow(SetParseError);
    expect(run).toThrow(message);
  });

  it('names the flag and the expression in its message', () => {
    expect(() => parse('set', 'a.b')).toThrow('--set "a.b": key "b" has no value');
  });

  it('refuses to turn a scalar into a map', () => {
    expect(() => parse('set', 'a=1', 'a.b=2')).toThrow('"a" is already set to a number (1), so it cannot hold nested keys');
  });
});

describe('--set-string, --set-json, --set-file', () => {
  it.each<[SetKind, string, Record<string, unknown>]>([
    ['set-string', 'long_int_string=1234567890', { long_int_string: '1234567890' }],
    ['set-string', 'boolean=true,is_null=null,zero=0', { boolean: 'true', is_null: 'null', zero: '0' }],
    ['set-string', 'list={1,2}', { list: ['1', '2'] }],
    ['set-json', 'outer.inner1={"a":"1","b":2,"c":[1,2,3]}', { outer: { inner1: { a: '1', b: 2, c: [1, 2, 3] } } }],
    ['set-json', 'a=[{"x":1}],b="s"', { a: [{ x: 1 }], b: 's' }],
    ['set-json', 'a=null', { a: null }],
    ['set-json', 'a=', { a: null }],
    ['set-json', 'list[1]={"k":"v"}', { list: [null, { k: 'v' }] }],
    ['set-file', 'a=path.txt', { a: 'content of path.txt\n' }],
  ])('%s %s', (kind, expr, expected) => {
    expect(parse(kind, expr)).toEqual(expected);
  });

  it('reports invalid JSON with the flag', () => {
    expect(() => parse('set-json', 'a={"x":}')).toThrow(/^--set-json "a=\{\\"x\\":\}": invalid JSON/);
  });
});

describe('prototype safety', () => {
  it.each(['__proto__.polluted=yes', 'constructor.prototype.polluted=yes', 'a.__proto__.polluted=yes'])(
    '%s stays an ordinary key',
    (expr) => {
      const data = parse('set', expr);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(data).length).toBe(1);
    },
  );
  it('__proto__ from --set-json stays an ordinary key', () => {
    const data = parse('set-json', 'a={"__proto__":{"polluted":"yes"}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(data.a as object)).toEqual(['__proto__']);
  });
});
