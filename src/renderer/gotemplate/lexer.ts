// Tokenizer for Go text/template; follows golang/go src/text/template/parse/lex.go (go1.18):
// `{{- ` / ` -}}` trim markers, `{{/* */}}` comments, newlines allowed inside actions.

export type TokenType =
  | 'text'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'identifier'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'bool'
  | 'nil'
  | 'keyword'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'char'
  | 'eof'
  | 'error';

export interface Token {
  type: TokenType;
  /** Source text of the token (for 'error', the message). */
  value: string;
  /** Offset of the token in the template text. */
  pos: number;
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);
const SPACE_CHARS = ' \t\r\n';
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined): boolean => c !== undefined && /^[\p{L}\p{Nd}_]$/u.test(c);

/** Go's %q-ish rendering of a token in "unexpected X in Y" messages (parse.item String). */
export function describeToken(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'error') return t.value;
  if (t.type === 'keyword') return `<${t.value}>`;
  const q = JSON.stringify(t.value);
  if (t.value.length > 10) return JSON.stringify(t.value.slice(0, 10)) + '...';
  return q;
}

/** Tokenize the whole text; the last token is 'eof' or 'error'. */
export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const emit = (type: TokenType): void => {
    tokens.push({ type, value: input.slice(start, pos), pos: start });
    start = pos;
  };
  const fail = (message: string): Token[] => {
    tokens.push({ type: 'error', value: message, pos: start });
    return tokens;
  };
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (isSpace(input[pos]) && input[pos + 1] === '-' && input.startsWith('}}', pos + 2)) return { delim: true, trim: true };
    if (input.startsWith('}}', pos)) return { delim: true, trim: false };
    return { delim: false, trim: false };
  };
  const leftTrimLength = (from: number): number => {
    let i = from;
    while (i < input.length && SPACE_CHARS.includes(input[i])) i++;
    return i - from;
  };
  const atTerminator = (): boolean => {
    const c = input[pos];
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:)('.includes(c)) return true;
    return input.startsWith('}}', pos);
  };

  // lexText / lexLeftDelim / lexComment / lexInsideAction as one loop.
  for (;;) {
    // Text up to the next action.
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      tokens.push({ type: 'eof', value: '', pos });
      return tokens;
    }
    pos = x;
    const trimLeft = input[x + 2] === '-' && isSpace(input[x + 3]);
    if (trimLeft) {
      let end = pos;
      while (end > start && SPACE_CHARS.includes(input[end - 1])) end--;
      pos = end;
    }
    if (pos > start) emit('text');
    pos = x;
    start = pos;
    pos += 2;
    const afterMarker = trimLeft ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      const end = input.indexOf('*/', pos + 2);
      if (end < 0) return fail('unclosed comment');
      pos = end + 2;
      const { delim, trim } = atRightDelim();
      if (!delim) return fail('comment ends before closing delimiter');
      if (trim) pos += 2;
      pos += 2;
      if (trim) pos += leftTrimLength(pos);
      start = pos;
      continue;
    }
    emit('leftDelim');
    pos += afterMarker;
    start = pos;
    parenDepth = 0;

    // Inside the action.
    for (;;) {
      const { delim, trim } = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trim) {
          pos += 2;
          start = pos;
        }
        pos += 2;
        emit('rightDelim');
        if (trim) pos += leftTrimLength(pos);
        start = pos;
        break;
      }
      const r = input[pos];
      if (r === undefined) return fail('unclosed action');
      if (isSpace(r)) {
        let n = 0;
        while (isSpace(input[pos])) {
          pos++;
          n++;
        }
        // A space followed by "-}}" belongs to the closing delimiter.
        if (input[pos - 1] !== undefined && input[pos] === '-' && input.startsWith('}}', pos + 1)) {
          pos--;
          if (n === 1) continue;
        }
        emit('space');
        continue;
      }
      pos++;
      if (r === '=') emit('assign');
      else if (r === ':') {
        if (input[pos] !== '=') return fail('expected :=');
        pos++;
        emit('declare');
      } else if (r === '|') emit('pipe');
      else if (r === '"') {
        for (;;) {
          const c = input[pos++];
          if (c === '\\') {
            const n = input[pos];
            if (n !== undefined && n !== '\n') {
              pos++;
              continue;
            }
            return fail('unterminated quoted string');
          }
          if (c === undefined || c === '\n') return fail('unterminated quoted string');
          if (c === '"') break;
        }
        emit('string');
      } else if (r === '`') {
        const end = input.indexOf('`', pos);
        if (end < 0) return fail('unterminated raw quoted string');
        pos = end + 1;
        emit('rawString');
      } else if (r === '$' || (r === '.' && !(input[pos] >= '0' && input[pos] <= '9'))) {
        // lexFieldOrVariable
        if (atTerminator()) {
          emit(r === '$' ? 'variable' : 'dot');
          continue;
        }
        while (isAlphaNumeric(input[pos])) pos++;
        if (!atTerminator()) return fail(`bad character ${unicodeName(input[pos])}`);
        emit(r === '$' ? 'variable' : 'field');
      } else if (r === "'") {
        for (;;) {
          const c = input[pos++];
          if (c === '\\') {
            if (input[pos] !== undefined && input[pos] !== '\n') {
              pos++;
              continue;
            }
            return fail('unterminated character constant');
          }
          if (c === undefined || c === '\n') return fail('unterminated character constant');
          if (c === "'") break;
        }
        emit('charConstant');
      } else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        pos--;
        if (!scanNumber()) return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
        emit('number');
      } else if (isAlphaNumeric(r)) {
        while (isAlphaNumeric(input[pos])) pos++;
        if (!atTerminator()) return fail(`bad character ${unicodeName(input[pos])}`);
        const word = input.slice(start, pos);
        if (KEYWORDS.has(word)) emit('keyword');
        else if (word === 'true' || word === 'false') emit('bool');
        else if (word === 'nil') emit('nil');
        else emit('identifier');
      } else if (r === '(') {
        emit('leftParen');
        parenDepth++;
      } else if (r === ')') {
        parenDepth--;
        if (parenDepth < 0) return fail(`unexpected right paren ${unicodeName(r)}`);
        emit('rightParen');
      } else if (r.charCodeAt(0) < 0x7f && r.charCodeAt(0) >= 0x20) {
        emit('char');
      } else {
        return fail(`unrecognized character in action: ${unicodeName(r)}`);
      }
    }
  }

  function accept(valid: string): boolean {
    if (input[pos] !== undefined && valid.includes(input[pos])) {
      pos++;
      return true;
    }
    return false;
  }
  function acceptRun(valid: string): void {
    while (input[pos] !== undefined && valid.includes(input[pos])) pos++;
  }
  function scanNumber(): boolean {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(input[pos])) {
      pos++;
      return false;
    }
    return true;
  }
}

/** Go's %#U: U+0021 '!' */
export function unicodeName(c: string | undefined): string {
  if (c === undefined) return 'U+FFFFFFFF';
  const cp = c.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c}'`;
}
