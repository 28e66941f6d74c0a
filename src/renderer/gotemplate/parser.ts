// Parser for Go text/template producing a small AST; follows golang/go src/text/template/parse/parse.go (go1.18):
// if / else if / else, with, range (+ break, continue), define, template, block, declarations, pipelines.
import { TemplateError, positionOf } from './errors.js';
import { describeToken, lex, type Token } from './lexer.js';

export type Node =
  | { kind: 'text'; pos: number; text: string }
  | { kind: 'action'; pos: number; pipe: PipeNode }
  | { kind: 'if' | 'with'; pos: number; pipe: PipeNode; list: Node[]; elseList?: Node[] }
  | { kind: 'range'; pos: number; pipe: PipeNode; list: Node[]; elseList?: Node[] }
  | { kind: 'template'; pos: number; name: string; pipe?: PipeNode }
  | { kind: 'break' | 'continue'; pos: number };

export interface PipeNode {
  kind: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: string[];
  cmds: CommandNode[];
}

export interface CommandNode {
  pos: number;
  args: Operand[];
}

export type Operand =
  | { kind: 'field'; pos: number; idents: string[] }
  | { kind: 'variable'; pos: number; idents: string[] }
  | { kind: 'chain'; pos: number; node: Operand; fields: string[] }
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'bool'; pos: number; value: boolean }
  | NumberNode
  | { kind: 'string'; pos: number; text: string; value: string }
  | PipeNode;

/** A numeric constant with Go's flags: an int literal is also a float; an integral float is also an int. */
export interface NumberNode {
  kind: 'number';
  pos: number;
  text: string;
  /** The value text/template's idealConstant gives an interface{} argument: bigint (Go int) or number. */
  value: number | bigint;
  int?: bigint;
  float?: number;
}

export interface ParsedTemplate {
  root: Node[];
  defines: Map<string, Node[]>;
}

type EndMark = { kind: 'end' | 'else'; pos: number };

/** Go-syntax string literal (strconv.Unquote of a "..." token). */
function unquote(tok: string): string {
  if (tok.startsWith('`')) return tok.slice(1, -1);
  let out = '';
  const body = tok.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) {
      if (e === "'" && tok.startsWith('"')) throw new Error('invalid syntax');
      out += simple[e];
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error('invalid syntax');
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff || (e !== 'x' && cp >= 0xd800 && cp <= 0xdfff)) throw new Error('invalid syntax');
      out += e === 'x' ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      i += n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) throw new Error('invalid syntax');
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else throw new Error('invalid syntax');
  }
  return out;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A Go number literal (parse.newNumber): int if strconv.ParseInt(text, 0) takes it, float if ParseFloat does. */
function parseNumber(text: string, isChar: boolean, pos: number): NumberNode {
  if (isChar) {
    const s = unquote('"' + text.slice(1, -1).replace(/"/g, '\\"') + '"');
    const cps = Array.from(s);
    if (cps.length !== 1) throw new Error(`malformed character constant: ${text}`);
    const v = BigInt(cps[0].codePointAt(0) ?? 0);
    return { kind: 'number', pos, text, value: v, int: v, float: Number(v) };
  }
  if (text.endsWith('i')) throw new Error(`complex constants are not supported: ${JSON.stringify(text)}`);
  // Underscores only between digits (or after a base prefix), as Go requires.
  const underscoresOk = !text.includes('_') || /^[+-]?(0[xXoObB]_?)?[0-9a-fA-F]+(_[0-9a-fA-F]+)*$/.test(text);
  const clean = text.replaceAll('_', '');
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(clean);
  if (m && underscoresOk) {
    let digits = m[2];
    if (/^0[0-7]+$/.test(digits)) digits = '0o' + digits.slice(1);
    let v = BigInt(digits);
    if (m[1] === '-') v = -v;
    if (v < INT64_MIN || v > INT64_MAX) throw new Error(`integer overflow: ${JSON.stringify(text)}`);
    return { kind: 'number', pos, text, value: v, int: v, float: Number(v) };
  }
  if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(clean) && underscoresOk) {
    const f = Number(clean);
    if (!Number.isFinite(f)) throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
    // A float-parsable text without '.', 'e' or 'p' is an int too large (or "09"): Go rejects it.
    if (!/[.eEpP]/.test(text)) throw new Error(`integer overflow: ${JSON.stringify(text)}`);
    const node: NumberNode = { kind: 'number', pos, text, value: f, float: f };
    if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) node.int = BigInt(f);
    return node;
  }
  throw new Error(`illegal number syntax: ${JSON.stringify(text)}`);
}

