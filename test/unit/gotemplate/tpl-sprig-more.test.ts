import { describe, expect, it } from 'vitest';
import { tpl, TemplateError, type TemplateHost } from '../../../src/renderer/gotemplate/index.js';

// The sprig v3.2.2 functions helm v3.10.1 has and the evaluator gained later. Every expected output and error
// is what helm v3.10.1 printed for `tpl` of the same text with the same values, read from a values file (so
// numbers are float64); errors are compared from Go's "error calling NAME: ..." clause on.
// Integer literals in these texts are Go ints to helm and int64 to the evaluator, which does not tell the two
// apart; the cases avoid the few places where that shows (an error naming the kind "int").

function run(text: string, values: Record<string, unknown>, host?: TemplateHost): string {
  return tpl(text, { Values: structuredClone(values) }, { host });
}

function errorOf(text: string, values: Record<string, unknown>): TemplateError {
  try {
    run(text, values);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}

describe('sprig list functions and their must* forms', () => {
  const values = { l: [1, 'a', null, { k: 'v' }], m: { a: 1, b: { c: 2 } }, s: 'str', e: [], n: 3 };
  it.each<[string, string]>([
    ["{{ mustAppend .Values.l 5 }}", "[1 a <nil> map[k:v] 5]"],
    ["{{ mustPush (list) 1 }}", "[1]"],
    ["{{ mustPrepend .Values.l 0 }}", "[0 1 a <nil> map[k:v]]"],
    ["{{ mustFirst .Values.l }}", "1"],
    ["{{ mustLast .Values.l }}", "map[k:v]"],
    ["{{ mustRest .Values.l }}", "[a <nil> map[k:v]]"],
    ["{{ mustInitial .Values.l }}", "[1 a <nil>]"],
    ["{{ mustReverse .Values.l }}", "[map[k:v] <nil> a 1]"],
    ["{{ mustUniq (list 1 1 2 \"a\" \"a\" (list 1) (list 1)) }}", "[1 2 a [1]]"],
    ["{{ mustWithout .Values.l 1 nil }}", "[1 a map[k:v]]"],
    ["{{ mustHas 1.0 .Values.l }} {{ mustHas 1 .Values.l }} {{ mustHas nil .Values.l }}", "true false true"],
    ["{{ mustSlice .Values.l 1 3 }}", "[a <nil>]"],
    ["{{ mustSlice .Values.l 2 }}", "[<nil> map[k:v]]"],
    ["{{ mustCompact .Values.l }}", "[1 a map[k:v]]"],
    ["{{ mustChunk 3 .Values.l }}", "[[1 a <nil>] [map[k:v]]]"],
    ["{{ mustChunk 2 (list) }}", "[]"],
    ["{{ mustFirst .Values.e }}|{{ mustRest .Values.e }}|{{ mustInitial .Values.e }}|{{ mustLast .Values.e }}|{{ mustSlice .Values.e }}", "|[]|[]||"],
    ["{{ deepEqual .Values.l .Values.l }} {{ deepEqual 1 1.0 }} {{ deepEqual (list 1) (list 1) }} {{ deepEqual .Values.m (dict \"a\" 1.0 \"b\" (dict \"c\" 2.0)) }} {{ deepEqual nil nil }} {{ deepEqual .Values.e (list) }} {{ deepEqual (dict) .Values.missing }}", "true false true true true true false"],
    ["{{ mustDeepCopy .Values.m }}", "map[a:1 b:map[c:2]]"],
    ["{{ mustMerge (dict \"a\" 2 \"z\" 1) .Values.m }}", "map[a:2 b:map[c:2] z:1]"],
    ["{{ mustMergeOverwrite (dict \"a\" 2 \"z\" 1) .Values.m }}", "map[a:1 b:map[c:2] z:1]"],
    ["{{ mustHas 1 nil }}", "false"],
    ["{{ mustMerge (dict) nil }}", "map[]"],
    ["{{ mustMerge nil (dict \"a\" 1) }}", "map[a:1]"],
  ])('%s', (text, want) => {
    expect(run(text, values)).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ deepCopy nil }}", "error calling deepCopy: reflect: call of reflect.Value.Type on zero Value"],
    ["{{ mustAppend .Values.s 1 }}", "error calling mustAppend: Cannot push on type string"],
    ["{{ mustPush nil 1 }}", "error calling mustPush: runtime error: invalid memory address or nil pointer dereference"],
    ["{{ mustPrepend .Values.m 1 }}", "error calling mustPrepend: Cannot prepend on type map"],
    ["{{ mustFirst .Values.s }}", "error calling mustFirst: Cannot find first on type string"],
    ["{{ mustRest .Values.m }}", "error calling mustRest: Cannot find rest on type map"],
    ["{{ mustInitial .Values.s }}", "error calling mustInitial: Cannot find initial on type string"],
    ["{{ mustReverse .Values.s }}", "error calling mustReverse: Cannot find reverse on type string"],
    ["{{ mustUniq .Values.s }}", "error calling mustUniq: Cannot find uniq on type string"],
    ["{{ mustWithout .Values.s 1 }}", "error calling mustWithout: Cannot find without on type string"],
    ["{{ mustHas 1 .Values.s }}", "error calling mustHas: Cannot find has on type string"],
    ["{{ mustSlice .Values.s 1 }}", "error calling mustSlice: list should be type of slice or array but string"],
    ["{{ mustCompact .Values.s }}", "error calling mustCompact: Cannot compact on type string"],
    ["{{ mustChunk 2 .Values.s }}", "error calling mustChunk: Cannot chunk type string"],
    ["{{ mustSlice .Values.l 3 1 }}", "error calling mustSlice: reflect.Value.Slice: slice index out of bounds"],
    ["{{ mustSlice .Values.l 1 9 }}", "error calling mustSlice: reflect.Value.Slice: slice index out of bounds"],
    ["{{ slice .Values.l 3 1 }}", "error calling slice: reflect.Value.Slice: slice index out of bounds"],
    ["{{ slice .Values.s 1 }}", "error calling slice: list should be type of slice or array but string"],
    ["{{ chunk 0 .Values.l }}", "error calling chunk: runtime error: makeslice: len out of range"],
    ["{{ mustChunk 0 .Values.l }}", "error calling mustChunk: runtime error: makeslice: len out of range"],
    ["{{ mustChunk -1 .Values.l }}", "error calling mustChunk: runtime error: makeslice: len out of range"],
    ["{{ mustChunk -1 (list) }}", "error calling mustChunk: runtime error: makeslice: len out of range"],
    ["{{ mustDeepCopy nil }}", "error calling mustDeepCopy: reflect: call of reflect.Value.Type on zero Value"],
    ["{{ mustSlice .Values.l -1 }}", "error calling mustSlice: reflect.Value.Slice: slice index out of bounds"],
    ["{{ mustSlice nil }}", "error calling mustSlice: runtime error: invalid memory address or nil pointer dereference"],
    ["{{ mustFirst nil }}", "error calling mustFirst: runtime error: invalid memory address or nil pointer dereference"],
  ])('%s fails', (text, message) => {
    const e = errorOf(text, values);
    expect(e.code).toBe('TEMPLATE_EXEC');
    expect(e.message).toBe(message);
  });
});

