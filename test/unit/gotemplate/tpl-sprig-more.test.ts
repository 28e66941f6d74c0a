import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tpl, TemplateError, type TemplateHost } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';

// The sprig v3.2.2 functions helm v3.10.1 has and the evaluator gained later. Every expected output and error
// is what helm v3.10.1 printed for `tpl` of the same text with the same values, read from a values file (so
// numbers are float64); errors are compared from Go's "error calling NAME: ..." clause on.
// Integer literals in these texts are Go ints to helm and int64 to the evaluator, which does not tell the two
// apart; the cases avoid the few places where that shows (an error naming the kind "int").

// The date functions read the local zone, as Go's time.Local; helm ran with it set to UTC.
process.env.TZ = 'UTC';

function run(text: string, values: Record<string, unknown>, host?: TemplateHost): string {
  return tpl(text, { Values: structuredClone(values) }, { host });
}

function errorOf(text: string, values: Record<string, unknown>): TemplateError {
  return tplError(text, { Values: structuredClone(values) });
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

describe('sprig date functions', () => {
  // helm ran in the UTC zone; its clock read about 2026-11-21 12:21 UTC, which the host clock here repeats.
  const values = { f: 1.5, s: '2020-01-02' };
  const host: TemplateHost = { now: () => new Date('2026-11-21T12:21:24.858Z') };
  const hasZoneinfo = existsSync('/usr/share/zoneinfo/America/New_York');

  it.each<[string, string]>([
    ["{{ toDate \"2006-01-02\" \"2020-03-04\" }}|{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2020-03-04T05:06:07+02:00\" }}|{{ toDate \"2006-01-02 15:04:05.000 MST\" \"2020-03-04 05:06:07.123 PST\" }}|{{ toDate \"2006-01-02\" \"bad\" }}|{{ toDate \"Jan 2 06 3:04PM\" \"Feb 3 21 4:05AM\" }}", "2020-03-04 00:00:00 +0000 UTC|2020-03-04 05:06:07 +0200 +0200|2020-03-04 05:06:07.123 +0000 PST|0001-01-01 00:00:00 +0000 UTC|2021-02-03 04:05:00 +0000 UTC"],
    ["{{ mustToDate \"2006-01-02T15:04:05Z07:00\" \"2020-03-04T05:06:07+25:00\" }}", "2020-03-04 05:06:07 +2500 +2500"],
    ["{{ mustToDate \"2006-01-02T15:04:05.999999999Z07:00\" \"2020-03-04T05:06:07.123456789Z\" }}|{{ mustToDate \"2006-01-02 MST\" \"2020-07-01 CEST\" }}|{{ mustToDate \"2006-01-02 -0700\" \"2020-07-01 +0530\" }}|{{ mustToDate \"Monday, 02-Jan-06\" \"Tuesday, 03-Mar-20\" }}", "2020-03-04 05:06:07.123456789 +0000 UTC|2020-07-01 00:00:00 +0000 CEST|2020-07-01 00:00:00 +0530 +0530|2020-03-03 00:00:00 +0000 UTC"],
    ["{{ toDate \"2006-01-02\" \"2020-03-04\" | date \"Mon Monday Jan January 1 01 2 02 _2 06 2006 3 03 15 4 04 5 05 PM pm MST Z07:00 -07:00 -0700 Z0700 -07 Z07 .000 .999 ,000 002 __2\" }}", "Wed Wednesday Mar March 3 03 4 04  4 20 2020 12 12 00 0 00 0 00 AM am UTC Z +00:00 +0000 Z +00 Z .000  ,000 064  64"],
    ["{{ toDate \"2006-01-02 15:04:05.000\" \"2020-03-04 17:06:07.120\" | date \"3 03 15 PM pm .000 .999 .000000 .999999999 05.00 05,999\" }}", "5 05 17 PM pm .120 .12 .120000 .12 07.12 07,12"],
    ["{{ dateModify \"1h30m\" (toDate \"2006-01-02\" \"2020-03-04\") }}|{{ date_modify \"-2.5h\" (toDate \"2006-01-02\" \"2020-03-04\") }}|{{ dateModify \"bad\" (toDate \"2006-01-02\" \"2020-03-04\") }}|{{ mustDateModify \"1us\" (toDate \"2006-01-02\" \"2020-03-04\") }}|{{ must_date_modify \"1µs2ns\" (toDate \"2006-01-02\" \"2020-03-04\") }}", "2020-03-04 01:30:00 +0000 UTC|2020-03-03 21:30:00 +0000 UTC|2020-03-04 00:00:00 +0000 UTC|2020-03-04 00:00:00.000001 +0000 UTC|2020-03-04 00:00:00.000001002 +0000 UTC"],
    ["{{ toDate \"2006-01-02 MST\" \"2020-01-01 +03\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 GMT+3\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 GMT\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 UTC\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 ChST\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 WITA\" }}|{{ toDate \"2006-01-02 MST\" \"2020-01-01 ABCDT\" }}", "2020-01-01 00:00:00 +0000 +03|2020-01-01 03:00:00 +0300 GMT+3|2020-01-01 00:00:00 +0000 GMT|2020-01-01 00:00:00 +0000 UTC|2020-01-01 00:00:00 +0000 ChST|2020-01-01 00:00:00 +0000 WITA|2020-01-01 00:00:00 +0000 ABCDT"],
    ["{{ toDate \"15:04:05\" \"01:02:03.123456789123\" }}|{{ toDate \"15:04:05\" \"01:02:03,5\" }}|{{ toDate \"15:04:05.000\" \"01:02:03.123\" }}|{{ toDate \"15:04:05.999\" \"01:02:03\" }}|{{ toDate \"15:04:05.999\" \"01:02:03.1234\" }}|{{ toDate \"06 Jan 2\" \"68 feb 3\" }}|{{ toDate \"06 January _2\" \"69 MARCH  4\" }}|{{ toDate \"2006 002\" \"2020 060\" }}|{{ toDate \"2006 __2\" \"2021  60\" }}|{{ toDate \"3:04pm\" \"12:30am\" }}|{{ toDate \"3:04PM\" \"12:30PM\" }}|{{ toDate \"Mon Jan 2\" \"fri Feb 3\" }}", "0000-01-01 01:02:03.123456789 +0000 UTC|0000-01-01 01:02:03.5 +0000 UTC|0000-01-01 01:02:03.123 +0000 UTC|0000-01-01 01:02:03 +0000 UTC|0000-01-01 01:02:03.1234 +0000 UTC|2068-02-03 00:00:00 +0000 UTC|1969-03-04 00:00:00 +0000 UTC|2020-02-29 00:00:00 +0000 UTC|2021-03-01 00:00:00 +0000 UTC|0000-01-01 00:30:00 +0000 UTC|0000-01-01 12:30:00 +0000 UTC|0000-02-03 00:00:00 +0000 UTC"],
    ["{{ toDate \"2006 01  02\" \"2020 03 04\" }}|{{ toDate \"2006-01-02 -070000\" \"2020-01-01 +013015\" }}|{{ toDate \"2006-01-02 Z07:00:00\" \"2020-01-01 -01:30:15\" }}|{{ toDate \"2006-01-02 -07\" \"2020-01-01 +05\" | date \"Z07:00:00 -070000 Z070000\" }}|{{ toDate \"2006\" \"0000\" }}|{{ toDate \"2006\" \"0000\" | date \"2006 06\" }}|{{ toDate \"2006\" \"-001\" }}", "2020-03-04 00:00:00 +0000 UTC|2020-01-01 00:00:00 +0130 +0130|2020-01-01 00:00:00 -0130 -0130|Z +000000 Z|0000-01-01 00:00:00 +0000 UTC|0000 00|0001-01-01 00:00:00 +0000 UTC"],
    ["{{ (toDate \"2006-01-02\" \"2020-03-04\") | dateModify \"-2562047h\" }}|{{ toDate \"2006-01-02\" \"0001-01-01\" | dateModify \"-1h\" }}|{{ toDate \"2006-01-02\" \"0001-01-01\" | dateModify \"-9000000h\" | date \"2006-01-02 15 MST\" }}", "1727-11-24 01:00:00 +0000 UTC|0000-12-31 23:00:00 +0000 UTC|0001-01-01 00 UTC"],
    ["{{ toDate \"MST\" \"GMT+13\" }}|{{ toDate \"MST\" \"GMT-14\" }}|{{ toDate \"MST\" \"GMT+0\" }}|{{ toDate \"MST\" \"+00\" }}|{{ toDate \"MST\" \"+13\" }}|{{ toDate \"MST\" \"-23\" }}|{{ toDate \"MST\" \"GMT+23\" }}|{{ toDate \"MST\" \"GMT-23\" }}", "0000-01-01 13:00:00 +1300 GMT+13|-0001-12-31 10:00:00 -1400 GMT-14|0000-01-01 00:00:00 +0000 GMT+0|0000-01-01 00:00:00 +0000 +00|0000-01-01 00:00:00 +0000 +13|0000-01-01 00:00:00 +0000 -23|0000-01-01 23:00:00 +2300 GMT+23|-0001-12-31 01:00:00 -2300 GMT-23"],
    ["{{ mustToDate \"06\" \"+1\" }}", "2001-01-01 00:00:00 +0000 UTC"],
    ["{{ toDate \"_2 __2\" \" 5 100\" }}|{{ toDate \"2006 __2\" \"2020 5\" }}|{{ toDate \"15:04:05.999999999\" \"01:02:03.1234567891\" }}|{{ toDate \"05\" \"1.5\" }}|{{ toDate \"05 .999\" \"1 .5\" }}|{{ toDate \"2006 MST\" \"2020 EST\" | unixEpoch }}", "0001-01-01 00:00:00 +0000 UTC|2020-01-05 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|0001-01-01 00:00:00 +0000 UTC|1577836800"],
    ["{{ mustToDate \"__2\" \"5\" }}", "0000-01-05 00:00:00 +0000 UTC"],
    ["{{ toDate \"2006-01-02 15:04:05\" \"2020-03-04 05:06:07\" | date \"Jan January Mon Monday 1 01 2 02 _2 __2 002 3 03 15 4 04 5 05 06 2006 PM pm MST -07 Z07 ,99 .00 .000000000 .9999999999 January2006 Monday2 Mondays Janx JanX _2006 x06y\" }}", "Mar March Wed Wednesday 3 03 4 04  4  64 064 5 05 05 6 06 7 07 20 2020 AM am UTC +00 Z  .00 .000000000  March2020 Wednesday4 Wednesdays Janx MarX _2020 x20y"],
    ["{{ durationRound (toDate \"2006\" \"2300\") }}|{{ durationRound (toDate \"2006\" \"0001\") }}|{{ ago (toDate \"2006\" \"0001\") }}|{{ ago (toDate \"2006\" \"9999\") }}|{{ durationRound \"-9223372036854775807ns\" }}|{{ durationRound \"9223372036854775807ns\" }}|{{ durationRound \"1y\" }}", "273y|292y|2562047h47m16.854775807s|-2562047h47m16.854775808s|292y|292y|0s"],
    ["{{ mustDateModify \"0.0000000000000000000001h\" (toDate \"2006\" \"2020\") }}", "2020-01-01 00:00:00 +0000 UTC"],
    ["{{ mustDateModify \"1.9999999999s\" (toDate \"2006\" \"2020\") }}", "2020-01-01 00:00:01.999999999 +0000 UTC"],
    ["{{ mustDateModify \"2562047h47m16.854775807s\" (toDate \"2006\" \"2020\") }}", "2312-04-11 23:47:16.854775807 +0000 UTC"],
    ["{{ duration (int64 90) }}|{{ duration (add 3600 1) }}|{{ duration (int64 9223372036) }}|{{ duration (int64 -61) }}|{{ durationRound (int64 3600000000000) }}|{{ durationRound (int64 3600000000001) }}|{{ durationRound (int64 -1) }}|{{ durationRound (int64 1500000000) }}|{{ duration (int64 9223372037) }}|{{ duration (int64 0) }}|{{ durationRound (int64 999) }}|{{ durationRound (int64 86400000000001) }}|{{ durationRound (int64 2592000000000001) }}", "1m30s|1h0m1s|2562047h47m16s|-1m1s|60m|1h|0s|1s|-2562047h47m16.709551616s|0s|0s|1d|1mo"],
    ["{{ toDate \"2006-01-02\" \"2020-03-04\" | unixEpoch }}|{{ toDate \"2006-01-02\" \"bad\" }}|{{ toDate \"2006-01-02\" \"bad\" | unixEpoch }}", "1583280000|0001-01-01 00:00:00 +0000 UTC|-62135596800"],
    ["{{ toDate \"2006-01-02 15:04\" \"2021-03-14 07:30\" | unixEpoch }}|{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2021-03-14T07:30:00-05:00\" | unixEpoch }}", "1615707000|1615725000"],
    ["{{ toDate \"2006-01-02 15:04:05.999999999\" \"1999-12-31 23:59:59.999999999\" | dateModify \"1ns\" }}|{{ toDate \"2006-01-02 15:04:05.999999999\" \"1999-12-31 23:59:59.999999999\" | dateModify \"-1.5ms\" }}", "2000-01-01 00:00:00 +0000 UTC|1999-12-31 23:59:59.998499999 +0000 UTC"],
    ["{{ date \"2006-01-02\" (int64 86400) }}|{{ dateInZone \"15:04\" (int64 3600) \"UTC\" }}|{{ htmlDate (int64 0) }}", "1970-01-02|01:00|1970-01-01"],
    ["{{ ago .Values.f }}|{{ ago now }}|{{ ago (now | dateModify \"1h\") }}|{{ ago (now | dateModify \"-90m\") }}|{{ ago (now | dateModify \"-1.4s\") }}", "0s|0s|-1h0m0s|1h30m0s|1s"],
    ["{{ duration \"3661\" }}|{{ duration .Values.f }}|{{ duration \"x\" }}|{{ duration \"1.5\" }}", "1h1m1s|0s|0s|0s"],
    ["{{ durationRound \"2h10m\" }}|{{ durationRound \"-90s\" }}|{{ durationRound \"400d\" }}|{{ durationRound \"9000h\" }}|{{ durationRound \"800h\" }}|{{ durationRound \"1s\" }}|{{ durationRound \"1.5s\" }}|{{ durationRound .Values.f }}|{{ durationRound \"1h0.5s\" }}|{{ durationRound \"61s\" }}", "2h|1m|0s|1y|1mo|0s|1s|0s|1h|1m"],
    ["{{ $t := toDate \"2006-01-02 15:04:05.000\" \"2020-03-04 05:06:07.089\" }}{{ $t.Unix }}|{{ $t.UnixMilli }}|{{ $t.UnixMicro }}|{{ $t.UnixNano }}|{{ $t.Year }}|{{ $t.YearDay }}|{{ $t.Day }}|{{ $t.Hour }}|{{ $t.Minute }}|{{ $t.Second }}|{{ $t.Nanosecond }}|{{ $t.IsZero }}|{{ $t.Format \"Jan 2\" }}|{{ $t.UTC }}|{{ $t.Local }}|{{ $t.String }}|{{ $t.Unix | typeOf }}", "1583298367|1583298367089|1583298367089000|1583298367089000000|2020|64|4|5|6|7|89000000|false|Mar 4|2020-03-04 05:06:07.089 +0000 UTC|2020-03-04 05:06:07.089 +0000 UTC|2020-03-04 05:06:07.089 +0000 UTC|int64"],
    ["{{ $t := toDate \"2006-01-02\" \"2020-03-04\" }}{{ printf \"%v|%s|%q\" $t $t $t }}|{{ list $t }}|{{ dict \"t\" $t }}|{{ quote $t }}|{{ $t | toString }}|{{ cat $t 1 }}|{{ print $t }}|{{ if $t }}yes{{ end }}|{{ empty $t }}|{{ default \"d\" $t }}", "2020-03-04 00:00:00 +0000 UTC|2020-03-04 00:00:00 +0000 UTC|\"2020-03-04 00:00:00 +0000 UTC\"|[2020-03-04 00:00:00 +0000 UTC]|map[t:2020-03-04 00:00:00 +0000 UTC]|\"2020-03-04 00:00:00 +0000 UTC\"|2020-03-04 00:00:00 +0000 UTC|2020-03-04 00:00:00 +0000 UTC 1|2020-03-04 00:00:00 +0000 UTC|yes|false|2020-03-04 00:00:00 +0000 UTC"],
    ["{{ toDate \"05\" \".5\" }}", "0000-01-01 00:00:00.5 +0000 UTC"],
    ["{{ $t := toDate \"2006\" \"2020\" }}{{ $u := toDate \"2006\" \"2021\" }}{{ $t.Before $u }}|{{ $t.After $u }}|{{ $t.Equal $t }}|{{ (toDate \"x\" \"y\").IsZero }}|{{ $t.Add 1000000000 }}", "true|false|true|true|2020-01-01 00:00:01 +0000 UTC"],
  ])('%s', (text, want) => {
    expect(run(text, values, host)).toBe(want);
  });

  it.skipIf(!hasZoneinfo).each<[string, string]>([
    ["{{ date_in_zone \"2006-01-02 15:04 MST -0700\" 0 \"America/New_York\" }}|{{ dateInZone \"2006-01-02 15:04 MST Z07:00\" 1600000000 \"Europe/Berlin\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"Asia/Kolkata\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"Nowhere/Zone\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"Local\" }}|{{ dateInZone \"15:04 MST -07:00\" 1600000000 \"America/Sao_Paulo\" }}|{{ dateInZone \"15:04 MST\" 4102444800 \"America/New_York\" }}|{{ dateInZone \"15:04 MST\" 4118000000 \"America/New_York\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"EST5EDT\" }}|{{ dateInZone \"15:04 MST\" 1600000000 \"UTC\" }}", "1969-12-31 19:00 EST -0500|2020-09-13 14:26 CEST +02:00|17:56 IST|12:26 UTC|12:26 UTC|12:26 UTC|09:26 -03 -03:00|19:00 EST|20:53 EDT|08:26 EDT|12:26 UTC"],
    ["{{ htmlDate 0 }}|{{ htmlDateInZone 86399 \"Asia/Tokyo\" }}|{{ htmlDate .Values.f | len }}|{{ htmlDate .Values.s | len }}|{{ date \"2006\" .Values.f }}", "1970-01-01|1970-01-02|10|10|2026"],
    ["{{ dateInZone \"2006-01-02 15:04:05 MST\" (toDate \"2006-01-02 15:04\" \"2021-03-14 07:30\") \"America/New_York\" }}|{{ dateInZone \"2006-01-02 15:04:05 MST\" (toDate \"2006-01-02 15:04\" \"2021-11-07 05:30\") \"America/New_York\" }}|{{ dateInZone \"2006-01-02 15:04:05 MST\" (toDate \"2006-01-02 15:04\" \"2021-11-07 06:30\") \"America/New_York\" }}|{{ dateInZone \"2006-01-02 MST -0700\" (toDate \"2006-01-02\" \"1850-01-01\") \"America/New_York\" }}|{{ dateInZone \"2006-01-02 MST -07:00:00\" (toDate \"2006-01-02\" \"1850-01-01\") \"Europe/Amsterdam\" }}|{{ dateInZone \"2006-01-02 MST\" (toDate \"2006-01-02\" \"2060-07-01\") \"Australia/Sydney\" }}|{{ dateInZone \"2006-01-02 MST\" (toDate \"2006-01-02\" \"2060-01-01\") \"Australia/Sydney\" }}|{{ dateInZone \"2006-01-02 MST\" 0 \"Etc/GMT+5\" }}|{{ dateInZone \"2006-01-02 MST\" 0 \"../etc\" }}|{{ dateInZone \"2006 MST\" 0 \"/etc/localtime\" }}|{{ dateInZone \"15:04 MST\" 0 \"utc\" }}|{{ dateInZone \"15:04 MST\" 0 \"US/Eastern\" }}|{{ dateInZone \"15:04 MST\" 0 \"Europe/Dublin\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" 1700000000 \"Europe/Dublin\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" 1690000000 \"Europe/Dublin\" }}", "2021-03-14 03:30:00 EDT|2021-11-07 01:30:00 EDT|2021-11-07 01:30:00 EST|1849-12-31 LMT -0456|1850-01-01 AMT +00:19:32|2060-07-01 AEST|2060-01-01 AEDT|1969-12-31 -05|1970-01-01 UTC|1970 UTC|00:00 UTC|19:00 EST|01:00 IST|2023-11-14 22:13 GMT|2023-07-22 05:26 IST"],
    ["{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02\" \"2200-07-01\") \"America/Santiago\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02\" \"2200-01-01\") \"America/Santiago\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02\" \"2200-07-01\") \"Africa/Casablanca\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02\" \"2200-07-01\") \"Asia/Tehran\" }}|{{ dateInZone \"2006-01-02 15:04 MST\" (toDate \"2006-01-02\" \"2200-07-01\") \"Europe/London\" }}", "2200-06-30 20:00 -04|2199-12-31 21:00 -03|2200-07-01 01:00 +01|2200-07-01 03:30 +0330|2200-07-01 01:00 BST"],
  ])('%s (zones from the system zoneinfo, as Go reads them)', (text, want) => {
    expect(run(text, values, host)).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ mustToDate \"2006-01-02\" \"bad\" }}", "error calling mustToDate: parsing time \"bad\" as \"2006-01-02\": cannot parse \"bad\" as \"2006\""],
    ["{{ mustToDate \"2006-01-02\" \"2020-13-01\" }}", "error calling mustToDate: parsing time \"2020-13-01\": month out of range"],
    ["{{ mustToDate \"2006-01-02\" \"2020-02-30\" }}", "error calling mustToDate: parsing time \"2020-02-30\": day out of range"],
    ["{{ mustToDate \"2006-01-02\" \"2020-01-02x\" }}", "error calling mustToDate: parsing time \"2020-01-02x\": extra text: \"x\""],
    ["{{ mustToDate \"15:04\" \"25:00\" }}", "error calling mustToDate: parsing time \"25:00\": hour out of range"],
    ["{{ mustDateModify \"bad\" (toDate \"2006-01-02\" \"2020-03-04\") }}", "error calling mustDateModify: time: invalid duration \"bad\""],
    ["{{ mustDateModify \"1x\" (toDate \"2006-01-02\" \"2020-03-04\") }}", "error calling mustDateModify: time: unknown unit \"x\" in duration \"1x\""],
    ["{{ mustDateModify \"\" (toDate \"2006-01-02\" \"2020-03-04\") }}", "error calling mustDateModify: time: invalid duration \"\""],
    ["{{ mustDateModify \"99999999999h\" (toDate \"2006-01-02\" \"2020-03-04\") }}", "error calling mustDateModify: time: invalid duration \"99999999999h\""],
    ["{{ mustToDate \"2006-01-02 MST\" \"2020-01-01 ABCD\" }}", "error calling mustToDate: parsing time \"2020-01-01 ABCD\" as \"2006-01-02 MST\": cannot parse \"ABCD\" as \"MST\""],
    ["{{ mustToDate \"2006-01-02 MST\" \"2020-01-01 Ab\" }}", "error calling mustToDate: parsing time \"2020-01-01 Ab\" as \"2006-01-02 MST\": cannot parse \"Ab\" as \"MST\""],
    ["{{ mustToDate \"15:04:05.000\" \"01:02:03.12\" }}", "error calling mustToDate: parsing time \"01:02:03.12\" as \"15:04:05.000\": cannot parse \".12\" as \".000\""],
    ["{{ mustToDate \"2006 002\" \"2021 366\" }}", "error calling mustToDate: parsing time \"2021 366\": day-of-year out of range"],
    ["{{ mustToDate \"2006-01 002\" \"2021-02 060\" }}", "error calling mustToDate: parsing time \"2021-02 060\": day-of-year does not match month"],
    ["{{ mustToDate \"2006 002 2\" \"2021 060 2\" }}", "error calling mustToDate: parsing time \"2021 060 2\": day-of-year does not match day"],
    ["{{ mustToDate \"Jan\" \"Foo\" }}", "error calling mustToDate: parsing time \"Foo\" as \"Jan\": cannot parse \"Foo\" as \"Jan\""],
    ["{{ mustToDate \"3PM\" \"3XM\" }}", "error calling mustToDate: parsing time \"3XM\" as \"3PM\": cannot parse \"\" as \"PM\""],
    ["{{ mustToDate \"2006\" \"20\" }}", "error calling mustToDate: parsing time \"20\" as \"2006\": cannot parse \"20\" as \"2006\""],
    ["{{ mustToDate \"01\" \"1\" }}", "error calling mustToDate: parsing time \"1\" as \"01\": cannot parse \"1\" as \"01\""],
    ["{{ mustToDate \"1\" \"00\" }}", "error calling mustToDate: parsing time \"00\": month out of range"],
    ["{{ mustToDate \"15:04\" \"10:61\" }}", "error calling mustToDate: parsing time \"10:61\": minute out of range"],
    ["{{ mustToDate \"05\" \"61\" }}", "error calling mustToDate: parsing time \"61\": second out of range"],
    ["{{ mustToDate \"2006 -0700\" \"2020 x0100\" }}", "error calling mustToDate: parsing time \"2020 x0100\" as \"2006 -0700\": cannot parse \"\" as \"-0700\""],
    ["{{ mustToDate \"2006 -07:00\" \"2020 +0100\" }}", "error calling mustToDate: parsing time \"2020 +0100\" as \"2006 -07:00\": cannot parse \"+0100\" as \"-07:00\""],
    ["{{ mustToDate \"2006 Z07\" \"2020 +1\" }}", "error calling mustToDate: parsing time \"2020 +1\" as \"2006 Z07\": cannot parse \"+1\" as \"Z07\""],
    ["{{ mustToDate \"2006 MST\" \"2020 ab\" }}", "error calling mustToDate: parsing time \"2020 ab\" as \"2006 MST\": cannot parse \"ab\" as \"MST\""],
    ["{{ mustToDate \"2006  01\" \"2020 1\" }}", "error calling mustToDate: parsing time \"2020 1\" as \"2006  01\": cannot parse \"1\" as \"01\""],
    ["{{ mustToDate \"2006 é\" \"2020 ü\" }}", "error calling mustToDate: parsing time \"2020 \\xc3\\xbc\" as \"2006 \\xc3\\xa9\": cannot parse \"\\xbc\" as \" \\xc3\\xa9\""],
    ["{{ mustToDate \"2006\" \"2020\\n\" }}", "error calling mustToDate: parsing time \"2020\\x0a\": extra text: \"\\x0a\""],
    ["{{ mustToDate \"MST\" \"+24\" }}", "error calling mustToDate: parsing time \"+24\" as \"MST\": cannot parse \"+24\" as \"MST\""],
    ["{{ mustToDate \"MST\" \"GMT+24\" }}", "error calling mustToDate: parsing time \"GMT+24\": extra text: \"+24\""],
    ["{{ mustToDate \"MST\" \"GMT+\" }}", "error calling mustToDate: parsing time \"GMT+\": extra text: \"+\""],
    ["{{ mustToDate \"MST\" \"+x\" }}", "error calling mustToDate: parsing time \"+x\" as \"MST\": cannot parse \"+x\" as \"MST\""],
    ["{{ mustToDate \".000\" \".-12\" }}", "error calling mustToDate: parsing time \".-12\": fractional second out of range"],
    ["{{ mustToDate \"2006\" \"+001\" }}", "error calling mustToDate: parsing time \"+001\" as \"2006\": cannot parse \"+001\" as \"2006\""],
    ["{{ mustToDate \"Mon\" \"Mo\" }}", "error calling mustToDate: parsing time \"Mo\" as \"Mon\": cannot parse \"Mo\" as \"Mon\""],
    ["{{ mustToDate \"_2\" \"  3\" }}", "error calling mustToDate: parsing time \"  3\" as \"_2\": cannot parse \" 3\" as \"_2\""],
    ["{{ mustToDate \"15\" \"-1\" }}", "error calling mustToDate: parsing time \"-1\" as \"15\": cannot parse \"-1\" as \"15\""],
    ["{{ mustToDate \"PM\" \"P\" }}", "error calling mustToDate: parsing time \"P\" as \"PM\": cannot parse \"P\" as \"PM\""],
    ["{{ mustToDate \"2006 002\" \"2021 000\" }}", "error calling mustToDate: parsing time \"2021 000\": day-of-year out of range"],
    ["{{ mustToDate \"002\" \"05\" }}", "error calling mustToDate: parsing time \"05\" as \"002\": cannot parse \"05\" as \"002\""],
    ["{{ mustToDate \"2006-01-02\" \"2021-02-29\" }}", "error calling mustToDate: parsing time \"2021-02-29\": day out of range"],
    ["{{ mustToDate \"Jan _2\" \"Feb 30\" }}", "error calling mustToDate: parsing time \"Feb 30\": day out of range"],
    ["{{ mustToDate \"1/2\" \"13/1\" }}", "error calling mustToDate: parsing time \"13/1\": month out of range"],
    ["{{ mustToDate \"3:04PM\" \"13:00PM\" }}", "error calling mustToDate: parsing time \"13:00PM\": hour out of range"],
    ["{{ mustDateModify \".s\" now }}", "error calling mustDateModify: time: invalid duration \".s\""],
    ["{{ mustDateModify \"1\" now }}", "error calling mustDateModify: time: missing unit in duration \"1\""],
    ["{{ mustDateModify \"µs\" now }}", "error calling mustDateModify: time: invalid duration \"\\xc2\\xb5s\""],
    ["{{ mustDateModify \"1é\" now }}", "error calling mustDateModify: time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\""],
    ["{{ mustDateModify \"+\" now }}", "error calling mustDateModify: time: invalid duration \"+\""],
    ["{{ mustDateModify \"2562047h47m16.854775808s\" (toDate \"2006\" \"2020\") }}", "error calling mustDateModify: time: invalid duration \"2562047h47m16.854775808s\""],
  ])('%s fails', (text, message) => {
    expect(errorOf(text, values).message).toBe(message);
  });

  it.each<[string, string]>([
    ['{{ dateModify "1h" .Values.s }}', 'wrong type for value; expected time.Time; got string'],
    ['{{ unixEpoch .Values.f }}', 'wrong type for value; expected time.Time; got float64'],
  ])('%s fails on a value that is not a time', (text, clause) => {
    // helm reports this at the argument (Go checks the parameter type); here the function reports it.
    expect(errorOf(text, values).message).toContain(clause);
  });

  it('now is the host clock in the local zone, printed with its monotonic reading as Go prints time.Now', () => {
    expect(run('{{ now }}', {}, host)).toMatch(/^2026-11-21 12:21:24\.858 \+0000 UTC m=[+-]\d+\.\d{9}$/);
    expect(run('{{ now | date "2006-01-02T15:04:05.000Z07:00" }}|{{ now | unixEpoch }}|{{ now | htmlDate }}', {}, host)).toBe('2026-11-21T12:21:24.858Z|1795263684|2026-11-21');
    // dateModify keeps the reading (moved along); In/UTC drop it.
    expect(run('{{ now | dateModify "1h" }}', {}, host)).toMatch(/^2026-11-21 13:21:24\.858 \+0000 UTC m=[+-]\d+\.\d{9}$/);
    expect(run('{{ now.UTC }}', {}, host)).toBe('2026-11-21 12:21:24.858 +0000 UTC');
    expect(run('{{ ago (int64 0) }}', {}, host)).toMatch(/^\d+h\d+m\d+s$/);
  });
});

