// helm-docs' `# --` comment grammar: one description block → key, description, type, default, section.
// Follows norwoodj/helm-docs v1.14.2 pkg/helm/comment.go (ParseComment) and pkg/helm/chart_info.go (the regexes
// and the whole-file scan for old-style `# key.path -- description` comments).

/** What a comment block says about one value. Field names are helm-docs' (templates see them). */
export interface ValueDescription {
  description: string;
  /** `# @default -- text`: replaces the Default column. */
  default: string;
  /** `# @section -- name`. */
  section: string;
  /** `# -- (type) ...`: replaces the Type column. */
  valueType: string;
  /** `# @notationType -- yaml|tpl|...`. */
  notationType: string;
}

export const emptyDescription = (): ValueDescription => ({ description: '', default: '', section: '', valueType: '', notationType: '' });

// Go's regexp `\s` is [\t\n\f\r ] (no \v, no Unicode spaces): spelled out so JavaScript matches what Go matches.
const S = '[\\t\\n\\f\\r ]';
/** `# key -- description` (key may be empty: the new style). Leftmost-first, as Go's RE2 picks submatches. */
export const VALUES_DESCRIPTION = new RegExp(`^${S}*#${S}*(.*)${S}+--${S}*(.*)$`);
const RAW_DESCRIPTION = new RegExp(`^${S}*#${S}+@raw`);
const COMMENT_CONTINUATION = new RegExp(`^${S}*#(${S}?)(.*)$`);
const DEFAULT_VALUE = new RegExp(`^${S}*# @default -- (.*)$`);
const VALUE_TYPE = new RegExp(`^\\((.*?)\\)${S}*(.*)$`);
const NOTATION_TYPE = new RegExp(`^${S}*#${S}+@notationType${S}+--${S}+(.*)$`);
const SECTION = new RegExp(`^${S}*# @section -- (.*)$`);

/** The line prefix that starts a description group (checked without leading indentation, as helm-docs does). */
export const PREFIX_COMMENT = '# --';

export interface ParsedComment {
  /** The key path of an old-style comment (`# a.b -- text`); "" for `# -- text`. */
  key: string;
  value: ValueDescription;
}

/**
 * One comment block → description. Only the last group starting with `# --` counts (helm-docs issue #96:
 * commented-out YAML above a description must not leak into it). Continuation lines join with a space, or
 * with a newline after `# @raw`; `@default`, `@notationType` and `@section` lines are taken out.
 */
export function parseComment(lines: readonly string[]): ParsedComment {
  let last = 0;
  lines.forEach((l, i) => {
    if (l.startsWith(PREFIX_COMMENT)) last = i;
  });
  if (last > 0) return parseComment(lines.slice(last));

  const value = emptyDescription();
  let key = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = VALUES_DESCRIPTION.exec(lines[i]);
    if (!m) continue;
    key = m[1];
    value.description = m[2];
    start = i;
    break;
  }

  const typed = VALUE_TYPE.exec(value.description);
  if (typed && typed[1] !== '') {
    value.valueType = typed[1];
    value.description = typed[2];
  }

  let raw = false;
  for (const line of lines.slice(start + 1)) {
    if (!raw && RAW_DESCRIPTION.test(line)) {
      raw = true;
      continue;
    }
    const def = DEFAULT_VALUE.exec(line);
    if (def) {
      value.default = def[1];
      continue;
    }
    const notation = NOTATION_TYPE.exec(line);
    if (notation) {
      value.notationType = notation[1];
      continue;
    }
    const section = SECTION.exec(line);
    if (section) {
      value.section = section[1];
      continue;
    }
    const cont = COMMENT_CONTINUATION.exec(line);
    if (cont) value.description += (raw ? '\n' : ' ') + cont[2];
  }
  return { key, value };
}

/**
 * Old-style comments anywhere in the file: a line `# some.key -- text` starts a block, following comment lines
 * continue it, the first non-comment line ends it. Blocks without a key are left to the head-comment parser.
 * As in helm-docs, a block still open at the end of the file is dropped.
 */
export function scanKeyedDescriptions(text: string): Map<string, ValueDescription> {
  const out = new Map<string, ValueDescription>();
  let block: string[] = [];
  let open = false;
  // helm-docs normalises CRLF and reads lines with bufio.Scanner, which yields no empty last line.
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    if (!open) {
      const m = VALUES_DESCRIPTION.exec(line);
      if (!m || m[1] === '') continue;
      open = true;
      block.push(line);
      continue;
    }
    if (DEFAULT_VALUE.test(line) || SECTION.test(line) || COMMENT_CONTINUATION.test(line)) {
      block.push(line);
      continue;
    }
    const { key, value } = parseComment(block);
    if (key !== '') out.set(key, value);
    block = [];
    open = false;
  }
  return out;
}

/** A node's head comment → its description, when the comment is new-style (`# --` without a key). */
export function describeHeadComment(headComment: string): ValueDescription {
  if (headComment === '' || !headComment.includes(PREFIX_COMMENT)) return emptyDescription();
  const { key, value } = parseComment(headComment.split('\n'));
  return key === '' ? value : emptyDescription();
}
