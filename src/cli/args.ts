// Flag parsing on node:util parseArgs, with messages that name the flag and suggest the nearest one.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from '../suggest.js';

export class UsageError extends Error {
  readonly code = 'USAGE';
}

export type FlagSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

export function parseFlags(command: string, argv: readonly string[], options: FlagSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    const err = e as Error & { code?: string };
    const flag = /'(-[^']*)'/.exec(err.message)?.[1] ?? '';
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = flag.replace(/^-+/, '').split('=')[0];
      const hint = closest(name, Object.keys(options));
      throw new UsageError(`unknown flag ${flag} for "${command}"${hint ? ` (did you mean --${hint}?)` : ''}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const m = /Option '([^']*)'/.exec(err.message);
      const named = m ? m[1].split(',').pop()!.trim().split(' ')[0] : flag;
      throw new UsageError(`flag ${named} needs a value`);
    }
    throw new UsageError(err.message.split('\n')[0]);
  }
}

export function strings(v: unknown): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? (v as string[]) : [String(v)];
}

export function str(v: unknown): string | undefined {
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return v === undefined ? undefined : String(v);
}