export interface ParseOptions {
  /** Names callable as functions; an unknown identifier is a parse error, as in Go. */
  hasFunction: (name: string) => boolean;
}

/** Parse a template text; throws TemplateError (code TEMPLATE_PARSE) with Go's wording. */
export function parse(text: string, name: string, opts: ParseOptions): ParsedTemplate {
  const tokens = lex(text);
  let i = 0;
  let vars: string[] = ['$'];
  let rangeDepth = 0;
  const defines = new Map<string, Node[]>();

  const fail = (message: string, pos: number): never => {
    const { line, col } = positionOf(text, pos);
    throw new TemplateError('TEMPLATE_PARSE', message, line, col, name);
  };
  const next = (): Token => {
    const t = tokens[i];
    if (t.type === 'error') fail(t.value, t.pos);
    if (i < tokens.length - 1) i++;
    return t;
  };
  const peek = (): Token => {
    const t = tokens[i];
    if (t.type === 'error') fail(t.value, t.pos);
    return t;
  };
  const nextNonSpace = (): Token => {
    let t = next();
    while (t.type === 'space') t = next();
    return t;
  };
  const peekNonSpace = (): Token => {
    const save = i;
    const t = nextNonSpace();
    i = save;
    return t;
  };
  const unexpected = (t: Token, context: string): never => fail(`unexpected ${describeToken(t)} in ${context}`, t.pos);
  const expect = (type: Token['type'], context: string, value?: string): Token => {
    const t = nextNonSpace();
    if (t.type !== type || (value !== undefined && t.value !== value)) unexpected(t, context);
    return t;
  };

  function itemList(): { list: Node[]; end: EndMark } {
    const list: Node[] = [];
    for (;;) {
      const t = peekNonSpace();
      if (t.type === 'eof') fail(`unexpected EOF`, t.pos);
      const n = textOrAction();
      if (n.kind === 'end' || n.kind === 'else') return { list, end: n as EndMark };
      list.push(n as Node);
    }
  }

  function textOrAction(): Node | EndMark {
    const t = nextNonSpace();
    if (t.type === 'text') return { kind: 'text', pos: t.pos, text: t.value };
    if (t.type === 'leftDelim') return action();
    return unexpected(t, 'input');
  }

  function action(): Node | EndMark {
    const save = i;
    const t = nextNonSpace();
    if (t.type === 'keyword') {
      switch (t.value) {
        case 'block':
          return blockControl(t);
        case 'break':
        case 'continue': {
          if (rangeDepth === 0) fail(`{{${t.value}}} outside {{range}}`, t.pos);
          expect('rightDelim', t.value);
          return { kind: t.value, pos: t.pos };
        }
        case 'else': {
          const p = peekNonSpace();
          if (p.type === 'keyword' && p.value === 'if') return { kind: 'else', pos: p.pos };
          expect('rightDelim', 'else');
          return { kind: 'else', pos: t.pos };
        }
        case 'end':
          expect('rightDelim', 'end');
          return { kind: 'end', pos: t.pos };
        case 'if':
          return control('if', t.pos, true);
        case 'range':
          return control('range', t.pos, false);
        case 'template':
          return templateControl(t);
        case 'with':
          return control('with', t.pos, false);
        default:
          break;
      }
    }
    i = save;
    const pos = peekNonSpace().pos;
    return { kind: 'action', pos, pipe: pipeline('command', 'rightDelim') };
  }

  function control(kind: 'if' | 'with' | 'range', pos: number, allowElseIf: boolean): Node {
    const saved = vars.length;
    const pipe = pipeline(kind, 'rightDelim');
    if (kind === 'range') rangeDepth++;
    let { list, end } = itemList();
    if (kind === 'range') rangeDepth--;
    let elseList: Node[] | undefined;
    if (end.kind === 'else') {
      const p = peekNonSpace();
      if (allowElseIf && p.type === 'keyword' && p.value === 'if') {
        nextNonSpace();
        // {{else if b}} is {{else}}{{if b}}…{{end}}{{end}} sharing one {{end}}.
        elseList = [control('if', p.pos, true)];
      } else {
        const r = itemList();
        elseList = r.list;
        if (r.end.kind !== 'end') fail(`expected end; found {{else}}`, r.end.pos);
      }
    }
    vars = vars.slice(0, saved);
    list = list ?? [];
    return { kind, pos, pipe, list, elseList };
  }

  function templateName(t: Token, context: string): string {
    if (t.type === 'string' || t.type === 'rawString') {
      try {
        return unquote(t.value);
      } catch {
        fail('invalid syntax', t.pos);
      }
    }
    return unexpected(t, context);
  }

  function templateControl(kw: Token): Node {
    const context = 'template clause';
    const nameTok = nextNonSpace();
    const tname = templateName(nameTok, context);
    let pipe: PipeNode | undefined;
    if (nextNonSpace().type !== 'rightDelim') {
      i--;
      pipe = pipeline(context, 'rightDelim');
    }
    return { kind: 'template', pos: kw.pos, name: tname, pipe };
  }

  /**
   * parse.(*Tree).add: one text may define a name once; a second non-empty body is an error, an
   * empty (whitespace-only) one on either side gives way to the other.
   */
  function addDefine(name: string, list: Node[], pos: number): void {
    const prior = defines.get(name);
    if (prior === undefined || isEmptyTree(prior)) defines.set(name, list);
    else if (!isEmptyTree(list)) fail(`multiple definition of template ${JSON.stringify(name)}`, pos);
  }

  function blockControl(kw: Token): Node {
    const context = 'block clause';
    const nameTok = nextNonSpace();
    const tname = templateName(nameTok, context);
    const pipe = pipeline(context, 'rightDelim');
    const saved = vars;
    vars = ['$'];
    const { list, end } = itemList();
    if (end.kind !== 'end') fail(`unexpected {{else}} in ${context}`, end.pos);
    vars = saved;
    addDefine(tname, list, end.pos);
    return { kind: 'template', pos: kw.pos, name: tname, pipe };
  }

  function pipeline(context: string, endType: 'rightDelim' | 'rightParen'): PipeNode {
    const start = peekNonSpace();
    const pipe: PipeNode = { kind: 'pipe', pos: start.pos, isAssign: false, decl: [], cmds: [] };
    // Declarations: $x := / $x = / $i, $v :=
    decls: for (;;) {
      const v = peekNonSpace();
      if (v.type !== 'variable') break;
      const save = i;
      nextNonSpace();
      const n = peekNonSpace();
      if (n.type === 'assign' || n.type === 'declare') {
        pipe.isAssign = n.type === 'assign';
        nextNonSpace();
        pipe.decl.push(v.value);
        vars.push(v.value);
        break;
      }
      if (n.type === 'char' && n.value === ',') {
        nextNonSpace();
        pipe.decl.push(v.value);
        vars.push(v.value);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace();
          if (p.type === 'variable' || p.type === 'rightDelim' || p.type === 'rightParen') continue decls;
          fail('range can only initialize variables', p.pos);
        }
        fail(`too many declarations in ${context}`, n.pos);
      }
      i = save;
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.type === endType) {
        if (pipe.cmds.length === 0) fail(`missing value for ${context}`, t.pos);
        pipe.cmds.slice(1).forEach((c, k) => {
          const a = c.args[0];
          if (a.kind === 'bool' || a.kind === 'dot' || a.kind === 'nil' || a.kind === 'number' || a.kind === 'string') {
            fail(`non executable command in pipeline stage ${k + 2}`, c.pos);
          }
        });
        return pipe;
      }
      switch (t.type) {
        case 'bool':
        case 'charConstant':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          i--;
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  }

  function command(): CommandNode {
    const cmd: CommandNode = { pos: peekNonSpace().pos, args: [] };
    for (;;) {
      while (tokens[i].type === 'space') i++;
      const op = operand();
      if (op) cmd.args.push(op);
      const t = next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') i--;
      else if (t.type !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) fail('empty command', cmd.pos);
    return cmd;
  }

  function operand(): Operand | undefined {
    const node = term();
    if (!node) return undefined;
    if (peek().type !== 'field') return node;
    const fields: string[] = [];
    while (peek().type === 'field') fields.push(next().value.slice(1));
    switch (node.kind) {
      case 'field':
        return { kind: 'field', pos: node.pos, idents: [...node.idents, ...fields] };
      case 'variable':
        return { kind: 'variable', pos: node.pos, idents: [...node.idents, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        return fail(`unexpected . after term ${JSON.stringify(termText(node))}`, node.pos);
      default:
        return { kind: 'chain', pos: node.pos, node, fields };
    }
  }

  function term(): Operand | undefined {
    const save = i;
    const t = nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!opts.hasFunction(t.value)) fail(`function ${JSON.stringify(t.value)} not defined`, t.pos);
        return { kind: 'identifier', pos: t.pos, name: t.value };
      case 'dot':
        return { kind: 'dot', pos: t.pos };
      case 'nil':
        return { kind: 'nil', pos: t.pos };
      case 'variable': {
        const parts = t.value.split('.');
        if (!vars.includes(parts[0])) fail(`undefined variable ${JSON.stringify(parts[0])}`, t.pos);
        return { kind: 'variable', pos: t.pos, idents: parts };
      }
      case 'field':
        return { kind: 'field', pos: t.pos, idents: [t.value.slice(1)] };
      case 'bool':
        return { kind: 'bool', pos: t.pos, value: t.value === 'true' };
      case 'charConstant':
      case 'number':
        try {
          return parseNumber(t.value, t.type === 'charConstant', t.pos);
        } catch (e) {
          return fail((e as Error).message, t.pos);
        }
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        try {
          return { kind: 'string', pos: t.pos, text: t.value, value: unquote(t.value) };
        } catch {
          return fail('invalid syntax', t.pos);
        }
      default:
        i = save;
        return undefined;
    }
  }

  // parse(): top level, where {{define}} is allowed.
  const root: Node[] = [];
  for (;;) {
    const t = peek();
    if (t.type === 'eof') break;
    if (t.type === 'leftDelim') {
      const save = i;
      next();
      const kw = nextNonSpace();
      if (kw.type === 'keyword' && kw.value === 'define') {
        const nameTok = nextNonSpace();
        const dname = templateName(nameTok, 'define clause');
        expect('rightDelim', 'define clause');
        const saved = vars;
        vars = ['$'];
        const { list, end } = itemList();
        if (end.kind !== 'end') fail(`unexpected {{else}} in define clause`, end.pos);
        vars = saved;
        addDefine(dname, list, end.pos);
        continue;
      }
      i = save;
    }
    const n = textOrAction();
    if (n.kind === 'end' || n.kind === 'else') fail(`unexpected {{${n.kind}}}`, n.pos);
    else root.push(n as Node);
  }
  return { root, defines };
}

function termText(n: Operand): string {
  switch (n.kind) {
    case 'bool':
      return String(n.value);
    case 'string':
    case 'number':
      return n.text;
    case 'nil':
      return 'nil';
    case 'dot':
      return '.';
    default:
      return '';
  }
}

/** parse.IsEmptyTree: nothing but whitespace text. */
function isEmptyTree(list: readonly Node[]): boolean {
  return list.every((n) => n.kind === 'text' && /^[ \t\r\n]*$/.test(n.text));
}
