// Writes an export into `-o DIR` as one step: every file is first written into a staging
// folder next to DIR, then moved into place. Files a previous export wrote (per DIR's
// manifest) that this export no longer produces are removed, unless someone changed them.
// If any move fails, what was moved is put back, so DIR is left as it was.
import { chmod, lstat, mkdir, mkdtemp, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { EXPORT_MANIFEST_FILE, contentHash, exportManifest, readExportManifest } from './export-manifest.js';
import { withOutputPath } from './output-path-error.js';

export interface ExportFile {
  name: string;
  content: string;
  /** Shell scripts are made executable. */
  executable: boolean;
}

export interface ExportDirRequest {
  dir: string;
  /** The command-line flag that named DIR, for messages (`-o`). */
  flag: string;
  target: string;
  files: readonly ExportFile[];
}

/** How files are moved into place; tests pass a failing one to check the rollback. */
export interface FileMover {
  rename(from: string, to: string): Promise<void>;
}

export interface ExportDirResult {
  /** Paths written, in the order given. */
  written: string[];
  /** Paths a previous export wrote that this one does not produce, now removed. */
  removed: string[];
  /** Such paths left in place because their content changed since they were written. */
  kept: string[];
}

/** Write every file into DIR (created when missing) or change nothing. */
export async function writeExportDir(
  request: ExportDirRequest,
  mover: FileMover = { rename },
): Promise<ExportDirResult> {
  return withOutputPath(request.flag, request.dir, async () => {
    const target = await existingFolder(request);
    const dir = target ?? resolve(request.dir);
    // Staging goes next to the real folder, so every move is a rename on one file system.
    const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.slipway-export-`));
    try {
      const names = await stageFiles(join(staging, 'new'), request);
      if (target === undefined) {
        await mover.rename(join(staging, 'new'), dir);
        return describe(request, { remove: [], keep: [] });
      }
      const stale = await staleFiles(dir, names);
      await swapIn({ dir, staging, names, remove: stale.remove, flag: request.flag, shown: request.dir, mover });
      return describe(request, stale);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  });
}

/** DIR's real path when it exists (its parents are created otherwise); a file there is refused. */
async function existingFolder(request: ExportDirRequest): Promise<string | undefined> {
  await mkdir(dirname(resolve(request.dir)), { recursive: true });
  const stats = await ifExists(stat, request.dir);
  if (stats === undefined) return undefined;
  if (!stats.isDirectory()) {
    throw new UsageError(`${request.flag} ${request.dir}: is a file, not a directory`, {
      hint: `pass ${request.flag} a directory (it is created when missing)`,
    });
  }
  return realpath(request.dir);
}

function describe(request: ExportDirRequest, stale: { remove: string[]; keep: string[] }): ExportDirResult {
  const shown = (name: string) => join(request.dir, name);
  return {
    written: request.files.map((file) => shown(file.name)),
    removed: stale.remove.map(shown),
    kept: stale.keep.map(shown),
  };
}

/** Write the files and the new manifest into `folder`; returns every name written there. */
async function stageFiles(folder: string, request: ExportDirRequest): Promise<string[]> {
  await mkdir(folder);
  for (const file of request.files) {
    const path = join(folder, file.name);
    await writeFile(path, file.content);
    if (file.executable) await chmod(path, 0o755);
  }
  const contents = Object.fromEntries(request.files.map((file) => [file.name, file.content]));
  const manifest = exportManifest(request.target, contents);
  await writeFile(join(folder, EXPORT_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return [...request.files.map((file) => file.name), EXPORT_MANIFEST_FILE];
}

/** Files the previous export wrote that this one does not: removed if unchanged, kept if edited. */
async function staleFiles(dir: string, names: readonly string[]): Promise<{ remove: string[]; keep: string[] }> {
  const previous = await readExportManifest(dir);
  const remove: string[] = [];
  const keep: string[] = [];
  for (const [name, hash] of Object.entries(previous?.files ?? {})) {
    if (names.includes(name)) continue;
    const path = join(dir, name);
    const stats = await ifExists(lstat, path);
    if (!stats?.isFile()) continue;
    if (contentHash(await readFile(path)) === hash) remove.push(name);
    else keep.push(name);
  }
  return { remove, keep };
}

interface Swap {
  dir: string;
  staging: string;
  names: readonly string[];
  remove: readonly string[];
  flag: string;
  shown: string;
  mover: FileMover;
}

/** Move the staged files into DIR and the stale ones out, undoing every move if one fails. */
async function swapIn(swap: Swap): Promise<void> {
  await refuseDirectoriesInTheWay(swap);
  const backup = join(swap.staging, 'old');
  await mkdir(backup);
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const name of [...swap.names, ...swap.remove]) {
      const path = join(swap.dir, name);
      if ((await ifExists(lstat, path)) === undefined) continue;
      await swap.mover.rename(path, join(backup, name));
      undo.push(() => rename(join(backup, name), path));
    }
    for (const name of swap.names) {
      await swap.mover.rename(join(swap.staging, 'new', name), join(swap.dir, name));
      undo.push(() => rm(join(swap.dir, name), { force: true }));
    }
  } catch (error) {
    // Best effort: the error that stopped the swap is the one to report.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw error;
  }
}

// A folder where a file should go would make the swap fail half-way; refuse it up front.
async function refuseDirectoriesInTheWay(swap: Swap): Promise<void> {
  for (const name of swap.names) {
    const stats = await ifExists(lstat, join(swap.dir, name));
    if (stats?.isDirectory()) {
      throw new UsageError(`${swap.flag} ${swap.shown}: ${join(swap.shown, name)} is a directory, not a file`, {
        hint: `move it out of the way or pass ${swap.flag} another directory`,
      });
    }
  }
}

/** The stats of `path`, or undefined when it does not exist (other failures are thrown). */
async function ifExists(read: (path: string) => Promise<Stats>, path: string): Promise<Stats | undefined> {
  try {
    return await read(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
