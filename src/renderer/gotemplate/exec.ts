// Executes a parsed template with Go's semantics; follows golang/go src/text/template/exec.go (go1.18) with
// Helm's missingkey=zero: a missing map key is nil and prints "<no value>", which Helm's tpl then removes.
import { TemplateError, positionOf } from './errors.js';
import { FailError, FuncError, paramTypeName, type FuncEnv, type FuncMap, type ParamType } from './func-types.js';
import { goPrint } from './go-print.js';
import { GoStruct, goTypeName, isInterfaceMap, isMap, isNil, isTrue, sortedKeys } from './go-value.js';
import type { CommandNode, Node, NumberNode, Operand, PipeNode } from './parser.js';

/** The text an error's position refers to (see placeLimit). */
const placedIn = new WeakMap<TemplateError, ExecUnit>();

/** No value flowed in from a previous pipeline stage (Go's missingVal). */
const MISSING: unique symbol = Symbol('missing');
type Val = unknown;

class BreakSignal {}
class ContinueSignal {}

/** A template source: its text (for positions), name, and defines visible to `template` / `include`. */
export interface ExecUnit {
  text: string;
  name: string;
}

export interface ExecOptions {
  funcs: FuncMap;
  env: FuncEnv;
  /** Look up a named template ({{define}} in the text, then the host's). */
  lookupTemplate(name: string): { nodes: Node[]; unit: ExecUnit } | undefined;
  /** A named template the host provides (the charts' helpers), as text; undefined when it has none by that name. */
  hostTemplate?(name: string, data: unknown): string | undefined;
  /** Enter a nested template call (template/include/tpl); throws TEMPLATE_LIMIT past the depth bound. */
  enter(): void;
  leave(): void;
  /** Append to the output budget; throws TEMPLATE_LIMIT past the bound. */
  charge(units: number): void;
  /** Count work against the step budget; throws TEMPLATE_LIMIT past the bound. */
  step(units: number): void;
  /** The longest string a function may return (the output bound: such a string could never be printed). */
  maxValueLength: number;
}

/** Property access on any object: own keys, or members of a class instance; never the Object prototype. */
function fieldOf(obj: object, key: string): { found: boolean; value: unknown } {
  if (Object.hasOwn(obj, key)) return { found: true, value: (obj as Record<string, unknown>)[key] };
  if (isMap(obj) || key === '__proto__' || key === 'constructor' || key === 'prototype') return { found: false, value: undefined };
  if (key in obj && !(key in Object.prototype)) return { found: true, value: (obj as Record<string, unknown>)[key] };
  return { found: false, value: undefined };
}

function nodeText(n: Operand): string {
  switch (n.kind) {
    case 'field':
      return '.' + n.idents.join('.');
    case 'variable':
      return n.idents.join('.');
    case 'chain':
      return '(' + nodeText(n.node) + ').' + n.fields.join('.');
    case 'identifier':
      return n.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
    case 'string':
      return n.text;
    case 'pipe':
      return '(' + n.cmds.map((c) => c.args.map(nodeText).join(' ')).join(' | ') + ')';
  }
}

export class Executor {
  private vars: Array<{ name: string; value: Val }> = [];
  private out: string[] = [];
  private unit: ExecUnit;

  constructor(
    private readonly opts: ExecOptions,
    unit: ExecUnit,
  ) {
    this.unit = unit;
  }

  /** Run `nodes` with `dot` (also `$`), returning the text they print. */
  run(nodes: Node[], dot: Val): string {
    this.vars = [{ name: '$', value: dot }];
    this.out = [];
    this.walk(dot, nodes);
    return this.out.join('');
  }

  private error(pos: number, message: string, code: TemplateError['code'] = 'TEMPLATE_EXEC'): never {
    const { line, col } = positionOf(this.unit.text, pos);
    const e = new TemplateError(code, message, line, col, this.unit.name);
    placedIn.set(e, this.unit);
    throw e;
  }

  /**
   * A limit (depth, output) is hit deep inside nested include/tpl calls, where the position means little;
   * as the error unwinds, point it at the innermost node of each enclosing text instead, so the message
   * names the call in the value's own text that started the runaway.
   */
  private placeLimit(e: unknown, pos: number): unknown {
    if (!(e instanceof TemplateError) || e.code !== 'TEMPLATE_LIMIT' || placedIn.get(e) === this.unit) return e;
    const { line, col } = positionOf(this.unit.text, pos);
    const placed = new TemplateError(e.code, e.message, line, col, this.unit.name);
    placedIn.set(placed, this.unit);
    return placed;
  }

