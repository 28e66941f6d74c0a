import { describe, expect, it } from 'vitest';
import { tpl } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';

// Expected outputs and error messages are what helm v3.10.1 gave for `tpl` of the same text with the same
// values (read from a values file, so numbers are float64). Error messages are Go's final clause.

function context(values: Record<string, unknown>): Record<string, unknown> {
  return {
    Values: structuredClone(values),
    Release: { Name: 'r', Namespace: 'default', IsInstall: true, IsUpgrade: false, Revision: 1n, Service: 'Helm' },
    Template: { Name: 'tc/templates/a.yaml', BasePath: 'tc/templates' },
  };
}

const errorOf = tplError;

const core = {"a": {"b": "x", "n": null}, "n": 3, "f": 1.5, "big": 1000000, "s": "str", "list": [1, "two", null], "name": "web", "env": {"B": "b", "A": "a"}, "empty": "", "zero": 0, "t": true, "emptyList": [], "emptyMap": {}};

const sprig = {"n": 3, "f": 1.5, "s": "Hello World", "list": ["b", "a", "c", "a"], "m": {"x": 1, "y": {"z": 2}}, "csv": "a,b,,c", "ver": "1.25.3", "port": 8080, "str8": "8080", "yesno": "yes", "nested": {"k": "v"}};

