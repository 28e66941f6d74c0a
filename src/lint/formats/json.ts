// For scripts: the findings as data, with a summary. Stable keys; absent fields are left out.
import { summarize, whereOf } from '../issue.js';
import type { Formatter } from './format.js';

export const formatter: Formatter = {
  name: 'json',
  format(r) {
    const out = {
      tool: r.tool.name,
      version: r.tool.version,
      command: r.command,
      chart: r.chart,
      files: r.files,
      summary: { ...summarize(r.issues), files: r.files.length },
      issues: r.issues.map((i) => {
        const { keyLine: _internal, ...rest } = i;
        return { ...rest, where: whereOf(i) || undefined };
      }),
    };
    return JSON.stringify(out, null, 2) + '\n';
  },
};
