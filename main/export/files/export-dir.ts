// Writes an export into `-o DIR` as one step: every file is first written into a staging
// folder (export-staging.ts), then moved into place. Files a previous export wrote (per DIR's
// manifest) that this export no longer produces are removed, unless someone changed them; a
// file Slipway did not write is never replaced. If any move fails, what was moved is put
// back, so DIR is left as it was; if even that fails, the backup is kept and named.
import { chmod, lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SlipwayError, UsageError } from '../../errors.js';
import {
  EXPORT_MANIFEST_FILE,
  contentHash,
  exportManifest,
  readExportManifest,
  type ExportManifest,
} from './export-manifest.js';
import { createStaging, recoverOrphans, type Staging } from './export-staging.js';
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
  /** mkdtemp, for the staging folder (tests refuse the one beside DIR). */
  mkdtemp?: (prefix: string) => Promise<string>;
}

export interface ExportDirResult {
  /** Paths written, in the order given. */
  written: string[];
  /** Paths a previous export wrote that this one does not produce, now removed. */
  removed: string[];
  /** Such paths left in place because their content changed since they were written. */
  kept: string[];
  /** Staging folders of earlier exports that were killed mid-way, recovered and removed. */
  recovered: string[];
}

/** Write every file into DIR (created when missing) or change nothing. */
export async function writeExportDir(
  request: ExportDirRequest,
  mover: FileMover = { rename },
): Promise<ExportDirResult> {
  return withOutputPath(request.flag, request.dir, async () => {
    const target = await existingFolder(request);
    const dir = target ?? resolve(request.dir);
    const recovered = await recoverOrphans(dir, target !== undefined);
    const staging = await createStaging(
      { dir, dirExists: target !== undefined, flag: request.flag, shown: request.dir },
      mover.mkdtemp,
    );
    const outcome = { keepStaging: false };
    try {
      const names = await stageFiles(staging.newFiles, request);
      if (target === undefined) {
        await mover.rename(staging.newFiles, dir);
        return describe(request, { remove: [], keep: [] }, recovered);
      }
      const previous = await readExportManifest(dir);
      const stale = await staleFiles(dir, names, previous);
      const swap = {
        dir,
        staging,
        names,
        remove: stale.remove,
        previous,
        flag: request.flag,
        shown: request.dir,
        mover,
      };
      await swapIn(swap, outcome);
      return describe(request, stale, recovered);
    } finally {
      if (!outcome.keepStaging) await rm(staging.folder, { recursive: true, force: true });
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

function describe(
  request: ExportDirRequest,
  stale: { remove: string[]; keep: string[] },
  recovered: string[],
): ExportDirResult {
  const shown = (name: string) => join(request.dir, name);
  return {
    written: request.files.map((file) => shown(file.name)),
    removed: stale.remove.map(shown),
    kept: stale.keep.map(shown),
    recovered,
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
async function staleFiles(
  dir: string,
  names: readonly string[],
  previous: ExportManifest | undefined,
): Promise<{ remove: string[]; keep: string[] }> {
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
  staging: Staging;
  names: readonly string[];
  remove: readonly string[];
  previous: ExportManifest | undefined;
  flag: string;
  shown: string;
  mover: FileMover;
}

/**
 * Move the staged files into DIR and the stale ones out, undoing every move if one fails.
 * When the undo fails too, `outcome.keepStaging` is set: the staging folder holds the backup.
 */
async function swapIn(swap: Swap, outcome: { keepStaging: boolean }): Promise<void> {
  await refuseWhatIsInTheWay(swap);
  const undo: { path: string; step: () => Promise<void> }[] = [];
  try {
    for (const name of [...swap.names, ...swap.remove]) {
      const path = join(swap.dir, name);
      if ((await ifExists(lstat, path)) === undefined) continue;
      await swap.mover.rename(path, join(swap.staging.backup, name));
      undo.push({ path, step: () => swap.mover.rename(join(swap.staging.backup, name), path) });
    }
    for (const name of swap.names) {
      await swap.mover.rename(join(swap.staging.newFiles, name), join(swap.dir, name));
      undo.push({ path: join(swap.dir, name), step: () => rm(join(swap.dir, name), { force: true }) });
    }
  } catch (error) {
    const failed: string[] = [];
    for (const { path, step } of undo.reverse()) await step().catch(() => failed.push(path));
    if (failed.length === 0) throw error;
    outcome.keepStaging = true;
    // Deleting the staging folder now would lose the only copy of the user's old files.
    throw new SlipwayError(
      `${swap.flag} ${swap.shown}: the export failed (${(error as Error).message}) and ${String(failed.length)} file(s) could not be put back: ${failed.join(', ')}`,
      {
        cause: error,
        hint: `the previous files are kept in ${swap.staging.backup}; move them back into ${swap.shown}`,
      },
    );
  }
}

// Refused up front, before anything moves: a folder where a file should go (the swap would
// fail half-way) and a file Slipway did not write under an output's name (never replaced).
async function refuseWhatIsInTheWay(swap: Swap): Promise<void> {
  const present = await Promise.all(
    swap.names.map(async (name) => ({ name, stats: await ifExists(lstat, join(swap.dir, name)) })),
  );
  for (const { name } of present.filter(({ stats }) => stats?.isDirectory())) {
    throw new UsageError(`${swap.flag} ${swap.shown}: ${join(swap.shown, name)} is a directory, not a file`, {
      hint: `move it out of the way or pass ${swap.flag} another directory`,
    });
  }
  const ours = (name: string) => name === EXPORT_MANIFEST_FILE || Object.hasOwn(swap.previous?.files ?? {}, name);
  for (const { name } of present.filter(({ name, stats }) => stats !== undefined && !ours(name))) {
    throw new UsageError(
      `${swap.flag} ${swap.shown}: ${join(swap.shown, name)} was not written by slipway export (it is not in ${EXPORT_MANIFEST_FILE}); it is not replaced`,
      { hint: `move or rename it, or pass ${swap.flag} another directory` },
    );
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