describe('Go structs (time.Time, sprig.certificate): type names and what encoding/json makes of them', () => {
  it.each<[string, string]>([
    ['{{ toDate "2006-01-02" "2020-01-02" | toJson }}', '"2020-01-02T00:00:00Z"'],
    ['{{ toDate "2006-01-02" "2020-01-02" | toYaml }}', '"2020-01-02T00:00:00Z"'],
    ['{{ dateModify "1.5h" (toDate "2006-01-02" "2020-01-02") | toJson }}', '"2020-01-02T01:30:00Z"'],
    ['{{ dict "t" (toDate "2006-01-02" "2020-01-02") | toYaml }}', 't: "2020-01-02T00:00:00Z"'],
    ['{{ list (toDate "2006-01-02" "2020-01-02") | toJson }}', '["2020-01-02T00:00:00Z"]'],
    ['{{ toDate "2006-01-02" "2020-01-02" | typeOf }} {{ toDate "2006-01-02" "2020-01-02" | kindOf }}', 'time.Time struct'],
    ['{{ toDate "2006-01-02" "2020-01-02" | kindIs "struct" }} {{ toDate "2006-01-02" "2020-01-02" | typeIsLike "time.Time" }}', 'true true'],
    ['{{ toDate "2006-01-02" "2020-01-02" | empty }}', 'false'],
    ['{{ $c := genCA "x" 1 }}{{ typeOf $c }} {{ kindOf $c }} {{ $c | toJson | fromJson | keys | sortAlpha }} {{ ($c | toYaml | fromYaml).Cert | trunc 27 }}', 'sprig.certificate struct [Cert Key] -----BEGIN CERTIFICATE-----'],
  ])('%s', (text, expected) => {
    expect(run(text, {})).toBe(expected);
  });
});

