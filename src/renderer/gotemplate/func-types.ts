// How template functions are declared: Go parameter types (so arguments are checked and converted as
// text/template's evalArg/validateType do) and a plain JS implementation.

/** Go parameter types the evaluator knows how to check. 'any' is interface{}; 'value' is reflect.Value. */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'float64' | 'bool' | 'map';

/** What a function can reach besides its arguments. */
export interface FuncEnv {
  include(name: string, data: unknown): string;
  tpl(text: string, data: unknown): string;
  random(): number;
  now(): Date;
  /** Charge output-like work (repeat, until) against the output budget; throws TEMPLATE_LIMIT when exceeded. */
  charge(units: number): void;
}

export interface GoFunc {
  params: readonly ParamType[];
  /** Element type of a variadic tail (Go `...T`). */
  variadic?: ParamType;
  fn: (args: unknown[], env: FuncEnv) => unknown;
}

export type FuncMap = Record<string, GoFunc>;

/** An error a function returns (or a panic it raises); exec reports it as `error calling NAME: MESSAGE`. */
export class FuncError extends Error {}

/** Helm's `required` / `fail`: the user's message verbatim (TEMPLATE_FAIL). */
export class FailError extends Error {}

export const fn = (params: readonly ParamType[], f: GoFunc['fn'], variadic?: ParamType): GoFunc =>
  variadic === undefined ? { params, fn: f } : { params, variadic, fn: f };

/** Go type name of a parameter type, for error messages. */
export function paramTypeName(t: ParamType): string {
  switch (t) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    case 'map':
      return 'map[string]interface {}';
    default:
      return t;
  }
}
