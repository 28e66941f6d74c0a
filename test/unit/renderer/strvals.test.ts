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

// The remaining cases of helm v3.10.1 pkg/strvals/parser_test.go (TestParseSet, TestParseInto,
// TestParseIntoString, TestParseJSON), written as our own table; `--set` integers are int64 (bigint).
describe('helm v3.10.1 parser_test.go', () => {
  it.each<[string, Record<string, unknown>]>([
    ['name1=value1', { name1: 'value1' }],
    ['name1=value1,name2=value2', { name1: 'value1', name2: 'value2' }],
    ['leading_zeros=00009', { leading_zeros: '00009' }],
    ['zero_int=0', { zero_int: 0n }],
    ['long_int=1234567890', { long_int: 1234567890n }],
    ['boolean=true', { boolean: true }],
    ['is_null=null', { is_null: null }],
    ['name1=one\\=two,name2=three\\=four', { name1: 'one=two', name2: 'three=four' }],
    ['name1=one two three,name2=three two one', { name1: 'one two three', name2: 'three two one' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['outer.inner1=value,outer.middle.inner=value', { outer: { inner1: 'value', middle: { inner: 'value' } } }],
    ['name1={value1,value2},name2={value1,value2}', { name1: ['value1', 'value2'], name2: ['value1', 'value2'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
    ['list[0]=foo,list[1]=bar', { list: ['foo', 'bar'] }],
    ['list[0]=foo,list[1]=bar,', { list: ['foo', 'bar'] }],
    ['name1.name2[0].foo=bar,name1.name2[1].foo=bar', { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } }],
    ['name1.name2[1].foo=bar,name1.name2[0].foo=bar', { name1: { name2: [{ foo: 'bar' }, { foo: 'bar' }] } }],
  ])('--set %s', (expr, expected) => {
    expect(parse('set', expr)).toEqual(expected);
  });

  it.each(['name1,name2=value2', 'name1,name2=value2\\', 'name1,name2', 'name1.name2,name1.name3', 'name1.,name2', 'list[0]=foo,list[-20]=bar'])(
    '--set %s fails',
    (expr) => {
      expect(() => parse('set', expr)).toThrow(SetParseError);
    },
  );

  const into = (kind: SetKind, start: Record<string, unknown>, ...exprs: string[]): Record<string, unknown> => {
    for (const e of exprs) parseSetInto(kind, e, start);
    return start;
  };

  it.each<[string, Record<string, unknown>, string[], Record<string, unknown>]>([
    [
      'over existing values',
      { outer: { inner1: 'overwrite', inner2: 'value2' } },
      ['outer.inner1=value1,outer.inner3=value3,outer.inner4=4'],
      { outer: { inner1: 'value1', inner2: 'value2', inner3: 'value3', inner4: 4n } },
    ],
    ['a map in a nested list, in two steps', {}, ['listOuter[0][0].type=listValue', 'listOuter[0][0].status=alive'], { listOuter: [[{ type: 'listValue', status: 'alive' }]] }],
    ['two nested lists', {}, ['listOuter[0][0].type=listValue', 'listOuter[1][0].status=alive'], { listOuter: [[{ type: 'listValue' }], [{ status: 'alive' }]] }],
    [
      'three levels over existing lists',
      { listOuter: [[[{ exited: 'old' }]]] },
      ['listOuter[0][1][0].type=listValue', 'listOuter[0][0][1].status=alive'],
      { listOuter: [[[{ exited: 'old' }, { status: 'alive' }], [{ type: 'listValue' }]]] },
    ],
  ])('ParseInto: %s', (_name, start, exprs, expected) => {
    expect(into('set', start, ...exprs)).toEqual(expected);
  });

  it('ParseIntoString over existing values', () => {
    expect(into('set-string', { outer: { inner1: 'overwrite', inner2: 'value2' } }, 'outer.inner1=1,outer.inner3=3')).toEqual({
      outer: { inner1: '1', inner2: 'value2', inner3: '3' },
    });
  });

  it.each<[string, Record<string, unknown>, string, Record<string, unknown>]>([
    [
      'scalars, replacing one key',
      { outer: { inner1: 'overwrite', inner2: 'value2' } },
      'outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true"',
      { outer: { inner1: '1', inner2: 'value2', inner3: 3, inner4: true, inner5: 'true' } },
    ],
    [
      'objects and arrays, replacing existing ones',
      { outer: { inner1: { x: 'overwrite' }, inner2: 'value2', inner3: ['overwrite'] } },
      'outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5=[{"A":"1","B":2,"C":[1,2,3]}]',
      {
        outer: {
          inner1: { a: '1', b: 2, c: [1, 2, 3] },
          inner2: 'value2',
          inner3: ['new value 1', 'new value 2'],
          inner4: { aa: '1', bb: 2, cc: [1, 2, 3] },
          inner5: [{ A: '1', B: 2, C: [1, 2, 3] }],
        },
      },
    ],
    [
      'null, no value, and an index into a value set just before',
      { outer: { inner1: { x: 'overwrite' }, inner2: 'value2' } },
      'outer.inner1=,outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner3.cc[1]=null',
      { outer: { inner1: null, inner2: 'value2', inner3: { aa: '1', bb: 2, cc: [1, null, 3] } } },
    ],
  ])('ParseJSON: %s', (_name, start, expr, expected) => {
    expect(into('set-json', start, expr)).toEqual(expected);
  });

  it('ParseJSON: a syntax error fails', () => {
    expect(() =>
      parse('set-json', 'outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5={"A":"1","B":2,"C":[1,2,3]}]'),
    ).toThrow(SetParseError);
  });
});
