// The prefect-charts-docs hook under the real pre-commit: installed from this checkout at HEAD into a throwaway
// repository, it blocks a commit whose README is stale and lets it through once `prefect-charts docs` ran.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './golden-harness.js';

const REPO = join(import.meta.dirname, '..');
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const title = hasPreCommit
  ? 'pre-commit blocks a stale README and passes after regeneration'
  : 'SKIPPED: pre-commit is not installed (apt-get install -y pre-commit, as .ci/run does)';

const work = mkdtempSync(join(tmpdir(), 'docs-pre-commit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  // One cache for all runs: pre-commit installs a hook environment once per repository revision.
  PRE_COMMIT_HOME: join(REPO, 'node_modules', '.cache', 'pre-commit'),
};

function run(cmd: string, args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { cwd, env: GIT_ENV, encoding: 'utf8', timeout: 540_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pre-commit hook', () => {
  it.skipIf(!hasPreCommit)(
    title,
    async () => {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
      const repo = join(work, 'charts-repo');
      const chart = join(repo, 'charts', 'demo');
      mkdirSync(chart, { recursive: true });
      writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
      writeFileSync(join(chart, 'values.yaml'), '# -- replicas to run\nreplicas: 1\n');
      writeFileSync(join(chart, 'README.md.hbs'), '{{> chart.header }}\n{{> chart.valuesSection }}\n\n{{> prefect-charts.footer }}\n');
      writeFileSync(join(chart, 'README.md'), '# demo\n\nstale\n');
      writeFileSync(
        join(repo, '.pre-commit-config.yaml'),
        `repos:\n  - repo: ${REPO}\n    rev: ${head}\n    hooks:\n      - id: prefect-charts-docs\n`,
      );
      expect(run('git', ['init', '-q'], repo).status).toBe(0);
      const install = run('pre-commit', ['install'], repo);
      expect(install.status, install.out).toBe(0);

      run('git', ['add', '-A'], repo);
      const blocked = run('git', ['commit', '-q', '-m', 'stale README'], repo);
      expect(blocked.status, blocked.out).not.toBe(0);
      expect(blocked.out).toContain('prefect-charts docs');
      expect(blocked.out).toContain('+| replicas | int | `1` | replicas to run |');
      expect(blocked.out).toMatch(/out of date/);

      const regen = await runCli(['docs'], repo);
      expect(regen.code, regen.stderr).toBe(0);
      run('git', ['add', '-A'], repo);
      const passed = run('git', ['commit', '-q', '-m', 'regenerated README'], repo);
      expect(passed.status, passed.out).toBe(0);
    },
    600_000,
  );
});
