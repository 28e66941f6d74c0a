import { describe, expect, it } from 'vitest';
import { tpl } from '../../../src/renderer/gotemplate/index.js';
import { tplError } from './tpl-support.js';

// sprig's regex functions on Go's regexp (RE2). Every expected output and error message below is what
// helm v3.10.1 (go1.18.7) printed for the same template text.

const errorOf = tplError;

// Plain loops, not it.each: its titles would read `$1` in a template as a parameter.
const RESULTS: Array<[string, string]> = [
  // regexMatch: unanchored; a pattern that does not compile is false, not an error.
  ['{{ regexMatch "^[a-z]+$" "abc" }} {{ regexMatch "b" "abc" }} {{ regexMatch "" "" }} {{ regexMatch "(" "x" }}', 'true true true false'],
  ['{{ mustRegexMatch "^[a-z]+$" "ABC" }}', 'false'],
  // Flags: (?i) anywhere in the pattern and in groups, (?s), (?m), (?U) (ungreedy).
  ['{{ regexMatch "(?i)^ABC$" "abc" }} {{ regexMatch "a(?i)b" "aB" }} {{ regexMatch "a(?i)b" "AB" }} {{ regexMatch "(?i:a)b" "Ab" }}', 'true true false true'],
  ['{{ regexMatch "(?i)σ" "Σ" }} {{ regexMatch "(?i)k" "\\u212a" }} {{ regexReplaceAll "(?i)Ä" "äÄ" "a" }} {{ regexFindAll "(?i)ab" "xabAB aB" -1 }}', 'true true aa [ab AB aB]'],
  ['{{ regexMatch "(?s)a.b" "a\\nb" }} {{ regexMatch "a.b" "a\\nb" }} {{ regexMatch "(?m)a$" "a\\nb" }} {{ regexMatch "a$" "a\\n" }}', 'true false true false'],
  ['{{ regexMatch "^(?U)a+$" "aaa" }} {{ regexFind "(?U)a+" "aaa" }} {{ regexFind "a*?" "aaa" }}|{{ regexFind "a|ab" "ab" }}', 'true a |a'],
  // Unicode classes: \pL, \p{Greek}, \PL; Perl classes are ASCII-only as in Go.
  ['{{ regexMatch "^\\\\pL+$" "héllo" }} {{ regexMatch "^\\\\p{Greek}+$" "αβγ" }} {{ regexMatch "^\\\\PL+$" "123" }} {{ regexFindAll "\\\\pL" "ab1ü" -1 }}', 'true true true [a b ü]'],
  ['{{ regexMatch "^\\\\w$" "é" }} {{ regexMatch "^\\\\d$" "٣" }} {{ regexMatch "\\\\bé" "é" }} {{ regexMatch "^\\\\s$" "\\u00a0" }} {{ regexMatch "^\\\\s$" "\\v" }}', 'false false false false false'],
  // Go-only syntax JavaScript reads otherwise: \Q…\E, POSIX classes, \z, \x{…}, octal; `.` takes \r and U+2028.
  ['{{ regexMatch "^\\\\Qa.b\\\\E$" "a.b" }} {{ regexMatch "^\\\\Qa.b\\\\E$" "axb" }} {{ regexMatch "^[[:alpha:]]+$" "abc" }} {{ regexMatch "^[[:^digit:]]+$" "abc" }}', 'true false true true'],
  ['{{ regexMatch "a\\\\z" "a\\n" }} {{ regexMatch "\\\\Aa" "ba" }} {{ regexMatch "^\\\\x{41}\\\\x42\\\\101$" "ABA" }} {{ regexMatch "a.b" "a\\rb" }} {{ regexMatch "a.b" "a\\u2028b" }}', 'false false true true true'],
  ['{{ regexMatch "[(?<n>]" "<" }} {{ regexMatch "\\\\Q(?<\\\\E" "(?<" }}', 'true true'],
  // A rune is one character, also outside the BMP.
  ['{{ regexMatch "^.$" "😀" }} {{ regexFindAll "." "a😀b" -1 }} {{ regexFindAll "" "a😀b" -1 | len }} {{ regexReplaceAll "x*" "😀" "-" }}', 'true [a 😀 b] 4 -😀-'],
  // regexFind / regexFindAll: n < 0 is all, n == 0 none; an empty match right after a match is skipped.
  ['{{ regexFind "[0-9]+" "ab12cd34" }} {{ regexFind "x*" "abc" }}| {{ regexFindAll "[0-9]" "a1b2c3" -1 }} {{ regexFindAll "[0-9]" "a1b2c3" 2 }} {{ regexFindAll "[0-9]" "a1b2c3" 0 }} {{ regexFindAll "[0-9]" "a1b2c3" -5 }}', '12 | [1 2 3] [1 2] [] [1 2 3]'],
  ['{{ regexFindAll "a*" "baaacaa" -1 }} {{ regexFindAll "a|" "baaa" -1 | toJson }} {{ regexFindAll "\\\\b" "ab cd" -1 | len }}', '[ aaa aa] ["","a","a","a"] 4'],
  // regexReplaceAll expands $1, ${1}, $name, ${name} and $$ as Regexp.Expand does.
  ['{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }}', '-W-xxW- ---'],
  ['{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "Hello World" "$last, $first" }}|{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "Hello World" "${last}_${first}" }}|{{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "Hello World" "$last_$first" }}', 'World, Hello|World_Hello|Hello'],
  ['{{ regexReplaceAll "(\\\\w+)" "ab cd" "$$1[$1]" }}|{{ regexReplaceAll "(\\\\w+)" "ab cd" "${1" }}|{{ regexReplaceAll "(\\\\w+)" "ab cd" "$" }}|{{ regexReplaceAll "(\\\\w+)" "ab cd" "$!$1" }}', '$1[ab] $1[cd]|${1 ${1|$ $|$!ab $!cd'],
  ['{{ regexReplaceAll "(\\\\w+)" "ab cd" "$01|$00|$0" }}|{{ regexReplaceAll "(\\\\w+)" "ab cd" "$2|$10|$nope" }}|{{ regexReplaceAll "(\\\\w+)" "ab cd" "$&" }}|{{ regexReplaceAll "(a)(b)?" "a" "[$2]" }}|{{ regexReplaceAll "(a)" "a" "${1}${" }}', '||ab ||cd||| |||$& $&|[]|a${'],
  ['{{ regexReplaceAll "" "abc" "-" }} {{ regexReplaceAll "a*" "baaacaa" "-" }}', '-a-b-c- -b-c-'],
  // Go lets several groups share a name: $n is the first of them that took part in the match.
  ['{{ regexReplaceAll "(?P<n>a)|(?P<n>b)" "ab" "[$n]" }} {{ regexReplaceAll "(?P<n>a)|(?P<n>b)" "ab" "[${n}]" }} {{ regexReplaceAll "(?P<n>a)(?P<n_2>b)(?P<n>c)" "abc" "$n|$n_2|$3" }}', '[a][b] [a][b] a|b|c'],
  // regexReplaceAllLiteral inserts the replacement as it is.
  ['{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "$$" }} {{ regexReplaceAllLiteral "" "abc" "-" }}', '-${1}W-${1}W- -$$-$$- -a-b-c-'],
  // regexSplit is Regexp.Split(s, n).
  ['{{ regexSplit "," "a,b,c" -1 }} {{ regexSplit "" "abc" -1 }} {{ regexSplit "," "a,b,c" 2 }} {{ regexSplit "," "a,b,c" 1 }} {{ regexSplit "x*" "axbxxc" -1 }}', '[a b c] [a b c] [a b,c] [a,b,c] [a b c]'],
  ['{{ regexSplit "," "" -1 | toJson }} {{ regexSplit "" "" -1 | toJson }} {{ regexSplit "a" "aba" -1 | toJson }} {{ regexSplit ":" ":a::b:" -1 | toJson }}', '[""] [] ["","b",""] ["","a","","b",""]'],
  ['{{ regexSplit "\\\\s+" "  a b  " -1 | toJson }} {{ regexSplit "" "a😀b" 2 | toJson }}', '["","a","b",""] ["a","😀b"]'],
  ['{{ mustRegexFind "b+" "abbc" }} {{ mustRegexFindAll "b" "abcb" -1 }} {{ mustRegexReplaceAll "(b)" "abc" "<$1>" }} {{ mustRegexReplaceAllLiteral "(b)" "abc" "<$1>" }} {{ mustRegexSplit "b" "abc" -1 }}', 'bb [b b] a<b>c a<$1>c [a c]'],
  ['{{ regexQuoteMeta "a.b*c" }}', 'a\\.b\\*c'],
];