describe('toToml: BurntSushi/toml v1.1.0 output, its errors as text', () => {
  const values = {"m": {"name": "x", "n": 1, "f": 1.5, "big": 1e+21, "small": 1e-07, "t": true, "nil": null, "list": [1, 2, 3], "nested": {"a": "b", "deep": {"c": 1}, "z": [true]}, "tables": [{"a": 1}, {"b": {"c": 2}}], "empty": {}, "emptyList": [], "q": "a\"b\\c\n\té", "weird key": 1, "": 2, "k.dot": {"x": 1}, "mixed": [1, "a", 2.5]}, "arrNil": {"a": [1, null]}, "arrNil0": {"a": [null]}, "mixTables": {"a": [{"x": 1}, 2]}, "mixTables2": {"a": [1, {"x": 1}]}, "nestedLists": {"a": [[1, 2], ["x"], [{"k": "v"}]]}, "inline": {"a": [[{"k": "v", "n": null, "s": {"q": 1}}]]}, "inlineNilLast": {"a": [[{"k": "v", "z": null}]]}, "listInTables": {"a": [{"x": [1], "y": {"z": 1}}, {"w": 2}]}, "a": {"t1": {"t2": {"arr": [{"x": 1, "sub": {"y": [{"z": 1}]}}, {"x": 2}], "v": "w"}}, "b": 1}};
  it.each<[string, string]>([
    ["{{ toToml .Values.m }}", "\"\" = 2.0\nbig = 1000000000000000000000.0\nemptyList = []\nf = 1.5\nlist = [1.0, 2.0, 3.0]\nmixed = [1.0, \"a\", 2.5]\nn = 1.0\nname = \"x\"\nq = \"a\\\"b\\\\c\\n\\té\"\nsmall = 0.0000001\nt = true\n\"weird key\" = 1.0\n\n[empty]\n\n[\"k.dot\"]\n  x = 1.0\n\n[nested]\n  a = \"b\"\n  z = [true]\n  [nested.deep]\n    c = 1.0\n\n[[tables]]\n  a = 1.0\n\n[[tables]]\n  [tables.b]\n    c = 2.0\n"],
    ["{{ toToml .Values.arrNil }}", "toml: cannot encode array with nil element"],
    ["{{ toToml .Values.arrNil0 }}", "toml: cannot encode array with nil element"],
    ["{{ toToml .Values.mixTables2 }}", "a = [1.0, {x = 1.0}]\n"],
    ["{{ toToml .Values.nestedLists }}", "a = [[1.0, 2.0], [\"x\"], [{k = \"v\"}]]\n"],
    ["{{ toToml .Values.inline }}", "a = [[{k = \"v\", s = {q = 1.0}}]]\n"],
    ["{{ toToml .Values.inlineNilLast }}", "a = [[{k = \"v\", }]]\n"],
    ["{{ toToml .Values.listInTables }}", "[[a]]\n  x = [1.0]\n  [a.y]\n    z = 1.0\n\n[[a]]\n  w = 2.0\n"],
    ["{{ toToml \"s\" }}", "toml: top-level values must be Go maps or structs"],
    ["{{ toToml 1 }}", "toml: top-level values must be Go maps or structs"],
    ["{{ toToml (list 1 2) }}", "toml: top-level values must be Go maps or structs"],
    ["{{ toToml (list (dict \"a\" 1)) }}", "toml: top-level values must be Go maps or structs"],
    ["{{ toToml (dict) }}", ""],
    ["{{ toToml (dict \"a\" (dict)) }}", "[a]\n"],
    ["{{ toToml (dict \"t\" (toDate \"2006-01-02\" \"2020-03-04\") \"l\" (list (toDate \"2006-01-02\" \"2020-03-04\"))) }}", "l = [2020-03-04T00:00:00Z]\nt = 2020-03-04T00:00:00Z\n"],
    ["{{ toToml (dict \"i\" 5 \"neg\" -3 \"nan\" (float64 \"NaN\") \"inf\" (float64 \"-Inf\") \"pinf\" (float64 \"Inf\") \"z\" 0.0 \"nz\" (float64 \"-0\")) }}", "i = 5\ninf = -inf\nnan = nan\nneg = -3\nnz = -0.0\npinf = +inf\nz = 0.0\n"],
    ["{{ toToml (dict \"a\" (dict \"b\" (dict \"c\" (dict \"d\" 1)) \"x\" 2) \"top\" 1 \"t2\" (dict \"y\" 1)) }}", "top = 1\n\n[a]\n  x = 2\n  [a.b]\n    [a.b.c]\n      d = 1\n\n[t2]\n  y = 1\n"],
    ["{{ toToml (dict \"l\" (list (list (dict \"a\" 1)))) }}", "l = [[{a = 1}]]\n"],
    ["{{ toToml (dict \"l\" (list (dict \"a\" (list (dict \"b\" 1))))) }}", "[[l]]\n\n  [[l.a]]\n    b = 1\n"],
    ["{{ toToml (dict \"ü\" 1 \"a b\" (dict \"c d\" 2)) }}", "\"ü\" = 1\n\n[\"a b\"]\n  \"c d\" = 2\n"],
    ["{{ toToml (dict \"s\" \"\\u2028\\u0000\\u001f\\b\\f\\r\\x7f\\x01\") }}", "s = \" \\u0000\\u001f\\b\\f\\r\\u007f\\u0001\"\n"],
    ["{{ toToml .Values.a }}", "b = 1.0\n\n[t1]\n  [t1.t2]\n    v = \"w\"\n\n    [[t1.t2.arr]]\n      x = 1.0\n      [t1.t2.arr.sub]\n\n        [[t1.t2.arr.sub.y]]\n          z = 1.0\n\n    [[t1.t2.arr]]\n      x = 2.0\n"],
    ["{{ toToml (dict \"a\" (list (dict \"k\" \"v\" \"m\" nil \"n\" 1) (dict \"q\" (dict \"r\" nil))) \"b\" (list (list (dict \"x\" nil \"y\" 1 \"z\" (dict \"s\" 1))))) }}", "b = [[{y = 1, z = {s = 1}}]]\n\n[[a]]\n  k = \"v\"\n  n = 1\n\n[[a]]\n  [a.q]\n"],
    ["{{ toToml (dict \"k\\\"q\" 1 \"t\\tk\" 2 \"a.b\" (dict \"c\\\\d\" 3) \"-_\" 4 \"Ü\" (list \"\\u0080\")) }}", "-_ = 4\n\"k\\\"q\" = 1\n\"t\\tk\" = 2\n\"Ü\" = [\"\"]\n\n[\"a.b\"]\n  \"c\\\\d\" = 3\n"],
    ["{{ toToml (dict \"x\" (list (dict \"a\" 1) (dict))) }}|{{ toToml (dict \"e\" (list (dict))) }}|{{ toToml (dict \"f\" 1e21 \"g\" 1e-7 \"h\" 123456789.125 \"i\" -0.5 \"j\" 100.0) }}", "[[x]]\n  a = 1\n\n[[x]]\n|[[e]]\n|f = 1000000000000000000000.0\ng = 0.0000001\nh = 123456789.125\ni = -0.5\nj = 100.0\n"],
    ["{{ toToml (dict \"a\" (list (list) (list 1))) }}|{{ toToml (dict \"a\" (dict \"b\" (list))) }}|{{ toToml (dict \"z\" 1 \"a\" (dict \"x\" 1) \"m\" (list (dict \"y\" 2))) }}", "a = [[], [1]]\n|[a]\n  b = []\n|z = 1\n\n[a]\n  x = 1\n\n[[m]]\n  y = 2\n"],
  ])('%s', (text, want) => {
    expect(run(text, values)).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ toToml .Values.mixTables }}", "error calling toToml: eTable: unhandled reflect.Value Kind: float64"],
    ["{{ toToml nil }}", "error calling toToml: reflect: call of reflect.Value.Interface on zero Value"],
    ["{{ toToml (dict \"a\" (list (dict \"x\" 1) (list 1))) }}", "error calling toToml: eTable: unhandled reflect.Value Kind: slice"],
    ["{{ toToml (dict \"a\" (list (dict \"x\" 1) \"s\")) }}", "error calling toToml: eTable: unhandled reflect.Value Kind: string"],
  ])('%s fails', (text, message) => {
    expect(errorOf(text, values).message).toBe(message);
  });
});

