// Flag parsing as helm's (spf13/pflag) does it, so a helm command line carries over unchanged:
//   --name=value · --name value (the next argument, even one starting with `-`) · -n value · -nvalue · -n=value
//   grouped short booleans (-h) · `--` ends the flags · flags and positionals in any order
//   a repeated flag: appended if `multiple`, else the last one wins · booleans take =true/=false
// Written here rather than on node:util parseArgs: that one rejects `--set -x` as ambiguous where helm
// takes the value, and its first call compiles a dozen of Node's internal functions on every start.
import { closest } from '../suggest.js';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

export interface FlagOption {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export type FlagSpec = Readonly<Record<string, FlagOption>>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

// What Go's strconv.ParseBool accepts, as pflag reads `--flag=<text>` for a boolean.
const BOOLEAN_TEXT = new Map<string, boolean>([
  ...['1', 't', 'T', 'true', 'TRUE', 'True'].map((t) => [t, true] as const),
  ...['0', 'f', 'F', 'false', 'FALSE', 'False'].map((t) => [t, false] as const),
]);

export function parseFlags(command: string, argv: readonly string[], options: FlagSpec): Parsed {
  const values: Parsed['values'] = Object.create(null);
  const positionals: string[] = [];
  const shorts = new Map<string, string>();
  for (const [name, o] of Object.entries(options)) if (o.short) shorts.set(o.short, name);

  const set = (name: string, shown: string, value: string | undefined): void => {
    const o = options[name];
    if (o.type === 'boolean') {
      const b = value === undefined ? true : BOOLEAN_TEXT.get(value);
      if (b === undefined) throw new UsageError(`flag ${shown} takes no value, or true or false; got "${value}"`);
      values[name] = b;
    } else if (o.multiple) {
      const list = values[name];
      if (Array.isArray(list)) list.push(value!);
      else values[name] = [value!];
    } else values[name] = value;
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      if (!Object.hasOwn(options, name)) {
        const hint = closest(name, Object.keys(options));
        throw new UsageError(`unknown flag --${name} for "${command}"${hint ? ` (did you mean --${hint}?)` : ''}`);
      }
      let value = eq < 0 ? undefined : arg.slice(eq + 1);
      if (value === undefined && options[name].type === 'string') {
        if (i + 1 >= argv.length) throw new UsageError(`flag --${name} needs a value`);
        value = argv[++i];
      }
      set(name, `--${name}`, value);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // -abc: short booleans in a row; a string flag takes the rest of the argument, or the next one.
      for (let j = 1; j < arg.length; j++) {
        const name = shorts.get(arg[j]);
        if (name === undefined) throw new UsageError(`unknown flag -${arg[j]} for "${command}"`);
        if (options[name].type === 'boolean') {
          const value = arg[j + 1] === '=' ? arg.slice(j + 2) : undefined;
          set(name, `-${arg[j]}`, value);
          if (value !== undefined) break;
          continue;
        }
        let value = arg.slice(arg[j + 1] === '=' ? j + 2 : j + 1);
        if (j + 1 === arg.length) {
          if (i + 1 >= argv.length) throw new UsageError(`flag -${arg[j]} needs a value`);
          value = argv[++i];
        }
        set(name, `-${arg[j]}`, value);
        break;
      }
    } else positionals.push(arg);
  }
  return { values, positionals };
}

export function strings(v: unknown): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as string[]) : [String(v)];
}

export function str(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return v === undefined ? undefined : String(v);
}
