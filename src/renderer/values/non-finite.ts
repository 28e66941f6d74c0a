// helm reads values files through sigs.k8s.io/yaml, which converts YAML to JSON first: a `.nan` or
// `.inf` anywhere in the file (used or not) fails that step, and helm refuses the whole file. We refuse
// it too, naming the value and where it is.
import { valuePathText } from './maps.js';
import { positionOf, YamlSyntaxError, type ParsedYaml } from './yaml-read.js';

export interface NonFiniteValue {
  path: Array<string | number>;
  value: number;
}

/** Every NaN or infinite number in parsed values, in document order. */
export function nonFiniteValues(data: unknown): NonFiniteValue[] {
  const found: NonFiniteValue[] = [];
  const walk = (v: unknown, path: Array<string | number>): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) found.push({ path, value: v });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (typeof v === 'object' && v !== null) {
      for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
    }
  };
  walk(data, []);
  return found;
}

/** What is wrong with one (its value path aside): what helm says, and what to write instead. */
export function nonFiniteReason(found: NonFiniteValue): string {
  const json = Number.isNaN(found.value) ? 'NaN' : found.value > 0 ? '+Inf' : '-Inf';
  return `${json} is not a value helm accepts (it converts values to JSON, which has no NaN or infinity: "json: unsupported value: ${json}"); quote it to pass text`;
}

/** Each NaN or infinity in a values file, with its position. */
export function nonFiniteIn(parsed: ParsedYaml): Array<NonFiniteValue & { line: number; col: number }> {
  return nonFiniteValues(parsed.data).map((found) => ({ ...found, ...(positionOf(parsed, found.path) ?? { line: 1, col: 1 }) }));
}

/** The first NaN or infinity in a values file as a syntax error at its position, naming its value path. */
export function firstNonFiniteError(parsed: ParsedYaml): YamlSyntaxError | undefined {
  const [first] = nonFiniteIn(parsed);
  return first && new YamlSyntaxError(parsed.file, first.line, first.col, `${valuePathText(first.path)}: ${nonFiniteReason(first)}`);
}