describe('tpl: language constructs and builtins', () => {
  it.each<[string, string]>([
    ["{{ .Release.Name }}-config", "r-config"],
    ["{{ .Values.a.b | upper }}", "X"],
    ["{{- if .Values.a }} yes {{- else }} no {{- end }}", " yes"],
    ["{{ range $i, $v := .Values.list }}[{{ $i }}={{ $v }}]{{ end }}", "[0=1][1=two][2=]"],
    ["{{ .Values.env | toYaml }}", "A: a\nB: b"],
    ["{{ .Values.missing }}|", "|"],
    ["{{ printf \"%s-%d-%v-%q-%5.2f\" \"a\" 3 .Values.n \"q\" 3.14159 }}", "a-3-3-\"q\"- 3.14"],
    ["{{ printf \"%d\" .Values.n }}", "%!d(float64=3)"],
    ["{{ printf \"%s\" .Values.n }}", "%!s(float64=3)"],
    ["{{ printf \"%v %v\" .Values.big .Values.f }}", "1e+06 1.5"],
    ["{{ define \"x\" }}X{{ . }}{{ end }}{{ include \"x\" 1 }}{{ template \"x\" 2 }}", "X1X2"],
    ["{{ $x := 1 }}{{ $x = add $x 2 }}{{ $x }}", "3"],
    ["{{ range .Values.env }}{{ . }}{{ end }}", "ab"],
    ["{{ default \"d\" .Values.missing }} {{ quote .Values.missing }} {{ semverCompare \">=1.21-0\" \"v1.25.0\" }}", "d  true"],
    ["{{ dict \"a\" 1 \"b\" (list 1 2) | toJson }}", "{\"a\":1,\"b\":[1,2]}"],
    ["{{ .Values.n }} {{ .Values.f }} {{ .Values.big }} {{ 1e6 }} {{ 1000000 }} {{ 1.0 }} {{ 0x10 }} {{ 'a' }}", "3 1.5 1e+06 1e+06 1000000 1 16 97"],
    ["{{ eq .Values.n 3.0 }}", "true"],
    ["{{ eq .Values.s \"str\" }}", "true"],
    ["{{ eq .Values.missing \"x\" }}", "false"],
    ["{{ eq .Values.missing nil }}", "true"],
    ["{{ lt 1 2 }} {{ gt \"b\" \"a\" }} {{ le 2 2 }} {{ ge 1.5 2.5 }} {{ ne 1 2 }}", "true true true false true"],
    ["{{ and 1 0 }} {{ or 0 \"\" }} {{ and 1 2 }} {{ or 0 3 }} {{ not 0 }} {{ not .Values.emptyList }}", "0  2 3 true true"],
    ["{{ len .Values.list }} {{ len .Values.s }} {{ len .Values.env }} {{ len \"h\u00e9llo\" }}", "3 3 2 6"],
    ["{{ index .Values.list 1 }} {{ index .Values.env \"A\" }} {{ index .Values \"a\" \"b\" }}", "two a x"],
    ["{{ index .Values.env \"Z\" }}|", "|"],
    ["{{ with .Values.a }}{{ .b }}{{ end }} {{ with .Values.missing }}x{{ else }}y{{ end }}", "x y"],
    ["{{ if .Values.empty }}a{{ else if .Values.zero }}b{{ else if .Values.t }}c{{ end }}", "c"],
    ["{{ range .Values.emptyList }}x{{ else }}empty{{ end }}", "empty"],
    ["{{ range $k, $v := .Values.env }}{{ $k }}={{ $v }};{{ end }}", "A=a;B=b;"],
    ["{{ range .Values.list }}{{ if eq (typeOf .) \"string\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "1"],
    ["{{ range .Values.list }}{{ if not . }}{{ continue }}{{ end }}{{ . }},{{ end }}", "1,two,"],
    ["a  {{- 1 -}}  b", "a1b"],
    ["a {{- /* c */ -}} b", "ab"],
    ["{{/* c */}}x", "x"],
    ["{{ \"a\\tb\" }} {{ `raw\\n` }}", "a\tb raw\\n"],
    ["{{ print 1 2 \"a\" \"b\" 3 nil }}", "1 2ab3 <nil>"],
    ["{{ println 1 \"a\" }}", "1 a\n"],
    ["{{ print .Values.missing }}", "<nil>"],
    ["{{ .Values.list }} {{ .Values.env }} {{ .Values.emptyMap }} {{ .Values.a }}", "[1 two <nil>] map[A:a B:b] map[] map[b:x n:<nil>]"],
    ["{{ html \"<a href='x'>&\" }} {{ js \"a'b\\\"<>=\" }} {{ urlquery \"a b&c=d/\u00e9\" }}", "&lt;a href=&#39;x&#39;&gt;&amp; a\\'b\\\"\\u003C\\u003E\\u003D a+b%26c%3Dd%2F%C3%A9"],
    ["{{ (list 1 2 3) }} {{ (dict \"k\" \"v\").k }}", "[1 2 3] v"],
    ["{{ .Values.n | printf \"%v-%v\" \"a\" }}", "a-3"],
    ["{{ 3 | printf \"%d\" }}", "3"],
  ])('%s', (text, expected) => {
    expect(tpl(text, context(core))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ["{{ .Values.a.b.c }}", "TEMPLATE_EXEC", "can't evaluate field c in type interface {}"],
    ["{{ .Values.missing.c }}", "TEMPLATE_EXEC", "nil pointer evaluating interface {}.c"],
    ["{{ .Values.a.n.c }}", "TEMPLATE_EXEC", "nil pointer evaluating interface {}.c"],
    ["{{ .Values.s.foo }}", "TEMPLATE_EXEC", "can't evaluate field foo in type interface {}"],
    ["{{ eq .Values.n 3 }}", "TEMPLATE_EXEC", "error calling eq: incompatible types for comparison"],
    ["{{ lt .Values.n 2 }}", "TEMPLATE_EXEC", "error calling lt: incompatible types for comparison"],
    ["{{ eq .Values.list .Values.list }}", "TEMPLATE_EXEC", "error calling eq: uncomparable type []interface {}: [1 two <nil>]"],
    ["{{ len .Values.n }}", "TEMPLATE_EXEC", "error calling len: len of type float64"],
    ["{{ index .Values.list 5 }}", "TEMPLATE_EXEC", "error calling index: index out of range: 5"],
    ["{{ upper .Values.n }}", "TEMPLATE_EXEC", "wrong type for value; expected string; got float64"],
    ["{{ upper 1 }}", "TEMPLATE_EXEC", "expected string; found 1"],
    ["{{ upper .Values.missing }}", "TEMPLATE_EXEC", "wrong type for value; expected string; got interface {}"],
    ["{{ nope }}", "TEMPLATE_PARSE", "function \"nope\" not defined"],
    ["{{ .Values.x } }}", "TEMPLATE_PARSE", "unexpected \"}\" in operand"],
    ["{{ if }}{{ end }}", "TEMPLATE_PARSE", "missing value for if"],
    ["{{ end }}", "TEMPLATE_PARSE", "unexpected {{end}}"],
    ["{{ range .Values.n }}{{ end }}", "TEMPLATE_EXEC", "range can't iterate over 3"],
    ["{{ /* c */ }}", "TEMPLATE_PARSE", "unexpected \"/\" in command"],
    ["{{ $x }}", "TEMPLATE_PARSE", "undefined variable \"$x\""],
    ["{{ \"x\" | .Values.s }}", "TEMPLATE_EXEC", "s is not a method but has arguments"],
    ["{{ nil }}", "TEMPLATE_EXEC", "nil is not a command"],
    ["{{ 1 2 }}", "TEMPLATE_EXEC", "can't give argument to non-function 1"],
    ["{{ .Values.n 1 }}", "TEMPLATE_EXEC", "n is not a method but has arguments"],
  ])('%s fails', (text, code, message) => {
    const e = errorOf(text, context(core));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});

describe('tpl: sprig and Helm functions', () => {
  it.each<[string, string]>([
    ["{{ trunc 5 .Values.s }}|{{ trunc -5 .Values.s }}|{{ trunc 50 .Values.s }}", "Hello|World|Hello World"],
    ["{{ title \"hello wORLD foo-bar x_y\" }}", "Hello WORLD Foo-Bar X_y"],
    ["{{ trim \"  x  \" }}|{{ trimAll \"-\" \"--x--\" }}|{{ trimPrefix \"a\" \"abc\" }}|{{ trimSuffix \"c\" \"abc\" }}", "x|x|bc|ab"],
    ["{{ replace \"a\" \"b\" \"banana\" }}", "bbnbnb"],
    ["{{ contains \"ell\" .Values.s }} {{ hasPrefix \"He\" .Values.s }} {{ hasSuffix \"x\" .Values.s }}", "true true false"],
    ["{{ split \",\" .Values.csv }} {{ splitList \",\" .Values.csv }} {{ (split \",\" .Values.csv)._1 }}", "map[_0:a _1:b _2: _3:c] [a b  c] b"],
    ["{{ join \"-\" .Values.list }} {{ join \",\" (list 1 nil \"x\" 2.5) }}", "b-a-c-a 1,x,2.5"],
    ["{{ indent 2 \"a\\nb\" }}|{{ nindent 4 \"x\" }}|{{ repeat 3 \"ab\" }}", "  a\n  b|\n    x|ababab"],
    ["{{ quote \"a\\\"b\" 1 nil .Values.f }} {{ squote \"x\" 2 }}", "\"a\\\"b\" \"1\" \"1.5\" 'x' '2'"],
    ["{{ cat \"a\" nil 1 (list 1 2) }}", "a 1 [1 2]"],
    ["{{ b64enc \"h\u00e9llo\" }} {{ b64dec \"aMOpbGxv\" }} {{ b64dec \"!!\" }}", "aMOpbGxv h\u00e9llo illegal base64 data at input byte 0"],
    ["{{ sha256sum \"abc\" }} {{ sha1sum \"abc\" }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad a9993e364706816aba3e25717850c26c9cd0d89d"],
    ["{{ snakecase \"HelloWorldFoo\" }} {{ camelcase \"hello_world\" }} {{ kebabcase \"HelloWorld\" }} {{ snakecase \"HTTPServer\" }} {{ kebabcase \"myAPIKey2Go\" }}", "hello_world_foo HelloWorld hello-world http_server my-api-key2-go"],
    ["{{ abbrev 8 \"Hello World\" }} {{ nospace \"a b\\tc\" }} {{ upper \"\u00e9\" }} {{ lower \"ABC\" }}", "Hello... abc \u00c9 abc"],
    ["{{ default \"d\" \"\" }} {{ default \"d\" 0 }} {{ default \"d\" false }} {{ default \"d\" (list) }} {{ default \"d\" \"x\" }} {{ default 5 .Values.missing }}", "d d d d x 5"],
    ["{{ empty \"\" }} {{ empty 0 }} {{ empty .Values.m }} {{ empty (dict) }} {{ coalesce \"\" 0 \"x\" }} {{ ternary \"a\" \"b\" true }} {{ ternary \"a\" \"b\" (eq 1 2) }}", "true true false true x a b"],
    ["{{ toString 1.5 }} {{ toString .Values.n }} {{ toString (list 1) }} {{ int \"42\" }} {{ int \"0x1A\" }} {{ int \"08\" }} {{ int 3.9 }} {{ int64 \"-7\" }} {{ float64 \"1.5\" }} {{ atoi \"12\" }} {{ atoi \"x\" }}", "1.5 3 [1] 42 26 0 3 -7 1.5 12 0"],
    ["{{ add 1 2 3 }} {{ add .Values.n 1.9 }} {{ add1 .Values.f }} {{ sub 5 2 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }} {{ max 1 5 3 }} {{ min 4 2 8 }} {{ add \"3\" 4 }}", "6 4 2 3 24 3 1 5 2 7"],
    ["{{ first .Values.list }} {{ last .Values.list }} {{ rest .Values.list }} {{ initial .Values.list }} {{ first (list) }}", "b a [a c a] [b a c] "],
    ["{{ append .Values.list \"z\" }} {{ prepend .Values.list \"z\" }} {{ concat .Values.list (list 1) }} {{ uniq .Values.list }} {{ without .Values.list \"a\" }}", "[b a c a z] [z b a c a] [b a c a 1] [b a c] [b c]"],
    ["{{ has \"a\" .Values.list }} {{ has \"q\" .Values.list }} {{ compact (list 1 \"\" 0 nil \"x\") }} {{ sortAlpha .Values.list }} {{ until 3 }} {{ until -2 }}", "true false [1 x] [a a b c] [0 1 2] [0 -1]"],
    ["{{ slice .Values.list 1 3 }} {{ slice .Values.list 2 }}", "[a c] [c a]"],
    ["{{ $d := dict \"a\" 1 \"b\" 2 }}{{ get $d \"a\" }} {{ get $d \"zz\" }} {{ hasKey $d \"b\" }} {{ keys $d | sortAlpha }} {{ values $d }} {{ set $d \"c\" 3 }} {{ unset $d \"a\" }} {{ pluck \"b\" $d (dict \"b\" 9) }}", "1  true [a b] [1 2] map[a:1 b:2 c:3] map[b:2 c:3] [2 9]"],
    ["{{ dict \"a\" }} {{ dict 1 2 }}", "map[a:] map[1:2]"],
    ["{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"x\" 2 \"y\" 2)) | toJson }}", "{\"a\":1,\"b\":3,\"n\":{\"x\":1,\"y\":2}}"],
    ["{{ mergeOverwrite (dict \"a\" 1 \"c\" true \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"c\" false \"n\" (dict \"x\" 2 \"y\" 2)) | toJson }}", "{\"a\":2,\"c\":false,\"n\":{\"x\":2,\"y\":2}}"],
    ["{{ deepCopy .Values.m | toJson }}", "{\"x\":1,\"y\":{\"z\":2}}"],
    ["{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexFind \"[0-9]+\" \"ab12cd34\" }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" -1 }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }}", "true 12 [1 2 3] [1 2]"],
    ["{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"$1W\" }} {{ regexSplit \",\" \"a,b,c\" -1 }} {{ regexSplit \"\" \"abc\" -1 }}", "-W-xxW- --- [a b c] [a b c]"],
    ["{{ semverCompare \">=1.21-0\" .Values.ver }} {{ semverCompare \"^1.2\" \"1.9.0\" }} {{ semverCompare \"~1.2\" \"1.3.0\" }} {{ semverCompare \">=1.0 <2.0\" \"1.5.0\" }} {{ semverCompare \"<1.0 || >=3\" \"3.1.0\" }} {{ semverCompare \">=1.21\" \"1.25.0-gke.1\" }} {{ semverCompare \"1.2 - 1.4\" \"1.4.5\" }} {{ semverCompare \"!=1.2.3\" \"1.2.3\" }}", "true true false true true false true false"],
    ["{{ (semver \"1.2.3-beta+b1\").Major }} {{ (semver \"v1.2\").Minor }}", "1 2"],
    ["{{ toYaml .Values.m }}", "x: 1\n\"y\":\n  z: 2"],
    ["{{ toJson .Values.m }} {{ toPrettyJson .Values.m }}", "{\"x\":1,\"y\":{\"z\":2}} {\n  \"x\": 1,\n  \"y\": {\n    \"z\": 2\n  }\n}"],
    ["{{ (fromYaml \"a: 1\\nb: [x, yes]\").b }} {{ (fromYaml \"a: 1\").a | typeOf }} {{ fromYaml \"- x\" }}", "[x true] float64 map[Error:error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}]"],
    ["{{ (fromJson \"{\\\"a\\\": [1,2]}\").a }} {{ fromJsonArray \"[1, \\\"x\\\"]\" }} {{ fromYamlArray \"- 1\\n- b\" }}", "[1 2] [1 x] [1 b]"],
    ["{{ required \"msg\" .Values.s }}", "Hello World"],
    ["{{ lookup \"v1\" \"Secret\" \"ns\" \"name\" }}", "map[]"],
    ["{{ tpl \"{{ .Values.s }}!\" . }}", "Hello World!"],
    ["{{ eq .Values.port 8080.0 }}", "true"],
    ["{{ int .Values.port | eq 8080 }}", "true"],
    ["{{ printf \"%05d|%-4s|%x|%X|%o|%b|%e|%g|%.3g|%8.3f|%+d|%c|%U|%t|%%|%v\" 255 \"ab\" 255 \"hi\" 8 5 123456.789 0.000012 3.14159 2.5 3 65 9731 true (list 1 \"a\") }}", "00255|ab  |ff|6869|10|101|1.234568e+05|1.2e-05|3.14|   2.500|+3|A|U+2603|true|%|[1 a]"],
    ["{{ .Values.yesno | toYaml }} {{ list \"on\" \"0755\" 1.0 | toYaml }}", "\"yes\" - \"on\"\n- \"0755\"\n- 1"],
  ])('%s', (text, expected) => {
    expect(tpl(text, context(sprig))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ["{{ trunc .Values.n .Values.s }}", "TEMPLATE_EXEC", "wrong type for value; expected int; got float64"],
    ["{{ div 1 0 }}", "TEMPLATE_EXEC", "error calling div: runtime error: integer divide by zero"],
    ["{{ first nil }}", "TEMPLATE_EXEC", "error calling first: runtime error: invalid memory address or nil pointer dereference"],
    ["{{ first \"abc\" }}", "TEMPLATE_EXEC", "error calling first: Cannot find first on type string"],
    ["{{ get .Values.missing \"x\" }}", "TEMPLATE_EXEC", "wrong type for value; expected map[string]interface {}; got interface {}"],
    ["{{ semverCompare \">=1.0\" \"notaversion\" }}", "TEMPLATE_EXEC", "error calling semverCompare: Invalid Semantic Version"],
    ["{{ semverCompare \"bad constraint!\" \"1.0.0\" }}", "TEMPLATE_EXEC", "error calling semverCompare: improper constraint: bad constraint!"],
    ["{{ required \"A work pool name is required\" .Values.missing }}", "TEMPLATE_FAIL", "A work pool name is required"],
    ["{{ fail \"boom\" }}", "TEMPLATE_FAIL", "boom"],
    ["{{ include \"nope\" . }}", "TEMPLATE_EXEC", "error calling include: template: no template \"nope\" associated with template \"gotpl\""],
    ["{{ template \"nope\" }}", "TEMPLATE_EXEC", "template \"nope\" not defined"],
    ["{{ eq .Values.port 8080 }}", "TEMPLATE_EXEC", "error calling eq: incompatible types for comparison"],
    ["{{ indent .Values.n \"x\" }}", "TEMPLATE_EXEC", "wrong type for value; expected int; got float64"],
    ["{{ add1 }}", "TEMPLATE_EXEC", "wrong number of args for add1: want 1 got 0"],
    ["{{ upper \"a\" \"b\" }}", "TEMPLATE_EXEC", "wrong number of args for upper: want 1 got 2"],
  ])('%s fails', (text, code, message) => {
    const e = errorOf(text, context(sprig));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });
});
