import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SlipwayError, UsageError } from '../../../../main/errors.js';
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
    expect(result).toEqual({
      written: [join(dir, 'a.json'), join(dir, 'run.sh')],
      removed: [],
      kept: [],
      recovered: [],
    });
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
    // Five moves, then the three old files moved back.
    expect(moves).toBe(8);
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

  it('never replaces a hand-written file that has an output name, naming it', async () => {
    const dir = parentDir();
    writeFileSync(join(dir, 'kind-config.yaml'), 'mine\n');
    const error = await failure(writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `-o ${dir}: ${join(dir, 'kind-config.yaml')} was not written by slipway export (it is not in ${EXPORT_MANIFEST_FILE}); it is not replaced`,
    );
    expect(snapshot(dir)).toEqual({ 'kind-config.yaml': 'mine\n' });
  });

  it('replaces a file the previous export wrote (it is in the manifest)', async () => {
    const dir = parentDir();
    await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml', 'one\n')] });
    await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml', 'two\n')] });
    expect(readFileSync(join(dir, 'kind-config.yaml'), 'utf8')).toBe('two\n');
  });

  it('keeps the backup and names it when the rollback fails too', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    await writeExportDir({ dir, flag: '-o', target: 'capi', files: [file('cluster.yaml'), file('addons.yaml')] });
    let moves = 0;
    // EIO from the 5th rename on: the swap fails, and so does every move of the rollback.
    const failing = {
      rename: async (from: string, to: string) => {
        if (++moves >= 5) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO', syscall: 'rename' });
        await rename(from, to);
      },
    };
    const error = await failure(
      writeExportDir({ dir, flag: '-o', target: 'capi', files: [file('cluster.yaml', 'new\n')] }, failing),
    );
    expect(error).toBeInstanceOf(SlipwayError);
    expect(error.message).toMatch(/EIO: i\/o error.*could not be put back/);
    const staging = readdirSync(parent).find((name) => name.startsWith('.out.slipway-export-'));
    const backup = join(parent, staging ?? 'missing', 'old');
    expect(error instanceof SlipwayError ? error.hint : '').toContain(backup);
    expect(readdirSync(backup).sort()).toEqual([EXPORT_MANIFEST_FILE, 'addons.yaml', 'cluster.yaml'].sort());
  });

  it('recovers and removes the staging folder of an export killed mid-swap', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    await writeExportDir({ dir, flag: '-o', target: 'capi', files: [file('cluster.yaml', 'old\n')] });
    // What a SIGKILL between the two halves of the swap leaves: the old file moved out, the
    // new one not yet in, and an owner that no longer runs.
    const orphan = join(parent, '.out.slipway-export-Xk3v9q');
    mkdirSync(join(orphan, 'old'), { recursive: true });
    mkdirSync(join(orphan, 'new'));
    renameSync(join(dir, 'cluster.yaml'), join(orphan, 'old', 'cluster.yaml'));
    writeFileSync(join(orphan, 'owner.json'), JSON.stringify({ pid: deadPid() }));
    const result = await writeExportDir({ dir, flag: '-o', target: 'capi', files: [file('cluster.yaml', 'new\n')] });
    expect(result.recovered).toEqual([orphan]);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(readFileSync(join(dir, 'cluster.yaml'), 'utf8')).toBe('new\n');
  });

  it('leaves the staging folder of an export that is still running alone', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    const busy = join(parent, '.out.slipway-export-busy01');
    mkdirSync(join(busy, 'old'), { recursive: true });
    writeFileSync(join(busy, 'owner.json'), JSON.stringify({ pid: process.ppid }));
    const result = await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] });
    expect(result.recovered).toEqual([]);
    expect(readdirSync(parent).sort()).toEqual(['.out.slipway-export-busy01', 'out']);
  });

  it('stages inside a writable DIR whose parent is read-only', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    mkdirSync(dir);
    const mover = {
      rename: (from: string, to: string) => rename(from, to),
      // The parent refuses new entries, as a read-only folder would (root ignores modes).
      mkdtemp: (prefix: string) =>
        dirname(prefix) === parent
          ? Promise.reject(
              Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'mkdtemp' }),
            )
          : mkdtemp(prefix),
    };
    await writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('kind-config.yaml')] }, mover);
    expect(readdirSync(dir).sort()).toEqual([EXPORT_MANIFEST_FILE, 'kind-config.yaml']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('names the read-only parent when DIR does not exist yet', async () => {
    const parent = parentDir();
    const dir = join(parent, 'out');
    const mover = {
      rename: (from: string, to: string) => rename(from, to),
      mkdtemp: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'mkdtemp' })),
    };
    const error = await failure(writeExportDir({ dir, flag: '-o', target: 'kind', files: [file('a.yaml')] }, mover));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`-o ${dir}: cannot create a staging folder in ${parent} (EACCES)`);
  });
});

/** A process id that is not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}
