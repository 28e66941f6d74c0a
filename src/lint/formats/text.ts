// For people: one line per finding, `file:line:col path: message [severity rule]`, then a count.
import { issueLine, summarize } from '../issue.js';
import type { Formatter } from './format.js';

const paint = (on: boolean, code: number, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const formatter: Formatter = {
  name: 'text',
  format(r) {
    const lines = r.issues.map((i) => {
      const tag = i.severity === 'error' ? paint(r.color, 31, `error ${i.rule}`) : paint(r.color, 33, `warning ${i.rule}`);
      return `${issueLine(i)} [${tag}]`;
    });
    const { errors, warnings } = summarize(r.issues);
    const scope = r.files.length ? ` in ${plural(r.files.length, 'values file')}` : '';
    const total =
      errors || warnings
        ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${scope}`
        : paint(r.color, 32, `no problems${scope}`);
    return [...lines, `${r.chart}: ${total}`].join('\n') + '\n';
  },
};
