import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../../main/errors.js';
import { writeExportDir, type ExportFile } from '../../../../main/export/files/export-dir.js';
import { EXPORT_MANIFEST_FILE } from '../../../../main/export/files/export-manifest.js';

function parentDir(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-export-dir-'));
}

const file = (name: string, content = `${name}\n`, executable = false): ExportFile => ({ name, content, executable });

/** Every entry of a folder with its content, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

async function failure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('writeExportDir', () => {
  it('creates DIR with the files, an executable script and a manifest, leaving no staging folder', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    const result = await writeExportDir({
      dir,
      flag: '-o',
      target: 'gke',
      files: [file('a.json'), file('run.sh', 'echo\n', true)],
    });
    expect(result).toEqual({ written: [join(dir, 'a.json'), join(dir, 'run.sh')], removed: [], kept: [] });
    expect(statSync(join(dir, 'run.sh')).mode & 0o111).not.toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, EXPORT_MANIFEST_FILE), 'utf8')) as { files: object };
    expect(Object.keys(manifest.files)).toEqual(['a.json', 'run.sh']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it("removes files only an earlier export wrote, keeps edited ones and never touches the user's", async () => {
    const dir = join(parentDir(), 'out');
    await writeExportDir({
      dir,
      flag: '-o',
      target: 'capi',
      files: [file('cluster.yaml'), file('addons.yaml'), file('old.yaml')],
    });
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    writeFileSync(join(dir, 'old.yaml'), 'edited by hand\n');
    const result = await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] });
    expect(result.removed).toEqual([join(dir, 'cluster.yaml'), join(dir, 'addons.yaml')]);
    expect(result.kept).toEqual([join(dir, 'old.yaml')]);
    expect(readdirSync(dir).sort()).toEqual([EXPORT_MANIFEST_FILE, 'kind-config.yaml', 'notes.txt', 'old.yaml']);
  });

  it('removes nothing from a folder without a manifest', async () => {
    const dir = parentDir();
    writeFileSync(join(dir, 'cluster.yaml'), 'user file\n');
    writeFileSync(join(dir, 'keep.yaml'), 'user file\n');
    await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] });
    expect(readdirSync(dir).sort()).toEqual([EXPORT_MANIFEST_FILE, 'cluster.yaml', 'keep.yaml', 'kind-config.yaml']);
  });

  it('ignores manifest entries that point outside DIR', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    mkdirSync(dir);
    writeFileSync(join(parent, 'outside.yaml'), 'x\n');
    const files = { '../outside.yaml': 'irrelevant', 'a/../../outside.yaml': 'irrelevant' };
    writeFileSync(join(dir, EXPORT_MANIFEST_FILE), JSON.stringify({ writtenBy: 'slipway export', target: 'x', files }));
    await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] });
    expect(readFileSync(join(parent, 'outside.yaml'), 'utf8')).toBe('x\n');
  });

  it('puts every file back when a move fails half-way, and cleans up its staging folder', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    await writeExportDir({ dir, flag: '-o', target: 'capi', files: [file('cluster.yaml'), file('addons.yaml')] });
    const before = snapshot(dir);
    let moves = 0;
    const failing = {
      rename: async (from: string, to: string) => {
        // Let the old files move out and one new file in, then fail.
        if (++moves === 5) throw Object.assign(new Error('disk full'), { code: 'ENOSPC', syscall: 'rename' });
        await rename(from, to);
      },
    };
    const next = [file('cluster.yaml', 'new\n'), file('extra.yaml', 'new\n')];
    await expect(writeExportDir({ dir, flag: '-o', target: 'capi', files: next }, failing)).rejects.toThrow(
      'disk full',
    );
    expect(moves).toBe(5);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('refuses a file where DIR should be as a usage error naming -o', async () => {
    const dir = join(parentDir(), 'out');
    writeFileSync(dir, 'x');
    const error = await failure(writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('a.yaml')] }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`-o ${dir}: is a file, not a directory`);
    expect(readFileSync(dir, 'utf8')).toBe('x');
  });

  it('refuses a file where a parent folder should be as a usage error naming -o', async () => {
    const parent = parentDir();
    writeFileSync(join(parent, 'file'), 'x');
    const dir = join(parent, 'file', 'out');
    const error = await failure(writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('a.yaml')] }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(new RegExp(`^-o ${dir}: (a part of the path is a file|a file with that name)`));
  });

  it('refuses a folder in the way of a file before moving anything', async () => {
    const dir = parentDir();
    writeFileSync(join(dir, 'a.yaml'), 'user\n');
    mkdirSync(join(dir, 'b.yaml'));
    const files = [file('a.yaml'), file('b.yaml')];
    const error = await failure(writeExportDir({ dir, flag: '-o', target: 'kind', files }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`-o ${dir}: ${join(dir, 'b.yaml')} is a directory, not a file`);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('user\n');
  });
});