describe('sprig string functions: abbrevboth, adler32sum, b32dec, swapcase, wrapWith, hello, seq', () => {
  const values = { long: 'Now is the time for all good men', n: 3, f: 1.5 };
  it.each<[string, string]>([
    ["{{ abbrevboth 5 10 \"1234 5678 9123\" }}|{{ abbrevboth 0 10 .Values.long }}|{{ abbrevboth 10 20 .Values.long }}|{{ abbrevboth 3 8 .Values.long }}|{{ abbrevboth 1 3 .Values.long }}|{{ abbrevboth 5 6 .Values.long }}|{{ abbrevboth 100 10 .Values.long }}|{{ abbrevboth 0 40 .Values.long }}|{{ abbrevboth 20 7 .Values.long }}|{{ abbrevboth -5 10 .Values.long }}|{{ abbrevboth 5 7 \"\" }}", "...5678...|Now is ...|... time for all ...|Now i...|Now is the time for all good men|Now is the time for all good men|...ood men|Now is the time for all good men|...a...|Now is ...|"],
    ["{{ abbrevboth 4 7 .Values.long }}|{{ abbrevboth 5 7 .Values.long }}|{{ abbrevboth 12 10 \"héllo wörld, long text\" }}|{{ abbrevboth 0 5 \"héllo wörld\" }}", "Now ...|...s...|...d, l...|h�..."],
    ["{{ adler32sum \"\" }} {{ adler32sum \"hello\" }} {{ adler32sum \"Wikipedia\" }} {{ adler32sum \"héllo\" }}", "1 103547413 300286872 192152348"],
    ["{{ b32dec \"NBSWY3DP\" }}|{{ b32dec \"NBSWY3DPEE======\" }}|{{ b32dec \"nbswy3dp\" }}|{{ b32dec \"NBSWY3D\" }}|{{ b32dec \"NB!WY3DP\" }}|{{ b32dec \"\" }}|{{ b32dec \"NBSWY3DPEE=\" }}|{{ b32dec \"NBSWY3DPEE======A\" }}|{{ b32dec \"NBSW\\nY3DP\" }}|{{ b32dec \"MFRGG===\" }}|{{ b32dec \"MFRGGZA=\" }}|{{ b32dec \"ME======\" }}|{{ b32dec \"MFRA====\" }}", "hello|hello!|illegal base32 data at input byte 0|illegal base32 data at input byte 0|illegal base32 data at input byte 2||illegal base32 data at input byte 11|hello!|hello|abc|abcd|a|ab"],
    ["{{ b32dec \"NBSWY3DPE=======\" }}|{{ b32dec \"M=======\" }}|{{ b32dec \"MF======\" }}|{{ b32dec \"MFR=====\" }}|{{ b32dec \"========\" }}|{{ b32dec \"NBSWY3DP========\" }}|{{ b32dec \"NBSWY3DPEB======\" }}", "illegal base32 data at input byte 9|illegal base32 data at input byte 1|a|illegal base32 data at input byte 3|illegal base32 data at input byte 0|illegal base32 data at input byte 8|hello "],
    ["{{ swapcase \"Hello World\" }}|{{ swapcase \"hello wORLD 1a\" }}|{{ swapcase \"ǆemal ǅ Ǆ ß straße ﬁx ᾳ İstanbul\" }}|{{ swapcase \"\" }}|{{ swapcase \"a\\tb\\nc-d\" }}|{{ swapcase \"éa Éb\" }}", "hELLO wORLD|HELLO World 1A|ǅEMAL ǆ ǆ ß STRAßE ﬁX ᾼ iSTANBUL||A\tB\nC-D|ÉA éB"],
    ["{{ wrapWith 5 \"\\t\" \"Hello World\" }}|{{ wrapWith 10 \"<br>\" \"The quick brown fox jumps over\" }}|{{ wrapWith 3 \"\\n\" \"abcdefgh ij\" }}|{{ wrapWith 0 \"-\" \"ab cd\" }}|{{ wrapWith 5 \"\" \"aaa bbb ccc\" }}|{{ wrapWith 4 \"|\" \"  lead  spaces  here\" }}|{{ wrapWith 5 \"|\" \"line one\\nline two three\" }}", "Hello\tWorld|The quick<br>brown fox<br>jumps over|abc\ndef\ngh\nij|a-b-c-d|aaa\nbbb\nccc|lead|spac|es |here|line|one\nl|ine|two|three"],
    ["{{ wrap 5 \"Hello World\" }}|{{ wrap 10 \"The quick brown fox jumps over\" }}|{{ wrap 3 \"abcdefgh ij\" }}|{{ wrap 5 \"line one\\nline two three\" }}|{{ wrap 4 \"  lead  spaces  here\" }}|{{ wrap 3 \"héllo wörld\" }}", "Hello\nWorld|The quick\nbrown fox\njumps over|abcdefgh\nij|line\none\nline\ntwo\nthree|lead\nspaces\nhere|héllo\nwörld"],
    ["{{ hello }}|{{ seq 5 }}|{{ seq -3 }}|{{ seq 0 }}|{{ seq 1 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 0 }}|{{ seq 10 3 0 }}|{{ seq 0 -2 10 }}|{{ seq }}|{{ seq 1 2 3 4 }}|{{ seq 3 3 }}|{{ seq 1 0 5 }}", "Hello!|1 2 3 4 5|1 0 -1 -2 -3|1 0|1|2 3 4 5|5 4 3 2|0 2 4 6 8 10|10 7 4 1|||||3|"],
    ["{{ randAscii 20 | len }} {{ randInt 5 6 }} {{ randInt -3 -2 }}", "20 5 -3"],
    ["{{ randAscii -1 }}|{{ randAscii 0 }}", "|"],
    ["{{ shuffle \"\" }}|{{ shuffle \"a\" }}|{{ shuffle \"ééé\" | len }}", "|a|6"],
    ['{{ randAlpha -1 }}|{{ randAscii -1 }}|{{ randNumeric 0 }}', '||'],
  ])('%s', (text, want) => {
    expect(run(text, values)).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ randInt 5 5 }}", "error calling randInt: invalid argument to Intn"],
    ["{{ randInt 6 5 }}", "error calling randInt: invalid argument to Intn"],
  ])('%s fails', (text, message) => {
    expect(errorOf(text, values).message).toBe(message);
  });
});