describe('urlParse and urlJoin: Go net/url parsing and printing', () => {
  const values = {"f": 1.5, "u": {"scheme": "https", "host": "h", "path": 3}};
  it.each<[string, string]>([
    ["{{ urlParse \"https://user:p%40ss@example.com:8080/a/b%2Fc?x=1&y=%20#frag%20x\" | toJson }}", "{\"fragment\":\"frag x\",\"host\":\"example.com:8080\",\"hostname\":\"example.com\",\"opaque\":\"\",\"path\":\"/a/b/c\",\"query\":\"x=1\\u0026y=%20\",\"scheme\":\"https\",\"userinfo\":\"user:p%40ss\"}"],
    ["{{ urlParse \"mailto:joe@example.com?subject=hi\" | toJson }}|{{ urlParse \"/rel/path?q\" | toJson }}|{{ urlParse \"\" | toJson }}|{{ urlParse \"*\" | toJson }}|{{ urlParse \"http://[::1]:80/x\" | toJson }}|{{ urlParse \"HTTP://Host.COM\" | toJson }}|{{ urlParse \"http://a@b@c/\" | toJson }}|{{ urlParse \"//host/p\" | toJson }}|{{ urlParse \"x?\" | toJson }}|{{ urlParse \"http://h/p?\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"joe@example.com\",\"path\":\"\",\"query\":\"subject=hi\",\"scheme\":\"mailto\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"/rel/path\",\"query\":\"q\",\"scheme\":\"\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"*\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"[::1]:80\",\"hostname\":\"::1\",\"opaque\":\"\",\"path\":\"/x\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"Host.COM\",\"hostname\":\"Host.COM\",\"opaque\":\"\",\"path\":\"\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"c\",\"hostname\":\"c\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"a%40b\"}|{\"fragment\":\"\",\"host\":\"host\",\"hostname\":\"host\",\"opaque\":\"\",\"path\":\"/p\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"x\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}|{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/p\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"a:b/c:d\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"b/c:d\",\"path\":\"\",\"query\":\"\",\"scheme\":\"a\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"a/b:c\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"a/b:c\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"b:c/d\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"c/d\",\"path\":\"\",\"query\":\"\",\"scheme\":\"b\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"x/c:d\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"x/c:d\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"c:d/x\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"d/x\",\"path\":\"\",\"query\":\"\",\"scheme\":\"c\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"http://h/a b\" | toJson }}", "{\"fragment\":\"\",\"host\":\"h\",\"hostname\":\"h\",\"opaque\":\"\",\"path\":\"/a b\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"http://%e2%82%ac/\" | toJson }}", "{\"fragment\":\"\",\"host\":\"€\",\"hostname\":\"€\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"http://[fe80::1%25en0]:8080/\" | toJson }}", "{\"fragment\":\"\",\"host\":\"[fe80::1%en0]:8080\",\"hostname\":\"fe80::1%en0\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlJoin (dict \"userinfo\" \"a/b\") }}", ""],
    ["{{ urlJoin (dict \"userinfo\" \"a@b\") }}", "//a%40b@"],
    ["{{ urlParse \"https://example.com/p\" | urlJoin }}", "https://example.com/p"],
    ["{{ urlJoin (dict \"scheme\" \"https\" \"host\" \"example.com:8080\" \"path\" \"/a b/c?\" \"query\" \"x=1\" \"fragment\" \"f g\" \"userinfo\" \"user:p@ss\") }}|{{ urlJoin (dict \"scheme\" \"mailto\" \"opaque\" \"joe@example.com\") }}|{{ urlJoin (dict) }}|{{ urlJoin (dict \"path\" \"a:b/c\") }}|{{ urlJoin (dict \"host\" \"h\" \"path\" \"rel\") }}|{{ urlJoin (dict \"host\" \"hé\") }}|{{ urlJoin (dict \"userinfo\" \"bob\") }}|{{ urlJoin (dict \"scheme\" \"http\" \"path\" \"/p\") }}|{{ urlJoin (dict \"userinfo\" \"a:b:c\" \"host\" \"h\") }}|{{ urlJoin (dict \"userinfo\" \"\" \"host\" \"h\") }}|{{ urlJoin (dict \"path\" \"*\") }}|{{ urlJoin (dict \"fragment\" \"a#b!c'd é\") }}|{{ urlJoin (dict \"path\" \"/%2F\") }}|{{ urlJoin (dict \"query\" \"a b\" \"scheme\" \"s\") }}|{{ urlJoin (dict \"userinfo\" \"p%40ss:w%3Ard\") }}|{{ urlJoin nil }}", "https://user:p%40ss@example.com:8080/a%20b/c%3F?x=1#f%20g|mailto:joe@example.com||./a:b/c|//h/rel|//h%C3%A9|//bob@|http:///p|//a:b%3Ac@h|//h|*|#a%23b!c%27d%20%C3%A9|/%252F|s:?a b|//p%40ss:w%3Ard@|"],
    ["{{ urlParse \"http://[fe80::1%25en0%41]/\" | toJson }}", "{\"fragment\":\"\",\"host\":\"[fe80::1%en0A]\",\"hostname\":\"fe80::1%en0A\",\"opaque\":\"\",\"path\":\"/\",\"query\":\"\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"http://h:8080:90/\" }}", "map[fragment: host:h:8080:90 hostname:h:8080 opaque: path:/ query: scheme:http userinfo:]"],
    ["{{ urlParse \"http://é.com/ü?q=ä#ö\" | toJson }}", "{\"fragment\":\"ö\",\"host\":\"é.com\",\"hostname\":\"é.com\",\"opaque\":\"\",\"path\":\"/ü\",\"query\":\"q=ä\",\"scheme\":\"http\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"///x\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"///x\",\"query\":\"\",\"scheme\":\"\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"s:///x\" | toJson }}", "{\"fragment\":\"\",\"host\":\"\",\"hostname\":\"\",\"opaque\":\"\",\"path\":\"/x\",\"query\":\"\",\"scheme\":\"s\",\"userinfo\":\"\"}"],
    ["{{ urlParse \"http://h/a%2Fb?x#y%2Fz\" | urlJoin }}|{{ urlParse \"HTTP://u:p@H:1/p?q#f\" | urlJoin }}|{{ urlParse \"mailto:a@b\" | urlJoin }}|{{ (urlParse \"http://h/a%20b\").path }}|{{ urlParse \"file:///etc/hosts\" | urlJoin }}", "http://h/a/b?x#y/z|http://u:p@H:1/p?q#f|mailto:a@b|/a b|file:///etc/hosts"],
  ])('%s', (text, want) => {
    expect(run(text, values)).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ urlParse \"http://[::1\" }}", "error calling urlParse: unable to parse url: parse \"http://[::1\": missing ']' in host"],
    ["{{ urlParse \"http://h:port/\" }}", "error calling urlParse: unable to parse url: parse \"http://h:port/\": invalid port \":port\" after host"],
    ["{{ urlParse \":foo\" }}", "error calling urlParse: unable to parse url: parse \":foo\": missing protocol scheme"],
    ["{{ urlParse \"1a:b\" }}", "error calling urlParse: unable to parse url: parse \"1a:b\": first path segment in URL cannot contain colon"],
    ["{{ urlParse \"%zz\" }}", "error calling urlParse: unable to parse url: parse \"%zz\": invalid URL escape \"%zz\""],
    ["{{ urlParse \"http://h/%zz\" }}", "error calling urlParse: unable to parse url: parse \"http://h/%zz\": invalid URL escape \"%zz\""],
    ["{{ urlParse \"http://h/#%zz\" }}", "error calling urlParse: unable to parse url: parse \"http://h/#%zz\": invalid URL escape \"%zz\""],
    ["{{ urlParse \"http://u%zz@h/\" }}", "error calling urlParse: unable to parse url: parse \"http://u%zz@h/\": invalid URL escape \"%zz\""],
    ["{{ urlParse \"http://a b/\" }}", "error calling urlParse: unable to parse url: parse \"http://a b/\": invalid character \" \" in host name"],
    ["{{ urlParse \"http://h/\\u0001\" }}", "error calling urlParse: unable to parse url: parse \"http://h/\\x01\": net/url: invalid control character in URL"],
    ["{{ urlParse \"http://us er@h/\" }}", "error calling urlParse: unable to parse url: parse \"http://us er@h/\": net/url: invalid userinfo"],
    ["{{ urlParse \"http://h%41/\" }}", "error calling urlParse: unable to parse url: parse \"http://h%41/\": invalid URL escape \"%41\""],
    ["{{ urlJoin (dict \"host\" nil) }}", "error calling urlJoin: runtime error: invalid memory address or nil pointer dereference"],
    ["{{ urlJoin (dict \"userinfo\" \"a%zz\") }}", "error calling urlJoin: unable to parse userinfo in dict: parse \"proto://a%zz@host\": invalid URL escape \"%zz\""],
    ["{{ urlJoin (dict \"host\" .Values.f) }}", "error calling urlJoin: unable to parse host key, must be of type string, but float64 found"],
    ["{{ urlJoin .Values.u }}", "error calling urlJoin: unable to parse path key, must be of type string, but float64 found"],
    ["{{ urlJoin (dict \"scheme\" (list) \"host\" 1) }}", "error calling urlJoin: unable to parse scheme key, must be of type string, but slice found"],
    ["{{ urlParse \"http://[fe80::1%25%0a]/\" }}", "error calling urlParse: unable to parse url: parse \"http://[fe80::1%25%0a]/\": invalid URL escape \"%0a\""],
    ["{{ urlParse \"http://[::1]x/\" }}", "error calling urlParse: unable to parse url: parse \"http://[::1]x/\": invalid port \"x\" after host"],
    ["{{ urlParse \"http://h:é/\" }}", "error calling urlParse: unable to parse url: parse \"http://h:é/\": invalid port \":é\" after host"],
    ["{{ urlParse \"http://%zé/\" }}", "error calling urlParse: unable to parse url: parse \"http://%zé/\": invalid URL escape \"%z\\xc3\""],
    ["{{ urlParse \"http://h/%\" }}", "error calling urlParse: unable to parse url: parse \"http://h/%\": invalid URL escape \"%\""],
    ["{{ urlParse \"http://h/%4\" }}", "error calling urlParse: unable to parse url: parse \"http://h/%4\": invalid URL escape \"%4\""],
  ])('%s fails', (text, message) => {
    expect(errorOf(text, values).message).toBe(message);
  });
});

describe('getHostByName: what Go resolves without DNS, and a clear failure for what needs it', () => {
  it.each<[string, string]>([
    ["{{ getHostByName \"127.0.0.1\" }}|{{ getHostByName \"::1\" }}|{{ getHostByName \"fe80::1%eth0\" }}", "127.0.0.1|::1|fe80::1%eth0"],
  ])('%s', (text, want) => {
    expect(run(text, {})).toBe(want);
  });

  it.each<[string, string]>([
    ["{{ getHostByName \"\" }}", "error calling getHostByName: invalid argument to Intn"],
    ["{{ getHostByName \"bad name\" }}", "error calling getHostByName: invalid argument to Intn"],
    ["{{ getHostByName \"1.2.3\" }}", "error calling getHostByName: invalid argument to Intn"],
  ])('%s fails as in helm (Go knows without asking DNS that nothing resolves)', (text, message) => {
    expect(errorOf(text, {}).message).toBe(message);
  });

  it.skipIf(!/^\s*127\.0\.0\.1\s+(.*\s)?localhost(\s|$)/m.test(existsSync('/etc/hosts') ? readFileSync('/etc/hosts', 'utf8') : ''))(
    'reads /etc/hosts first, as Go does (helm gave 127.0.0.1 for localhost)',
    () => {
      expect(run('{{ getHostByName "localhost" }}', {})).toMatch(/^(127\.\d+\.\d+\.\d+|::1)$/);
    },
  );

  it('refuses a name that needs DNS, saying why (helm would query DNS)', () => {
    expect(errorOf('{{ getHostByName "example.com" }}', {}).message).toBe(
      'error calling getHostByName: cannot look up "example.com": rendering does not query DNS (only IP addresses and names in /etc/hosts resolve)',
    );
  });
});
