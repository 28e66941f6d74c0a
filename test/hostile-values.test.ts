// Hostile values input (issue #10): deep nesting, huge expressions, aliases, sizes, encodings. Each case either
// loads to the right data or fails with one of our typed errors: a string `code` and a one-line message.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { runCli } from './golden-harness.js';
import { defaultReader, loadValues, MAX_FILE_BYTES, type ValueSources } from '../src/renderer/values/load.js';
import { MAX_VALUE_DEPTH } from '../src/renderer/values/maps.js';

/** The typed error `f` throws (fails the test on anything else, or on no error). */
function typedError(f: () => unknown): Error & { code: string } {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    expect(typeof (e as { code?: unknown }).code).toBe('string');
    return e as Error & { code: string };
  }
  throw new Error('expected an error');
}

const flags = (sources: ValueSources) => () => loadValues(sources);

describe('--set family: nesting is bounded (no stack overflow)', () => {
  const deepKey = (n: number) => Array.from({ length: n }, () => 'a').join('.');
  it.each<[string, ValueSources]>([
    ['--set a.a.a… 100 000 deep', { set: [`${deepKey(100_000)}=1`] }],
    ['--set a[0][0]… 100 000 deep', { set: [`a${'[0]'.repeat(100_000)}=1`] }],
    ['--set a[0].a[0]… deep', { set: [`a${'[0].a'.repeat(20_000)}=1`] }],
    ['--set-string deep', { setString: [`${deepKey(10_000)}=x`] }],
    ['--set-file deep', { setFile: [`${deepKey(10_000)}=f`] }],
    ['--set-json [[[… 100 000 deep', { setJson: [`a=${'['.repeat(100_000)}${']'.repeat(100_000)}`] }],
    ['--set-json {"a":{"a":… deep', { setJson: [`a=${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`] }],
    ['--set-json key and JSON depth add up', { setJson: [`${deepKey(150)}=${'['.repeat(60)}${']'.repeat(60)}`] }],
  ])('%s is BAD_SET', (_name, sources) => {
    const e = typedError(() => loadValues(sources, [], () => 'file text'));
    expect(e.code).toBe('BAD_SET');
    expect(e.message).toMatch(new RegExp(`nest deeper than ${MAX_VALUE_DEPTH} levels$`));
  });

  it('accepts nesting up to the bound', () => {
    const { values } = loadValues({ set: [`${deepKey(MAX_VALUE_DEPTH)}=1`] });
    let cur: unknown = values;
    let depth = 0;
    while (cur && typeof cur === 'object') {
      cur = (cur as Record<string, unknown>).a;
      depth++;
    }
    expect([depth, cur]).toEqual([MAX_VALUE_DEPTH, 1n]);
  });
});

describe('--set family: messages stay short and on one line', () => {
  it.each<[string, ValueSources]>([
    ['a huge --set-json', { setJson: [`a={"x": "${'y'.repeat(1_000_000)}"`] }],
    ['a huge key without a value', { set: ['k'.repeat(1_000_000)] }],
    ['a newline in a key', { set: ['a\nb'] }],
    ['text after JSON', { setJson: [`a=1 ${'z'.repeat(100_000)}`] }],
    ['a long string that cannot hold keys', { setString: [`a=${'v'.repeat(100_000)}`, 'a.b=1'] }],
  ])('%s', (_name, sources) => {
    const e = typedError(flags(sources));
    expect(e.code).toBe('BAD_SET');
    expect(e.message).not.toContain('\n');
    expect(e.message.length).toBeLessThan(400);
  });
});


describe('YAML aliases', () => {
  it('a --set through an alias changes only the path it names (each alias is its own copy, as in helm)', () => {
    const loaded = loadValues({ set: ['a.k=two'] }, [{ file: 'v.yaml', text: 'a: &x {k: 1}\nb: *x\nc: {<<: *x, j: 1}\n' }]);
    expect(loaded.values).toEqual({ a: { k: 'two' }, b: { k: 1 }, c: { k: 1, j: 1 } });
    expect(loaded.files[0].data).toEqual({ a: { k: 1 }, b: { k: 1 }, c: { k: 1, j: 1 } });
  });
});