describe('sprig random functions draw from the host random source', () => {
  const fixed = (x: number): TemplateHost => ({ random: () => x });
  it('randAscii gives printable ASCII, space to tilde', () => {
    expect(run('{{ randAscii 200 }}', {})).toMatch(/^[\x20-\x7e]{200}$/);
    expect(run('{{ randAscii 3 }}', {}, fixed(0))).toBe('   ');
    expect(run('{{ randAscii 3 }}', {}, fixed(0.999999))).toBe('~~~');
  });
  it('randInt stays in [min, max)', () => {
    const seen = new Set(Array.from({ length: 200 }, () => run('{{ randInt -2 3 }}', {})));
    expect([...seen].every((x) => ['-2', '-1', '0', '1', '2'].includes(x))).toBe(true);
    expect(run('{{ randInt 10 20 }}', {}, fixed(0))).toBe('10');
    expect(run('{{ randInt 10 20 }}', {}, fixed(0.999999))).toBe('19');
  });
  it('shuffle permutes the runes', () => {
    const out = run('{{ shuffle "héllo wörld" }}', {});
    expect(Array.from(out).sort()).toEqual(Array.from('héllo wörld').sort());
    // rand.Intn(i+1) always 0: each rune in turn swaps with the first.
    expect(run('{{ shuffle "abcd" }}', {}, fixed(0))).toBe('bcda');
  });
});

