// The lint corpus's cases (see test/lint-corpus/README.md): what to run and what it must print.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, 'lint-corpus');

export interface CorpusCase {
  /** `lint prefect-server removed-setting` */
  name: string;
  argv: string[];
  /** The case's directory: the command runs there. */
  dir: string;
  expectedFile: string;
}

export function lintCorpusCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const command of ['validate', 'lint'] as const) {
    for (const chart of readdirSync(join(ROOT, command)).sort()) {
      const dir = join(ROOT, command, chart);
      for (const f of readdirSync(dir).sort()) {
        if (!f.endsWith('.yaml')) continue;
        const base = f.slice(0, -5);
        const argsFile = join(dir, `${base}.args`);
        const extra = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\n').filter(Boolean) : [];
        const argv = command === 'lint' ? ['lint', chart, '-f', f, ...extra] : ['validate', chart, f, ...extra];
        out.push({ name: `${command} ${chart} ${base}`, argv, dir, expectedFile: join(dir, `${base}.expected`) });
      }
    }
  }
  return out;
}