describe('YAML nesting is bounded: a clear error, fast, never the parser recursing for seconds', () => {
  const load = (text: string) => () => loadValues({}, [{ file: 'deep.yaml', text }]);
  const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(n)}v\n`;
  it.each<[string, string, string]>([
    ['100 000 unclosed [', `a: ${'['.repeat(100_000)}`, 'deep.yaml:1:204: values nest deeper than 200 levels'],
    ['closed [[…]] 1 000 deep', `a: ${'['.repeat(1000)}${']'.repeat(1000)}`, 'deep.yaml:1:204: values nest deeper than 200 levels'],
    ['{a: {a: … 10 000 deep', `a: ${'{a: '.repeat(10_000)}`, 'deep.yaml:1:804: values nest deeper than 200 levels'],
    ['flow on a later line', `x: 1\nb:\n  - ${'['.repeat(300)}`, 'deep.yaml:3:205: values nest deeper than 200 levels'],
    ['block maps 300 deep', block(300), 'deep.yaml:1:1: values nest deeper than 200 levels'],
    ['block maps 1 200 deep (past the parser stack)', block(1200), 'values nest deeper than 200 levels'],
    ['compact sequences 3 000 deep', `a:\n${'- '.repeat(3000)}x\n`, 'values nest deeper than 200 levels'],
  ])('%s', (_name, text, message) => {
    const started = performance.now();
    const e = typedError(load(text));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toContain(message);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each<[string, string, unknown]>([
    ['brackets inside quotes and comments do not count', `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}' # ${'['.repeat(500)}\n`, { a: '['.repeat(500), b: '{'.repeat(500) }],
    ['brackets inside plain and block scalars do not count', `a: x${'['.repeat(500)}\nb: |\n  y${'['.repeat(500)}\n`, { a: `x${'['.repeat(500)}`, b: `y${'['.repeat(500)}\n` }],
    ['200 levels of flow lists load', `a: ${'['.repeat(199)}1${']'.repeat(199)}`, undefined],
  ])('%s', (_name, text, expected) => {
    const { values } = loadValues({}, [{ file: 'ok.yaml', text }]);
    if (expected !== undefined) expect(values).toEqual(expected);
  });
});

