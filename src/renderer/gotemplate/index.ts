// Public API of the Go text/template evaluator: Helm's `tpl` over a text, with sprig and Helm functions.
import { TemplateError, positionOf } from './errors.js';
import { Executor, type ExecUnit } from './exec.js';
import type { FuncEnv, FuncMap } from './func-types.js';
import { builtinFuncs } from './funcs/builtins.js';
import { collectionFuncs } from './funcs/collections.js';
import { cryptoFuncs } from './funcs/crypto.js';
import { dateFuncs } from './funcs/dates.js';
import { helmFuncs } from './funcs/helm.js';
import { jsonFuncs } from './funcs/json.js';
import { networkFuncs } from './funcs/network.js';
import { pathFuncs } from './funcs/paths.js';
import { randomFuncs } from './funcs/random.js';
import { semverFuncs } from './funcs/semver.js';
import { stringFuncs } from './funcs/strings.js';
import { tomlFuncs } from './funcs/toml.js';
import { urlFuncs } from './funcs/urls.js';
import { valueFuncs } from './funcs/values.js';
import { parse, type Node, type ParsedTemplate } from './parser.js';

export { TemplateError } from './errors.js';
export type { TemplateErrorCode } from './errors.js';

export interface TemplateHost {
  /** Named templates defined outside the template text (the charts' TypeScript helpers, e.g. "common.names.fullname"). Return undefined when the name is unknown. */
  include?(name: string, data: unknown): string | undefined;
  random?: () => number;
  now?: () => Date;
}

export interface TplOptions {
  /** Template name used in errors (Helm uses the calling template's path). */
  name?: string;
  host?: TemplateHost;
  /** Nesting bound for include/tpl/template (default 100). */
  maxDepth?: number;
  /** Output bound in characters across the whole evaluation, and on any one string value (default 10 MB). */
  maxOutputBytes?: number;
  /** Work bound across the whole evaluation: range iterations, function calls and list elements they return (default 10 million, about a second). */
  maxSteps?: number;
}

/** Functions in the order Helm layers them: Go builtins, sprig (minus env/expandenv), Helm's own. */
const FUNCS: FuncMap = Object.assign(
  Object.create(null) as FuncMap,
  builtinFuncs,
  stringFuncs,
  collectionFuncs,
  valueFuncs,
  randomFuncs,
  pathFuncs,
  jsonFuncs,
  dateFuncs,
  tomlFuncs,
  urlFuncs,
  networkFuncs,
  semverFuncs,
  cryptoFuncs,
  helmFuncs,
);
const hasFunction = (name: string): boolean => Object.hasOwn(FUNCS, name);

const PARSE_CACHE = new Map<string, ParsedTemplate>();
const PARSE_CACHE_LIMIT = 2000;

function parseCached(text: string, name: string): ParsedTemplate {
  const hit = PARSE_CACHE.get(text);
  if (hit) return hit;
  const parsed = parse(text, name, { hasFunction });
  if (PARSE_CACHE.size >= PARSE_CACHE_LIMIT) PARSE_CACHE.delete(PARSE_CACHE.keys().next().value as string);
  PARSE_CACHE.set(text, parsed);
  return parsed;
}

/** One evaluation: shared depth and output budgets, the defines seen so far, the host. */
class Session {
  depth = 0;
  output = 0;
  steps = 0;
  readonly defines = new Map<string, { nodes: Node[]; unit: ExecUnit }>();
  readonly env: FuncEnv;

  constructor(
    readonly host: TemplateHost,
    readonly maxDepth: number,
    readonly maxOutput: number,
    readonly maxSteps: number,
  ) {
    this.env = {
      include: (name, data) => this.include(name, data),
      tpl: (text, data) => this.tpl(text, data, 'tpl'),
      random: host.random ?? Math.random,
      now: host.now ?? (() => new Date()),
      charge: (n) => this.charge(n),
    };
  }

  charge(n: number): void {
    this.output += n;
    if (this.output > this.maxOutput) {
      throw new TemplateError('TEMPLATE_LIMIT', `template output exceeded ${this.maxOutput} bytes`, 1, 1);
    }
  }

  /** Work that prints nothing (a range over values, building lists) is bounded too, so no template runs for hours. */
  step(n: number): void {
    this.steps += n;
    if (this.steps > this.maxSteps) {
      throw new TemplateError('TEMPLATE_LIMIT', `template evaluation exceeded ${this.maxSteps} steps`, 1, 1);
    }
  }

  enter(): void {
    if (++this.depth > this.maxDepth) {
      this.depth--;
      throw new TemplateError('TEMPLATE_LIMIT', `template recursion exceeded the maximum depth of ${this.maxDepth}`, 1, 1);
    }
  }

  leave(): void {
    this.depth--;
  }

  private executor(unit: ExecUnit): Executor {
    return new Executor(
      {
        funcs: FUNCS,
        env: this.env,
        lookupTemplate: (n) => this.defines.get(n),
        hostTemplate: (n, data) => {
          this.enter();
          try {
            return this.host.include?.(n, data);
          } finally {
            this.leave();
          }
        },
        enter: () => this.enter(),
        leave: () => this.leave(),
        charge: (n) => this.charge(n),
        step: (n) => this.step(n),
        maxValueLength: this.maxOutput,
      },
      unit,
    );
  }

  include(name: string, data: unknown): string {
    this.enter();
    try {
      const t = this.defines.get(name);
      if (t) return this.executor(t.unit).run(t.nodes, data);
      const out = this.host.include?.(name, data);
      if (out === undefined) throw new TemplateError('TEMPLATE_EXEC', `error calling include: template: no template ${JSON.stringify(name)} associated with template "gotpl"`, 1, 1);
      this.charge(out.length);
      return out;
    } finally {
      this.leave();
    }
  }

  /** Parse and run a text; its {{define}}s join the session (as Helm parses tpl text into the chart's set). */
  tpl(text: string, data: unknown, name: string): string {
    if (!text.includes('{{')) {
      this.charge(text.length);
      return text;
    }
    this.enter();
    try {
      const parsed = parseCached(text, name);
      const unit: ExecUnit = { text, name };
      for (const [n, nodes] of parsed.defines) this.defines.set(n, { nodes, unit });
      // Helm removes every "<no value>" from the rendered text (engine.go renderWithReferences).
      return this.executor(unit).run(parsed.root, data).replaceAll('<no value>', '');
    } finally {
      this.leave();
    }
  }
}

/** Helm's `tpl`: parse `text`, execute with `data` as dot, return the output with "<no value>" removed. */
export function tpl(text: string, data: unknown, options: TplOptions = {}): string {
  if (!text.includes('{{')) return text;
  const session = new Session(
    options.host ?? {},
    options.maxDepth ?? 100,
    options.maxOutputBytes ?? 10 * 1024 * 1024,
    options.maxSteps ?? 10_000_000,
  );
  try {
    return session.tpl(text, data, options.name ?? 'tpl');
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new TemplateError('TEMPLATE_LIMIT', 'template recursion exceeded the JavaScript stack', 1, 1, options.name ?? 'tpl');
    }
    throw e;
  }
}

/** Parse only (for linting a templated value): throws TemplateError TEMPLATE_PARSE on bad syntax. */
export function parseTemplate(text: string, name = 'tpl'): void {
  if (text.includes('{{')) parseCached(text, name);
}

export { positionOf };