describe('sprig path functions: clean, isAbs and the os* (path/filepath) forms', () => {
  it.each<[string, string]>([
    ["{{ clean \"a//b/../c/.\" }}|{{ clean \"\" }}|{{ clean \"/../x\" }}|{{ clean \"../../x/\" }}|{{ isAbs \"/a\" }} {{ isAbs \"a\" }} {{ isAbs \"\" }}|{{ osBase \"/a/b.txt\" }} {{ osBase \"\" }} {{ osBase \"/\" }} {{ osBase \"a/b/\" }}|{{ osClean \"a/./b/..//c\" }}|{{ osDir \"/a/b/c\" }} {{ osDir \"c\" }} {{ osDir \"\" }} {{ osDir \"/\" }} {{ osDir \"a/b/\" }}|{{ osExt \"a.tar.gz\" }} {{ osExt \"a/b.c/d\" }} {{ osExt \"x.\" }}|{{ osIsAbs \"/x\" }} {{ osIsAbs \"x\" }}", "a/c|.|/x|../../x|true false false|b.txt . / b|a/c|/a/b . . / a/b|.gz  .|true false"],
  ])('%s', (text, want) => {
    expect(run(text, {})).toBe(want);
  });
});

describe('JSON: mustFromJson, mustToPrettyJson, mustToRawJson, and Go decoder errors in fromJson', () => {
  it.each<[string, string]>([
    ["{{ mustToPrettyJson (dict \"a\" (list 1 \"<x>\") \"b\" (dict)) }}|{{ mustToRawJson (dict \"a\" \"<&>\" \"b\" (list)) }}|{{ mustToPrettyJson nil }}|{{ mustToRawJson nil }}|{{ mustToPrettyJson (list) }}", "{\n  \"a\": [\n    1,\n    \"\\u003cx\\u003e\"\n  ],\n  \"b\": {}\n}|{\"a\":\"<&>\",\"b\":[]}|null|null|[]"],
    ["{{ mustToRawJson (dict \"a\" \"\\u2028\") }}|{{ toRawJson (dict \"a\" \"\\u2028<\") }}|{{ mustToPrettyJson \"a\\u2028<\" }}", "{\"a\":\"\\u2028\"}|{\"a\":\"\\u2028<\"}|\"a\\u2028\\u003c\""],
    ["{{ fromJson \"{\" }}|{{ fromJson \"[1]\" }}|{{ fromJsonArray \"{}\" }}|{{ fromJsonArray \"[1\" }}|{{ fromJson \"x\" }}", "map[Error:unexpected end of JSON input]|map[Error:json: cannot unmarshal array into Go value of type map[string]interface {}]|[json: cannot unmarshal object into Go value of type []interface {}]|[unexpected end of JSON input]|map[Error:invalid character 'x' looking for beginning of value]"],
    ["{{ fromJson \"{\\\"a\\\":1e400,\\\"b\\\":2}\" }}|{{ fromJsonArray \"[1e400, 2]\" }}|{{ fromJson \"null\" }}|{{ fromJson \"5\" }}|{{ fromJson \"\\\"s\\\"\" }}|{{ fromJson \"true\" }}|{{ fromJsonArray \"null\" }}|{{ fromJsonArray \"3\" }}", "map[Error:json: cannot unmarshal number 1e400 into Go value of type float64 a:<nil> b:2]|[json: cannot unmarshal number 1e400 into Go value of type float64]|map[]|map[Error:json: cannot unmarshal number into Go value of type map[string]interface {}]|map[Error:json: cannot unmarshal string into Go value of type map[string]interface {}]|map[Error:json: cannot unmarshal bool into Go value of type map[string]interface {}]|[]|[json: cannot unmarshal number into Go value of type []interface {}]"],
    ["{{ mustFromJson \"[\\\"\\\\ud800x\\\", \\\"\\\\ud83d\\\\ude00\\\"]\" }}|{{ mustFromJson \"{\\\"__proto__\\\": 1, \\\"a\\\": {\\\"b\\\": [true, false, null]}}\" }}|{{ mustFromJson \"null\" }}|{{ mustFromJson \" -0 \" }}|{{ mustFromJson \"1E+2\" }}", "[�x 😀]|map[__proto__:1 a:map[b:[true false <nil>]]]||-0|100"],
    ["{{ toPrettyJson (float64 \"NaN\") }}|{{ toJson (float64 \"NaN\") }}|{{ toJson (dict \"a\" (float64 \"Inf\")) }}", "||"],
    ["{{ toRawJson (dict \"a\" \"\\\\u003c<\\\\>&\") }}|{{ mustToRawJson \"\\u0000\\t\" }}|{{ toRawJson 1.5 }}|{{ toPrettyJson (dict \"k\" (dict \"x\" (list))) }}", "{\"a\":\"\\\\u003c<\\\\>&\"}|\"\\u0000\\t\"|1.5|{\n  \"k\": {\n    \"x\": []\n  }\n}"],
  ])('%s', (text, want) => {
    expect(run(text, {})).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ mustFromJson \"{\\\"a\\\": [1, 2.5, \\\"x\\\", null, true]}\" }}|{{ mustFromJson \"[1,2]\" }}|{{ mustFromJson \"\\\"s\\\"\" }}|{{ mustFromJson \"12\" }}|{{ mustFromJson \"null\" }}|{{ mustFromJson \"1e400\" | typeOf }}", "error calling mustFromJson: json: cannot unmarshal number 1e400 into Go value of type float64"],
    ["{{ mustFromJson \"\" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"{\" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"{\\\"a\\\" 1}\" }}", "error calling mustFromJson: invalid character '1' after object key"],
    ["{{ mustFromJson \"[1,]\" }}", "error calling mustFromJson: invalid character ']' looking for beginning of value"],
    ["{{ mustFromJson \"x\" }}", "error calling mustFromJson: invalid character 'x' looking for beginning of value"],
    ["{{ mustFromJson \"1 2\" }}", "error calling mustFromJson: invalid character '2' after top-level value"],
    ["{{ mustFromJson \"{\\\"a\\\":1,}\" }}", "error calling mustFromJson: invalid character '}' looking for beginning of object key string"],
    ["{{ mustFromJson \"\\\"a\\\\qb\\\"\" }}", "error calling mustFromJson: invalid character 'q' in string escape code"],
    ["{{ mustFromJson \"tru\" }}", "error calling mustFromJson: invalid character ' ' in literal true (expecting 'e')"],
    ["{{ mustFromJson \"trux\" }}", "error calling mustFromJson: invalid character 'x' in literal true (expecting 'e')"],
    ["{{ mustFromJson \"01\" }}", "error calling mustFromJson: invalid character '1' after top-level value"],
    ["{{ mustFromJson \"-\" }}", "error calling mustFromJson: invalid character ' ' in numeric literal"],
    ["{{ mustFromJson \"1.e5\" }}", "error calling mustFromJson: invalid character 'e' after decimal point in numeric literal"],
    ["{{ mustFromJson \"[1 2]\" }}", "error calling mustFromJson: invalid character '2' after array element"],
    ["{{ mustFromJson \"{1:2}\" }}", "error calling mustFromJson: invalid character '1' looking for beginning of object key string"],
    ["{{ mustFromJson \"\\\"\\t\\\"\" }}", "error calling mustFromJson: invalid character '\\t' in string literal"],
    ["{{ mustFromJson \"\\\"\\\\u12x4\\\"\" }}", "error calling mustFromJson: invalid character 'x' in \\u hexadecimal character escape"],
    ["{{ mustFromJson \"1e400\" }}", "error calling mustFromJson: json: cannot unmarshal number 1e400 into Go value of type float64"],
    ["{{ mustFromJson \"  \" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"[\\\"é\\\" 1]\" }}", "error calling mustFromJson: invalid character '1' after array element"],
    ["{{ mustFromJson \"é\" }}", "error calling mustFromJson: invalid character 'Ã' looking for beginning of value"],
    ["{{ mustFromJson \"[1 é]\" }}", "error calling mustFromJson: invalid character 'Ã' after array element"],
    ["{{ mustFromJson \"\\\"\\\\\" }}", "error calling mustFromJson: invalid character ' ' in string escape code"],
    ["{{ mustFromJson \"\\\"a\" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"[\" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"1e\" }}", "error calling mustFromJson: invalid character ' ' in exponent of numeric literal"],
    ["{{ mustFromJson \"1e+\" }}", "error calling mustFromJson: invalid character ' ' in exponent of numeric literal"],
    ["{{ mustFromJson \"nul\" }}", "error calling mustFromJson: invalid character ' ' in literal null (expecting 'l')"],
    ["{{ mustFromJson \"fals\" }}", "error calling mustFromJson: invalid character ' ' in literal false (expecting 'e')"],
    ["{{ mustFromJson \"{\\\"a\\\"}\" }}", "error calling mustFromJson: invalid character '}' after object key"],
    ["{{ mustFromJson \"\\u00a0\" }}", "error calling mustFromJson: invalid character 'Â' looking for beginning of value"],
    ["{{ mustFromJson \"'\" }}", "error calling mustFromJson: invalid character '\\'' looking for beginning of value"],
    ["{{ mustFromJson \"\\\"\\\\\\\"\" }}", "error calling mustFromJson: unexpected end of JSON input"],
    ["{{ mustFromJson \"[1,2,3]]\" }}", "error calling mustFromJson: invalid character ']' after top-level value"],
    ["{{ mustFromJson \"\\\"\\\\u\\\"\" }}", "error calling mustFromJson: invalid character '\"' in \\u hexadecimal character escape"],
    ["{{ mustFromJson \"\\u0001\" }}", "error calling mustFromJson: invalid character '\\x01' looking for beginning of value"],
    ["{{ mustFromJson \"\\\\\" }}", "error calling mustFromJson: invalid character '\\\\' looking for beginning of value"],
    ["{{ mustFromJson \"{\\\"a\\\":1 \\\"b\\\"}\" }}", "error calling mustFromJson: invalid character '\"' after object key:value pair"],
    ["{{ mustToJson (float64 \"NaN\") }}", "error calling mustToJson: json: unsupported value: NaN"],
    ["{{ mustToPrettyJson (dict \"a\" (float64 \"-Inf\")) }}", "error calling mustToPrettyJson: json: unsupported value: -Inf"],
    ["{{ toRawJson (float64 \"NaN\") }}", "error calling toRawJson: json: unsupported value: NaN"],
    ["{{ mustToRawJson (list (float64 \"Inf\")) }}", "error calling mustToRawJson: json: unsupported value: +Inf"],
  ])('%s fails', (text, message) => {
    expect(errorOf(text, {}).message).toBe(message);
  });
});