  private emit(s: string): void {
    if (s.length === 0) return;
    this.opts.charge(s.length);
    this.out.push(s);
  }

  private walk(dot: Val, nodes: Node[]): void {
    for (const node of nodes) {
      try {
        this.walkNode(dot, node);
      } catch (e) {
        throw this.placeLimit(e, node.pos);
      }
    }
  }

  private walkNode(dot: Val, node: Node): void {
    switch (node.kind) {
      case 'text':
        this.emit(node.text);
        break;
      case 'action': {
        const v = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.emit(isNil(v) ? '<no value>' : goPrint(v));
        break;
      }
      case 'if':
      case 'with': {
        const mark = this.vars.length;
        const v = this.evalPipeline(dot, node.pipe);
        if (isTrue(v)) this.walk(node.kind === 'with' ? v : dot, node.list);
        else if (node.elseList) this.walk(dot, node.elseList);
        this.vars.length = mark;
        break;
      }
      case 'range':
        this.walkRange(dot, node);
        break;
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'template':
        this.walkTemplate(dot, node);
        break;
    }
  }

  private walkRange(dot: Val, node: Extract<Node, { kind: 'range' }>): void {
    const mark = this.vars.length;
    const v = this.evalPipeline(dot, node.pipe);
    const inner = this.vars.length;
    const decl = node.pipe.decl;
    const one = (index: Val, elem: Val): boolean => {
      // The last declared variable takes the element, the first (of two) the index or key.
      this.opts.step(1);
      if (decl.length > 0) this.vars[inner - 1].value = elem;
      if (decl.length > 1) this.vars[inner - 2].value = index;
      try {
        this.walk(elem, node.list);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        this.vars.length = inner;
      }
      return true;
    };
    let iterated = false;
    if (Array.isArray(v)) {
      iterated = v.length > 0;
      for (let i = 0; i < v.length; i++) if (!one(BigInt(i), v[i])) break;
    } else if (isMap(v)) {
      const keys = sortedKeys(v);
      iterated = keys.length > 0;
      for (const k of keys) if (!one(k, v[k])) break;
    } else if (!isNil(v)) {
      this.error(node.pos, `range can't iterate over ${goPrint(v)}`);
    }
    if (!iterated && node.elseList) this.walk(dot, node.elseList);
    this.vars.length = mark;
  }

  private walkTemplate(dot: Val, node: Extract<Node, { kind: 'template' }>): void {
    const t = this.opts.lookupTemplate(node.name);
    if (!t) {
      // Helm parses tpl text into the chart's template set, so `{{ template "common.names.fullname" . }}` reaches the charts' defines too.
      const newDot = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
      const out = this.opts.hostTemplate?.(node.name, newDot);
      if (out === undefined) this.error(node.pos, `template ${JSON.stringify(node.name)} not defined`);
      this.emit(out);
      return;
    }
    const newDot = node.pipe ? this.evalPipeline(dot, node.pipe) : undefined;
    this.opts.enter();
    try {
      const sub = new Executor(this.opts, t.unit);
      this.emit(sub.run(t.nodes, newDot));
    } finally {
      this.opts.leave();
    }
  }

