// The output formats by name (`--format`).
import type { Formatter } from './format.js';
import { formatter as github } from './github.js';
import { formatter as json } from './json.js';
import { formatter as junit } from './junit.js';
import { formatter as sarif } from './sarif.js';
import { formatter as text } from './text.js';

export const FORMATS: Readonly<Record<string, Formatter>> = { text, json, sarif, junit, github };
export const FORMAT_NAMES: readonly string[] = Object.keys(FORMATS);
export type { Formatter, Report } from './format.js';
