// Values that are not a plain []interface {} or map[string]interface {} in Go: sprig's typed results
// (split's map[string]string, semver's *semver.Version) and where Go refuses them. Expected messages
// are helm v3.10.1's final clause for `tpl` of the same text.
import { describe, expect, it } from 'vitest';
import { tpl } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';

describe('tpl: typed values Go refuses where a map[string]interface {} is wanted', () => {
  it.each<[string, string]>([
    ['{{ keys (split "-" "a-b") }}', 'wrong type for value; expected map[string]interface {}; got map[string]string'],
    ['{{ values (split "," "a") }}', 'wrong type for value; expected map[string]interface {}; got map[string]string'],
    ['{{ hasKey (splitn "," 2 "a") "_0" }}', 'wrong type for value; expected map[string]interface {}; got map[string]string'],
    ['{{ get (semver "1.2.3") "k" }}', 'wrong type for value; expected map[string]interface {}; got *semver.Version'],
    ['{{ pluck "a" (semver "1.2.3") }}', 'wrong type for value; expected map[string]interface {}; got *semver.Version'],
    ['{{ len (semver "1.2") }}', 'error calling len: len of type semver.Version'],
    ['{{ (semver "1.2").IncMajor.Original }}', "can't evaluate field Original in type semver.Version"],
    ['{{ (semver "1.2.3").SetPrerelease "01" }}', 'error calling SetPrerelease: Version segment starts with 0'],
    ['{{ (semver "1.2.3").SetMetadata "a_b" }}', 'error calling SetMetadata: Invalid Metadata string'],
    ['{{ dig "a" "b" "none" (dict "a" 1.5) }}', 'error calling dig: interface conversion: interface {} is float64, not map[string]interface {}'],
    ['{{ dig "a" "b" "none" (dict "a" nil) }}', 'error calling dig: interface conversion: interface {} is nil, not map[string]interface {}'],
    ['{{ dig "a" "none" "str" }}', 'error calling dig: interface conversion: interface {} is string, not map[string]interface {}'],
    ['{{ dig "a" "none" (split "," "a") }}', 'error calling dig: interface conversion: interface {} is map[string]string, not map[string]interface {}'],
  ])('%s', (text, message) => {
    expect(tplError(text).message).toContain(message);
  });

  it.each<[string, string]>([
    ['{{ (split "," "a,b")._1 }}|{{ range $k, $v := split "," "a,b" }}{{ $k }}{{ $v }}{{ end }}|{{ split "," "a,b" | toJson }}|{{ len (split "," "a") }}|{{ index (split "," "a") "_0" }}', 'b|_0a_1b|{"_0":"a","_1":"b"}|1|a'],
    ['{{ semver "1.2.3" | toString }}|{{ semver "v1.2.3-rc.1+b" | toJson }}|{{ semver "1.2.3" | toYaml }}|{{ typeOf (semver "1.2") }}|{{ kindOf (semver "1.2") }}|{{ printf "%v %s" (semver "1.2") (semver "1.3") }}', '1.2.3|"1.2.3-rc.1+b"|1.2.3|*semver.Version|ptr|1.2.0 1.3.0'],
    ['{{ (semver "v1.2.3-x").IncMajor }}|{{ (semver "v1.2.3-x").Original }}|{{ (semver "1.2.3").LessThan (semver "1.3") }}|{{ (semver "1.2.3").Compare (semver "1.3") }}|{{ typeOf (semver "1.2").IncMinor }}|{{ kindOf (semver "1.2").IncMinor }}', '2.0.0|v1.2.3-x|true|-1|semver.Version|struct'],
    ['{{ printf "%b|%b|%b|%b|%x|%X|%x|%x|%x|%x|%b" 1001.0 0.5 -3.25 0.0 1001.0 1001.0 0.1 -0.0 1e300 5e-324 5e-324 }}', '8804889115230208p-43|4503599627370496p-53|-7318349394477056p-51|0p-1074|0x1.f48p+09|0X1.F48P+09|0x1.999999999999ap-04|-0x0p+00|0x1.7e43c8800759cp+996|0x1p-1074|1p-1074'],
    ['{{ addf 0.1 0.2 }}|{{ divf 3 7 }}|{{ mulf 1.1 1.1 }}|{{ subf 1 0.9 }}|{{ divf 2 3 }}|{{ divf -2 3 }}|{{ mulf 1e-10 1e-10 }}|{{ divf 1e-20 3 }}|{{ divf 10 4 2 }}|{{ addf 1 "2.5" }}', '0.3|0.4285714285714286|1.21|0.1|0.6666666666666667|-0.6666666666666667|1e-20|0|1.25|3.5'],
    ['{{ dig "a" "none" (dict) }}|{{ dig "a" "b" "none" (dict "a" (dict)) }}|{{ dig "a" "b" "none" (dict "a" (dict "b" 2)) }}|{{ dig "x" "d" (dict "x" nil) }}', 'none|none|2|'],
    ['{{ rest (list) }}|{{ rest (list) | toJson }}|{{ initial (list) | toJson }}|{{ concat | toJson }}|{{ concat }}|{{ typeOf concat }}|{{ regexFindAll "a" "b" -1 | toJson }}|{{ regexSplit "a" "bab" 0 | toJson }}|{{ regexSplit "a" "bab" -1 | toJson }}', '[]|null|null|null|[]|[]interface {}|null|null|["b","b"]'],
  ])('%s', (text, out) => {
    expect(tpl(text, {})).toBe(out);
  });
});