  private evalPipeline(dot: Val, pipe: PipeNode): Val {
    let value: Val | typeof MISSING = MISSING;
    for (const cmd of pipe.cmds) value = this.evalCommand(dot, cmd, value);
    const v = value === MISSING ? undefined : value;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, v);
      else this.vars.push({ name, value: v });
    }
    return v;
  }

  private setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
  }

  private varValue(name: string, pos: number): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.error(pos, `undefined variable: ${name}`);
  }

  private notAFunction(args: Operand[], final: Val | typeof MISSING): void {
    if (args.length > 1 || final !== MISSING) {
      // Go prints the node itself: a parenthesised pipeline without its parentheses.
      const text = nodeText(args[0]);
      this.error(args[0].pos, `can't give argument to non-function ${args[0].kind === 'pipe' ? text.slice(1, -1) : text}`);
    }
  }

  private evalCommand(dot: Val, cmd: CommandNode, final: Val | typeof MISSING): Val {
    const first = cmd.args[0];
    switch (first.kind) {
      case 'field':
        return this.evalFieldChain(dot, dot, first, first.idents, cmd.args, final, true);
      case 'chain': {
        const recv = this.evalArg(dot, 'any', first.node);
        return this.evalFieldChain(dot, recv, first, first.fields, cmd.args, final, true);
      }
      case 'identifier':
        return this.evalFunction(dot, first.name, first.pos, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': {
        const value = this.varValue(first.idents[0], first.pos);
        if (first.idents.length === 1) {
          this.notAFunction(cmd.args, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first, first.idents.slice(1), cmd.args, final, true);
      }
      default:
        break;
    }
    this.notAFunction(cmd.args, final);
    switch (first.kind) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.error(first.pos, 'nil is not a command');
      case 'number':
        return first.value;
      case 'string':
        return first.value;
    }
  }

  /** `.a.b.c` on a receiver; the last field takes the command's arguments when it is a method (JS function). */
  private evalFieldChain(
    dot: Val,
    receiver: Val,
    node: Operand,
    idents: string[],
    args: Operand[],
    final: Val | typeof MISSING,
    fromPipelineOrDot: boolean,
  ): Val {
    let cur = receiver;
    let fromStruct = false;
    const n = idents.length;
    for (let i = 0; i < n; i++) {
      const last = i === n - 1;
      const unwrapped = i === 0 && fromPipelineOrDot;
      const next = this.evalField(dot, idents[i], node, last ? args : [], last ? final : MISSING, cur, unwrapped, unwrapped || fromStruct);
      fromStruct = cur instanceof GoStruct;
      cur = next;
    }
    return cur;
  }

  private evalField(
    dot: Val,
    name: string,
    node: Operand,
    args: Operand[],
    final: Val | typeof MISSING,
    receiver: Val,
    receiverUnwrapped: boolean,
    /** Go names the receiver by its static type: a struct field's or method result's own, a map element's interface {}. */
    staticType = receiverUnwrapped,
  ): Val {
    if (isNil(receiver)) {
      // A nil that came out of a pipeline or variable is Go's invalid Value: the field is simply missing.
      // A nil met inside a field chain is a nil interface: Go refuses to look into it.
      if (receiverUnwrapped) return undefined;
      return this.error(node.pos, `nil pointer evaluating interface {}.${name}`);
    }
    const hasArgs = args.length > 1 || final !== MISSING;
    // A named slice type's method (chartutil.VersionSet's Has).
    if (Array.isArray(receiver) && Object.hasOwn(receiver, name) && typeof (receiver as unknown as Record<string, unknown>)[name] === 'function') {
      const method = (receiver as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      const argv = args.slice(1).map((a) => this.evalArg(dot, 'any', a));
      if (final !== MISSING) argv.push(final);
      return method.apply(receiver, argv);
    }
    if (typeof receiver === 'object' && !Array.isArray(receiver)) {
      const { found, value } = fieldOf(receiver, name);
      if (typeof value === 'function') {
        const argv = args.slice(1).map((a) => this.evalArg(dot, 'any', a));
        if (final !== MISSING) argv.push(final);
        try {
          return (value as (...a: unknown[]) => unknown).apply(receiver, argv);
        } catch (e) {
          if (e instanceof TemplateError) throw e;
          return this.error(node.pos, `error calling ${name}: ${(e as Error).message}`);
        }
      }
      // A Go struct has only its fields and methods: a name it lacks stops the template.
      if (!found && receiver instanceof GoStruct) this.error(node.pos, `can't evaluate field ${name} in type ${staticType ? receiver.goType : 'interface {}'}`);
      if (hasArgs) this.error(node.pos, `${name} is not a method but has arguments`);
      return found ? value : undefined;
    }
    return this.error(node.pos, `can't evaluate field ${name} in type ${receiverUnwrapped ? goTypeName(receiver) : 'interface {}'}`);
  }

  private evalFunction(dot: Val, name: string, pos: number, args: Operand[], final: Val | typeof MISSING): Val {
    const f = this.opts.funcs[name];
    if (!f) return this.error(pos, `${JSON.stringify(name)} is not a defined function`);
    const rest = args.slice(1);
    const numIn = rest.length + (final !== MISSING ? 1 : 0);
    const numFixed = f.params.length;
    if (f.variadic !== undefined) {
      if (numIn < numFixed) this.error(pos, `wrong number of args for ${name}: want at least ${numFixed} got ${rest.length}`);
    } else if (numIn !== numFixed) {
      this.error(pos, `wrong number of args for ${name}: want ${numFixed} got ${numIn}`);
    }
    // and/or short-circuit (go1.18): return the first deciding operand itself.
    if (name === 'and' || name === 'or') {
      let v: Val = undefined;
      for (const a of rest) {
        v = this.evalArg(dot, 'value', a);
        if (isTrue(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const argv: Val[] = [];
    for (let i = 0; i < rest.length; i++) {
      const t = i < numFixed ? f.params[i] : (f.variadic as ParamType);
      argv.push(this.evalArg(dot, t, rest[i]));
    }
    if (final !== MISSING) {
      const t = numIn - 1 < numFixed ? f.params[numIn - 1] : (f.variadic as ParamType);
      argv.push(this.validateType(final, t, pos));
    }
    let result: Val;
    try {
      result = f.fn(argv, this.opts.env);
    } catch (e) {
      if (e instanceof TemplateError) throw this.placeLimit(e, pos);
      if (e instanceof FailError) return this.error(pos, e.message, 'TEMPLATE_FAIL');
      if (e instanceof FuncError) return this.error(pos, `error calling ${name}: ${e.message}`);
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        return this.error(pos, 'template recursion exceeded the JavaScript stack', 'TEMPLATE_LIMIT');
      }
      if (e instanceof RangeError && /invalid (string|array) length/i.test(e.message)) {
        return this.error(pos, `error calling ${name}: value too large`, 'TEMPLATE_LIMIT');
      }
      throw e;
    }
    // A list costs its length (append in a loop is quadratic); a string past the output bound could never be printed.
    this.opts.step(1 + (Array.isArray(result) ? result.length : 0));
    if (typeof result === 'string' && result.length > this.opts.maxValueLength) {
      this.error(pos, `error calling ${name}: value exceeded ${this.opts.maxValueLength} bytes`, 'TEMPLATE_LIMIT');
    }
    return result;
  }

  private evalArg(dot: Val, t: ParamType, n: Operand): Val {
    switch (n.kind) {
      case 'dot':
        return this.validateType(dot, t, n.pos);
      case 'nil':
        if (t === 'any' || t === 'value' || t === 'map') return null;
        return this.error(n.pos, `cannot assign nil to ${paramTypeName(t)}`);
      case 'field':
        return this.validateType(this.evalFieldChain(dot, dot, n, n.idents, [n], MISSING, true), t, n.pos, true);
      case 'variable': {
        const value = this.varValue(n.idents[0], n.pos);
        const v = n.idents.length === 1 ? value : this.evalFieldChain(dot, value, n, n.idents.slice(1), [n], MISSING, true);
        return this.validateType(v, t, n.pos, n.idents.length > 1);
      }
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), t, n.pos);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n.name, n.pos, [n], MISSING), t, n.pos);
      case 'chain': {
        const recv = this.evalArg(dot, 'any', n.node);
        return this.validateType(this.evalFieldChain(dot, recv, n, n.fields, [n], MISSING, true), t, n.pos, true);
      }
      default:
        break;
    }
    // Constants convert to the parameter type as Go's evalArg does.
    switch (t) {
      case 'any':
      case 'value':
        return n.value;
      case 'string':
        if (n.kind === 'string') return n.value;
        return this.error(n.pos, `expected string; found ${nodeText(n)}`);
      case 'bool':
        if (n.kind === 'bool') return n.value;
        return this.error(n.pos, `expected bool; found ${nodeText(n)}`);
      case 'int':
        if (n.kind === 'number' && (n as NumberNode).int !== undefined) return (n as NumberNode).int;
        return this.error(n.pos, `expected integer; found ${nodeText(n)}`);
      case 'float64':
        if (n.kind === 'number' && (n as NumberNode).float !== undefined) return (n as NumberNode).float;
        return this.error(n.pos, `expected float; found ${nodeText(n)}`);
      case 'map':
        return this.error(n.pos, `can't handle ${nodeText(n)} for arg of type map[string]interface {}`);
    }
  }

  /** `fromField`: the value is a map element, so a nil is a nil interface{} rather than Go's invalid Value. */
  private validateType(v: Val, t: ParamType, pos: number, fromField = false): Val {
    if (t === 'any' || t === 'value') return v;
    if (isNil(v)) {
      if (fromField) return this.error(pos, `wrong type for value; expected ${paramTypeName(t)}; got interface {}`);
      if (t === 'map') return null;
      return this.error(pos, `invalid value; expected ${paramTypeName(t)}`);
    }
    const ok =
      (t === 'string' && typeof v === 'string') ||
      (t === 'bool' && typeof v === 'boolean') ||
      // Go int and int64 are both bigint here; the distinction (an int64 is not an int) is not modelled.
      (t === 'int' && typeof v === 'bigint') ||
      (t === 'float64' && typeof v === 'number') ||
      (t === 'map' && isInterfaceMap(v));
    if (!ok) this.error(pos, `wrong type for value; expected ${paramTypeName(t)}; got ${goTypeName(v)}`);
    return v;
  }
}
