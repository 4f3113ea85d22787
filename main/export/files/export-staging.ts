// The staging folder of `export -o DIR`: created next to DIR (so every move is a rename on
// one file system), or inside DIR when its parent is not writable. It records the process
// that owns it; a folder whose owner is gone is an export killed mid-swap, and the next
// export into DIR puts back any file it had moved out and removes the folder.
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../../errors.js';

const OWNER_FILE = 'owner.json';
const INSIDE_PREFIX = '.slipway-export-staging-';

/** Where staged files go (`new`) and where replaced ones wait (`old`). */
export interface Staging {
  folder: string;
  newFiles: string;
  backup: string;
}

/** The name every staging folder of DIR starts with, next to DIR. */
function besidePrefix(dir: string): string {
  return `.${basename(dir)}.slipway-export-`;
}

export interface StagingRequest {
  /** DIR's resolved path; it may not exist yet. */
  dir: string;
  dirExists: boolean;
  /** The flag and the path as given, for messages. */
  flag: string;
  shown: string;
}

/** Make a staging folder for DIR, owned by this process. */
export async function createStaging(
  { dir, dirExists, flag, shown }: StagingRequest,
  makeTemp: (prefix: string) => Promise<string> = mkdtemp,
): Promise<Staging> {
  let folder: string;
  try {
    folder = await makeTemp(join(dirname(dir), besidePrefix(dir)));
  } catch (error) {
    if (!dirExists || !isPermissionError(error)) throw stagingRefused(error, flag, shown, dirname(dir));
    folder = await makeTemp(join(dir, INSIDE_PREFIX)).catch((inner: unknown) => {
      throw stagingRefused(inner, flag, shown, dir);
    });
  }
  await writeFile(join(folder, OWNER_FILE), JSON.stringify({ pid: process.pid }));
  const staging = { folder, newFiles: join(folder, 'new'), backup: join(folder, 'old') };
  await mkdir(staging.backup);
  return staging;
}

/** Whether `name`, a direct entry of DIR, is one of its staging folders (never an output). */
export function isInsideStaging(name: string): boolean {
  return name.startsWith(INSIDE_PREFIX);
}

/**
 * Finish what killed exports into DIR left: each file still in an orphan's backup and missing
 * from DIR is put back, then the orphan is removed. Returns the folders removed.
 */
export async function recoverOrphans(dir: string, dirExists: boolean): Promise<string[]> {
  const candidates = [
    ...(await entries(dirname(dir)))
      .filter((name) => name.startsWith(besidePrefix(dir)))
      .map((name) => join(dirname(dir), name)),
    ...(dirExists ? (await entries(dir)).filter(isInsideStaging).map((name) => join(dir, name)) : []),
  ];
  const removed: string[] = [];
  for (const folder of candidates) {
    if (await ownerIsRunning(folder)) continue;
    if (dirExists) await restoreBackup(join(folder, 'old'), dir);
    await rm(folder, { recursive: true, force: true });
    removed.push(folder);
  }
  return removed;
}

async function restoreBackup(backup: string, dir: string): Promise<void> {
  for (const name of await entries(backup)) {
    const exists = await lstat(join(dir, name)).then(
      () => true,
      () => false,
    );
    if (!exists) await rename(join(backup, name), join(dir, name));
  }
}

async function ownerIsRunning(folder: string): Promise<boolean> {
  let pid: unknown;
  try {
    pid = (JSON.parse(await readFile(join(folder, OWNER_FILE), 'utf8')) as { pid?: unknown }).pid;
  } catch {
    // No owner file: created by a process killed right after mkdtemp, or not ours to judge.
    return false;
  }
  if (typeof pid !== 'number') return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function entries(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

function stagingRefused(error: unknown, flag: string, shown: string, where: string): UsageError {
  const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return new UsageError(`${flag} ${shown}: cannot create a staging folder in ${where} (${reason})`, {
    cause: error,
    hint: `make ${where} writable or pass ${flag} a directory you can write to`,
  });
}