describe('tpl: what Go refuses while parsing or panics on', () => {
  it.each<[string, string]>([
    ['{{ define "a" }}x{{ end }}{{ define "a" }}y{{ end }}{{ include "a" . }}', 'multiple definition of template "a"'],
    ['{{ block "blk" . }}B{{ end }}{{ block "blk" . }}C{{ end }}', 'multiple definition of template "blk"'],
    ['{{ indent -1 "x" }}', 'error calling indent: strings: negative Repeat count'],
    ['{{ nindent -2 "x" }}', 'error calling nindent: strings: negative Repeat count'],
  ])('%s', (text, message) => {
    expect(tplError(text, {}, { host: { include: () => undefined } }).message).toContain(message);
  });

  it('lets an empty define give way to another', () => {
    expect(tpl('{{ define "a" }}{{ end }}{{ define "a" }}y{{ end }}{{ include "a" . }}|{{ define "b" }}x{{ end }}{{ define "b" }} {{ end }}{{ include "b" . }}', {})).toBe('y|x');
  });
});

describe('tpl: changing frozen chart values in place', () => {
  it.each(['{{ set .Values.m "x" 1 }}', '{{ unset .Values.m "a" }}', '{{ merge .Values.m (dict "x" 1) }}', '{{ mergeOverwrite .Values.m (dict "a" 2) }}'])('%s is refused with a message', (text) => {
    const values = { m: Object.freeze({ a: 1 }) };
    expect(tplError(text, { Values: values }).message).toContain("cannot change the chart's own values in place");
  });

  it('works on a copy', () => {
    expect(tpl('{{ set (deepCopy .Values.m) "x" 1 | toJson }}', { Values: { m: Object.freeze({ a: 1 }) } })).toBe('{"a":1,"x":1}');
  });
});

describe('tpl: Go error wording', () => {
  it.each<[string, string]>([
    ['{{ (1) 2 }}', "can't give argument to non-function 1"],
    ['{{ ("a" | upper) 2 }}', 'can\'t give argument to non-function "a" | upper'],
    ['{{ divf 1 0 }}', 'error calling divf: decimal division by 0'],
    ['{{ concat (list 1) nil }}', 'error calling concat: runtime error: invalid memory address or nil pointer dereference'],
  ])('%s', (text, message) => {
    expect(tplError(text).message).toContain(message);
  });
});
