// --output-dir and docs write atomically (issue #10): a failure part-way leaves every existing file whole and
// no temporary file behind, and nothing is ever written outside the output directory.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp-dir.js';
import { writeFileAtomic, writeFilesAtomic, WriteError } from '../src/cli/atomic-write.js';
import { runCli } from './golden-harness.js';

const CHART = 'prometheus-prefect-exporter';
const TEMPLATES = ['deployment.yaml', 'service.yaml', 'serviceaccount.yaml'];

function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('render --output-dir', () => {
  it('writes every template file, and a second run replaces them whole', async () => {
    const dir = tempDir('pc-out-');
    expect((await runCli(['render', CHART, '--output-dir', 'out'], dir)).code).toBe(0);
    const templates = join(dir, 'out', CHART, 'templates');
    expect(readdirSync(templates).sort()).toEqual(TEMPLATES);
    const r = await runCli(['render', CHART, '--output-dir', 'out', '--set', 'service.port=9999'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(templates, 'service.yaml'), 'utf8')).toContain('port: 9999');
    expect(readdirSync(templates).sort()).toEqual(TEMPLATES);
  });

  it('a failure part-way (a directory where a file goes) changes no existing file and leaves no temporary file', async () => {
    const dir = tempDir('pc-out-');
    const templates = join(dir, 'out', CHART, 'templates');
    mkdirSync(join(templates, 'service.yaml'), { recursive: true });
    writeFileSync(join(templates, 'deployment.yaml'), 'old deployment\n');
    writeFileSync(join(templates, 'serviceaccount.yaml'), 'old serviceaccount\n');
    const r = await runCli(['render', CHART, '--output-dir', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot write out/${CHART}/templates/service.yaml: a directory is in the way\n`);
    expect(readFileSync(join(templates, 'deployment.yaml'), 'utf8')).toBe('old deployment\n');
    expect(readFileSync(join(templates, 'serviceaccount.yaml'), 'utf8')).toBe('old serviceaccount\n');
    expect(listAll(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when rendering fails', async () => {
    const dir = tempDir('pc-out-');
    const r = await runCli(['render', CHART, '--output-dir', 'out', '--set', 'replicaCount=x'], dir);
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses to follow a symlink out of the output directory', async () => {
    const dir = tempDir('pc-out-');
    const elsewhere = tempDir('pc-elsewhere-');
    mkdirSync(join(dir, 'out'));
    symlinkSync(elsewhere, join(dir, 'out', CHART));
    const r = await runCli(['render', CHART, '--output-dir', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: refusing to write out\/prometheus-prefect-exporter\/templates\/\S+\.yaml: it is outside the output directory\n$/);
    expect(listAll(elsewhere).filter((f) => !f.endsWith('templates'))).toEqual([]);
  });

  it('accepts an output directory that is itself a symlink', async () => {
    const dir = tempDir('pc-out-');
    const real = tempDir('pc-real-');
    symlinkSync(real, join(dir, 'out'));
    expect((await runCli(['render', CHART, '--output-dir', 'out'], dir)).code).toBe(0);
    expect(readdirSync(join(real, CHART, 'templates')).sort()).toEqual(TEMPLATES);
  });
});

describe('writeFileAtomic / writeFilesAtomic', () => {
  it('a failed write keeps the old file whole and removes its temporary file', () => {
    const dir = tempDir('pc-w-');
    mkdirSync(join(dir, 'README.md'));
    expect(() => writeFileAtomic(join(dir, 'README.md'), 'new')).toThrow(WriteError);
    expect(readdirSync(dir)).toEqual(['README.md']);
  });

  it('stages every file before renaming any: a failure while staging changes nothing', () => {
    const dir = tempDir('pc-w-');
    writeFileSync(join(dir, 'a.txt'), 'old a');
    writeFileSync(join(dir, 'blocker'), 'a file');
    const files = [
      { path: join(dir, 'a.txt'), text: 'new a' },
      { path: join(dir, 'blocker', 'b.txt'), text: 'new b' },
    ];
    expect(() => writeFilesAtomic(files, dir, (p) => p.slice(dir.length + 1))).toThrow('cannot write blocker/b.txt: blocker is a file, not a directory');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old a');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'blocker']);
  });
});
