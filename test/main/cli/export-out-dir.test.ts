// `slipway export -o DIR`: issues come first, the files land in one step, files of an earlier
// export that this one does not produce are removed, and unusable paths are usage errors.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run.js';
import { runCliCaptured } from './run-cli.js';

const root = join(import.meta.dirname, '../../..');
const example = (file: string) => join(root, 'examples', file);
const siteFile = join(root, 'docs', 'export-site.yaml');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-export-out-'));
}

/** Runs the CLI and keeps stdout and stderr in one list, in the order they were written. */
async function runInterleaved(argv: string[]): Promise<{ exitCode: number; lines: string[] }> {
  const lines: string[] = [];
  const write = (stream: string) => (text: string) => {
    for (const line of text.trimEnd().split('\n')) lines.push(`${stream}: ${line}`);
  };
  const exitCode = await runCli(argv, { io: { stdout: write('out'), stderr: write('err') } });
  return { exitCode, lines };
}

describe('slipway export -o DIR', () => {
  it('prints the issues and the summary before writing any file', async () => {
    const dir = join(tempDir(), 'out');
    const run = await runInterleaved(['export', '-f', example('multi-pool.yaml'), '--target', 'kind', '-o', dir]);
    expect(run.exitCode).toBe(0);
    const summary = run.lines.findIndex((line) => line.startsWith('err: export of shop-dev to kind: '));
    const firstWrite = run.lines.findIndex((line) => line.startsWith('out: wrote '));
    expect(summary).toBeGreaterThanOrEqual(0);
    expect(firstWrite).toBeGreaterThan(summary);
  });

  it('removes the files an earlier export wrote that this one does not produce, and says so', async () => {
    const dir = join(tempDir(), 'out');
    const first = ['export', '-f', example('addons.yaml'), '--target', 'capi', '--site', siteFile, '-o', dir];
    expect((await runCliCaptured(first)).exitCode).toBe(0);
    writeFileSync(join(dir, 'README.txt'), 'my notes\n');
    const second = await runCliCaptured(['export', '-f', example('addons.yaml'), '--target', 'kind', '-o', dir]);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toBe(
      [
        `wrote ${join(dir, 'kind-config.yaml')}`,
        `removed ${join(dir, 'cluster.yaml')} (an earlier export wrote it; this one does not)`,
        `removed ${join(dir, 'addons.yaml')} (an earlier export wrote it; this one does not)`,
        '',
      ].join('\n'),
    );
    expect(readdirSync(dir).sort()).toEqual(['.slipway-export.json', 'README.txt', 'kind-config.yaml']);
  });

  it('keeps a stale file that was edited since, with a note', async () => {
    const dir = join(tempDir(), 'out');
    await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'capi', '--site', siteFile, '-o', dir]);
    writeFileSync(join(dir, 'cluster.yaml'), '# my own changes\n');
    const second = await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'kind', '-o', dir]);
    expect(second.stderr).toContain(`note: kept ${join(dir, 'cluster.yaml')}: an earlier export wrote it`);
    expect(readFileSync(join(dir, 'cluster.yaml'), 'utf8')).toBe('# my own changes\n');
  });

  it('leaves DIR untouched when the export is refused', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cluster.yaml'), 'before\n');
    const result = await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'capi', '-o', dir]);
    expect(result.exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual(['cluster.yaml']);
  });

  it('turns a file in the way of DIR into a usage error naming -o (exit 2)', async () => {
    const dir = join(tempDir(), 'out');
    writeFileSync(dir, 'not a folder\n');
    const result = await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'kind', '-o', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`error: -o ${dir}: is a file, not a directory\n`);
    expect(result.stderr).toContain('hint: pass -o a directory');
  });

  it('turns a folder in the way of a file into a usage error naming -o, before writing anything', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'kind-config.yaml'));
    const result = await runCliCaptured(['export', '-f', example('ha.yaml'), '--target', 'kind', '-o', dir]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`error: -o ${dir}: ${join(dir, 'kind-config.yaml')} is a directory, not a file\n`);
    expect(readdirSync(dir)).toEqual(['kind-config.yaml']);
  });

  it('turns an unusable path on -o with --output json into a usage error too, after the JSON', async () => {
    const parent = tempDir();
    writeFileSync(join(parent, 'file'), 'x');
    const dir = join(parent, 'file', 'out');
    const result = await runCliCaptured([
      'export',
      '-f',
      example('ha.yaml'),
      '--target',
      'kind',
      '-o',
      dir,
      '--output',
      'json',
    ]);
    expect(result.exitCode).toBe(2);
    expect((JSON.parse(result.stdout) as { target: string }).target).toBe('kind');
    expect(result.stderr).toMatch(new RegExp(`^error: -o ${dir}: `));
  });
});