describe('files: size, encoding, line ends', () => {
  const dir = tempDir('pc-hostile-');
  const file = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('refuses a 50 MB values file at once, without reading it', () => {
    const path = file('big.yaml', Buffer.alloc(50 * 1024 * 1024, 'a: 1\n'));
    const started = performance.now();
    const e = typedError(() => loadValues({ valueFiles: [path] }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(e.code).toBe('VALUES_FILE');
    expect(e.message).toBe(`${path}: is 52,428,800 bytes; values and --set-file files are limited to 1 MiB (1,048,576 bytes)`);
  });

  it('refuses a --set-file over the limit, and inline text over it', () => {
    const path = file('big.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 'x'));
    expect(typedError(() => loadValues({ setFile: [`a=${path}`] })).message).toContain('is 1,048,577 bytes;');
    expect(typedError(() => loadValues({}, [{ file: 'inline.yaml', text: `a: "${'é'.repeat(MAX_FILE_BYTES / 2)}"` }])).message).toMatch(
      /^inline\.yaml: is 1,048,58\d bytes;/,
    );
  });

  it('reads a file right at the limit', () => {
    const path = file('edge.yaml', `a: "${'x'.repeat(MAX_FILE_BYTES - 7)}"\n`);
    expect((loadValues({ valueFiles: [path] }).values.a as string).length).toBe(MAX_FILE_BYTES - 7);
  });

  it.each<[string, string | Buffer, string]>([
    ['binary (NUL bytes)', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]), 'is not a UTF-8 text file (binary or another encoding)'],
    ['Latin-1', Buffer.from('a: caf\xe9\n', 'latin1'), 'is not a UTF-8 text file (binary or another encoding)'],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]), 'is not a UTF-8 text file (binary or another encoding)'],
  ])('%s is refused', (name, content, reason) => {
    const path = file(`${name.replace(/\W/g, '-')}.yaml`, content);
    const e = typedError(() => loadValues({ valueFiles: [path] }));
    expect([e.code, e.message]).toEqual(['VALUES_FILE', `${path}: ${reason}`]);
  });

  it.each<[string, string, unknown]>([
    ['a UTF-8 BOM', '\ufeffa: 1\nb: x\n', { a: 1, b: 'x' }],
    ['CRLF line ends', 'a:\r\n  b: 1\r\n  c: "x"\r\nl:\r\n- 1\r\n', { a: { b: 1, c: 'x' }, l: [1] }],
    ['a BOM and CRLF, with a block scalar', '\ufeffs: |\r\n  one\r\n  two\r\n', { s: 'one\ntwo\n' }],
    ['old Mac CR only', 'a: 1\rb: 2\r', { a: 1, b: 2 }],
    ['no final newline', 'a: 1', { a: 1 }],
    ['only a comment', '# nothing\n', {}],
    ['empty', '', {}],
  ])('%s gives the right values', (name, content, expected) => {
    const path = file(`${name.replace(/\W/g, '-')}.yaml`, content);
    expect(loadValues({ valueFiles: [path] }).values).toEqual(expected);
  });

  it.each<[string, string]>([
    ['/dev/zero', 'is 1,114,112 bytes; values and --set-file files are limited to 1 MiB (1,048,576 bytes)'],
  ])('%s (no size up front) stops reading at the limit', (path, reason) => {
    expect(() => defaultReader(path)).toThrow(`${path}: ${reason}`);
    expect(() => loadValues({ setFile: [`a=${path}`] })).toThrow(`${path}: ${reason}`);
  });

  it('names a symlink loop and a path through a file without Node\'s own message', () => {
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    expect(() => defaultReader(join(dir, 'loop.yaml'))).toThrow(`${join(dir, 'loop.yaml')}: too many levels of symbolic links`);
    const f = file('plain.txt', 'x');
    expect(() => defaultReader(join(f, 'x.yaml'))).toThrow(`${join(f, 'x.yaml')}: no such file (a parent in the path is not a directory)`);
  });

  it('names a directory, a missing file and a dangling link plainly', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    expect(() => defaultReader(join(dir, 'sub'))).toThrow(`${join(dir, 'sub')}: is a directory, not a file`);
    expect(() => defaultReader(join(dir, 'nope.yaml'))).toThrow(`${join(dir, 'nope.yaml')}: no such file`);
  });
});

describe('a subchart table that is not a map', () => {
  it.each<[string[], string]>([
    [['--set', 'postgresql=1'], 'got number 1'],
    [['--set-json', 'postgresql=["a"]'], 'got a list'],
    [['--set-string', 'postgresql=abc'], 'got string "abc"'],
  ])('%j is a typed error, as helm\'s "type mismatch"', async (flags, got) => {
    const r = await runCli(['render', 'prefect-server', ...flags], tmpdir());
    expect([r.code, r.stderr]).toEqual([1, `error: type mismatch on postgresql: the postgresql subchart's values must be a map, ${got}\n`]);
  });
});

describe('YAML that JS would turn into something other than plain data', () => {
  const load = (text: string) => loadValues({}, [{ file: 'v.yaml', text }]).values;
  it.each<[string, unknown]>([
    ['a: !!binary aGk=', { a: 'hi' }],
    ['a: !!set {x, z}', { a: { x: null, z: null } }],
    ['a: !!omap [x: 1, z: 2]', { a: [{ x: 1 }, { z: 2 }] }],
    ['a: !!pairs [x: 1]', { a: [{ x: 1 }] }],
    ['a: 12:30:00', { a: '12:30:00' }],
    ['a: 1:20.5', { a: '1:20.5' }],
    ['a: 2001-12-14', { a: '2001-12-14' }],
  ])('%j → %j (as yaml.v2 decodes it for helm)', (text, expected) => {
    const values = load(text);
    expect(values).toEqual(expected);
    expect(Object.getPrototypeOf(values.a) === Object.prototype || typeof values.a !== 'object' || Array.isArray(values.a)).toBe(true);
  });

  it.each(['? [a]\n: 1\n', '? {a: 1}\n: 1\n', 'a: &x [1]\n? *x\n: 1\n'])('%j: a list or map as a key is refused with its position', (text) => {
    const e = typedError(() => load(text));
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.message).toMatch(/^v\.yaml:\d+:3: invalid map key: a key must be a string, number or boolean, not a list or map$/);
  });
});