const ERRORS: Array<[string, string]> = [
  ['{{ mustRegexMatch "(" "x" }}', 'error calling mustRegexMatch: error parsing regexp: missing closing ): `(`'],
  ['{{ mustRegexMatch "a)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: unexpected ): `a)`'],
  ['{{ mustRegexMatch "a**" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid nested repetition operator: `**`'],
  ['{{ mustRegexMatch "*" "x" }}', 'error calling mustRegexMatch: error parsing regexp: missing argument to repetition operator: `*`'],
  ['{{ mustRegexMatch "a\\\\" "x" }}', 'error calling mustRegexMatch: error parsing regexp: trailing backslash at end of expression: ``'],
  ['{{ mustRegexMatch "[z-a]" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid character class range: `z-a`'],
  ['{{ mustRegexMatch "x{1001}" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid repeat count: `{1001}`'],
  ['{{ mustRegexMatch "\\\\Z" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\Z`'],
  ['{{ mustRegexMatch "\\\\1" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid escape sequence: `\\1`'],
  ['{{ mustRegexMatch "[[:foo:]]" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid character class range: `[:foo:]`'],
  ['{{ mustRegexMatch "\\\\p{Foo}" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid character class range: `\\p{Foo}`'],
  ['{{ mustRegexMatch "(?=a)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
  ['{{ mustRegexMatch "(?P<a-b>a)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid named capture: `(?P<a-b>`'],
  // go1.18 has no (?<name>…) and no look-behind.
  ['{{ mustRegexMatch "(?<n>a)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?<`'],
  ['{{ mustRegexMatch "(?P<n>a)(?<=b)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?<`'],
  ['{{ mustRegexMatch "(a(?<n>b)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid or unsupported Perl syntax: `(?<`'],
  ['{{ mustRegexMatch "a**(?<n>b)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: invalid nested repetition operator: `**`'],
  ['{{ mustRegexMatch "a)(?<n>b)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: unexpected ): `a)(?<n>b)`'],
  ['{{ mustRegexMatch "[(?<n>]b)" "x" }}', 'error calling mustRegexMatch: error parsing regexp: unexpected ): `[(?<n>]b)`'],
  ['{{ mustRegexFind "(" "x" }}', 'error calling mustRegexFind: error parsing regexp: missing closing ): `(`'],
  ['{{ mustRegexFindAll "(" "x" -1 }}', 'error calling mustRegexFindAll: error parsing regexp: missing closing ): `(`'],
  ['{{ mustRegexReplaceAll "(" "x" "y" }}', 'error calling mustRegexReplaceAll: error parsing regexp: missing closing ): `(`'],
  ['{{ mustRegexReplaceAllLiteral "(" "x" "y" }}', 'error calling mustRegexReplaceAllLiteral: error parsing regexp: missing closing ): `(`'],
  ['{{ mustRegexSplit "(" "x" -1 }}', 'error calling mustRegexSplit: error parsing regexp: missing closing ): `(`'],
  // The others use regexp.MustCompile: its panic names the pattern (Go-quoted when it cannot be backquoted).
  ['{{ regexFind "(" "x" }}', 'error calling regexFind: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
  ['{{ regexFind "a`(" "x" }}', 'error calling regexFind: regexp: Compile("a`("): error parsing regexp: missing closing ): `a`(`'],
  ['{{ regexFind "a\\t(" "x" }}', 'error calling regexFind: regexp: Compile(`a\t(`): error parsing regexp: missing closing ): `a\t(`'],
  ['{{ regexFind "a\\n(" "x" }}', 'error calling regexFind: regexp: Compile("a\\n("): error parsing regexp: missing closing ): `a\n(`'],
  ['{{ regexFindAll "(" "x" -1 }}', 'error calling regexFindAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
  ['{{ regexReplaceAll "(" "x" "y" }}', 'error calling regexReplaceAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
  ['{{ regexReplaceAllLiteral "(" "x" "y" }}', 'error calling regexReplaceAllLiteral: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
  ['{{ regexSplit "(" "x" -1 }}', 'error calling regexSplit: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'],
];

describe('tpl: regex functions give Go regexp results', () => {
  for (const [text, expected] of RESULTS) {
    it(text, () => {
      expect(tpl(text, {})).toBe(expected);
    });
  }

  it('matches in linear time: a pattern that backtracks exponentially in JavaScript finishes at once', { timeout: 10_000 }, () => {
    const started = Date.now();
    expect(tpl('{{ regexMatch "(a+)+$" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" }}', {})).toBe('false');
    expect(tpl('{{ regexFind "(a+)+$" .s }}|{{ regexReplaceAll "(x+x+)+y" .t "-" | len }}', { s: 'a'.repeat(100_000) + '!', t: 'x'.repeat(100_000) })).toBe('|100000');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('tpl: regex compile errors are Go\'s', () => {
  for (const [text, message] of ERRORS) {
    it(text, () => {
      expect(errorOf(text).message).toBe(message);
    });
  }

  it('reports go1.18.7\'s nesting and size limits as an internal error on the whole pattern', () => {
    const deep = '('.repeat(1000) + ')'.repeat(1000);
    expect(errorOf('{{ mustRegexMatch .p "x" }}', { p: deep }).message).toBe(
      `error calling mustRegexMatch: error parsing regexp: regexp/syntax: internal error: \`${deep}\``,
    );
    expect(tpl('{{ mustRegexMatch .p "x" }}', { p: '(?:'.repeat(1001) + ')'.repeat(1001) })).toBe('true');
    const large = 'x{1000}'.repeat(3400);
    expect(errorOf('{{ mustRegexMatch .p "x" }}', { p: large }).message).toBe(
      `error calling mustRegexMatch: error parsing regexp: regexp/syntax: internal error: \`${large}\``,
    );
  });
});
