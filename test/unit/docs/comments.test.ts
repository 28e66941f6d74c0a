// helm-docs' comment grammar (README "values.yaml metadata"; pkg/helm/comment.go behaviour).
import { describe, expect, it } from 'vitest';
import { describeHeadComment, parseComment, scanKeyedDescriptions } from '../../../src/docs/comments.js';

describe('parseComment', () => {
  it.each([
    ['plain description', ['# -- the number of replicas'], { key: '', description: 'the number of replicas' }],
    ['continuation lines join with a space', ['# -- first part', '# second part', '#third'], { key: '', description: 'first part second part third' }],
    ['type override', ['# -- (int) replicas'], { key: '', description: 'replicas', valueType: 'int' }],
    ['tpl/ type override', ['# -- (tpl/array) extra env'], { key: '', description: 'extra env', valueType: 'tpl/array' }],
    ['empty parentheses are no type', ['# -- () text'], { key: '', description: '() text', valueType: '' }],
    ['@default replaces the default', ['# -- annotations', '# more', '# @default -- computed by the chart'], { description: 'annotations more', default: 'computed by the chart' }],
    ['@section', ['# -- x', '# @section -- Networking'], { description: 'x', section: 'Networking' }],
    ['@notationType', ['# -- x', '# @notationType -- yaml'], { description: 'x', notationType: 'yaml' }],
    ['@raw keeps line breaks', ['# -- first', '# @raw', '# second', '#   third'], { description: 'first\nsecond\n  third' }],
    ['old style names the key', ['# controller.replicas -- how many'], { key: 'controller.replicas', description: 'how many' }],
    ['only the last `# --` group counts (helm-docs #96)', ['# -- old text', '# foo: bar', '# -- new text'], { key: '', description: 'new text' }],
    ['commented-out YAML above is ignored', ['# image: nginx', '# -- the image'], { key: '', description: 'the image' }],
    ['no marker: nothing', ['# just a note'], { key: '', description: '' }],
    ['blank lines inside a head comment are skipped', ['# -- one', '', '# two'], { description: 'one two' }],
  ])('%s', (_name, lines, want) => {
    const { key, value } = parseComment(lines);
    const got = { key, ...value };
    expect(got).toMatchObject(want);
  });
});

describe('scanKeyedDescriptions (old style, anywhere in the file)', () => {
  it.each([
    ['a keyed comment and its continuation', '# a.b -- text\n# more\na:\n  b: 1\n', { 'a.b': 'text more' }],
    ['indented keyed comment', 'a:\n  # a.b -- nested\n  b: 1\n', { 'a.b': 'nested' }],
    ['quoted key with a dot', 'a:\n  # a."b.c" -- dotted\n  b.c: 1\n', { 'a."b.c"': 'dotted' }],
    ['new-style comments are not keyed', '# -- text\na: 1\n', {}],
    ['a block open at the end of the file is dropped', 'a: 1\n# z -- trailing\n', {}],
    ['a blank line ends a block', '# a -- one\n\n# two\na: 1\n', { a: 'one' }],
  ])('%s', (_name, text, want) => {
    const got = Object.fromEntries([...scanKeyedDescriptions(text)].map(([k, v]) => [k, v.description]));
    expect(got).toEqual(want);
  });
});

describe('describeHeadComment', () => {
  it.each([
    ['', ''],
    ['# no marker', ''],
    ['# a.b -- keyed comments are not head descriptions', ''],
    ['## Section title\n# -- the value', 'the value'],
  ])('%j → %j', (head, want) => {
    expect(describeHeadComment(head).description).toBe(want);
  });
});
