// Writes one file so that readers see the old content or the new, never a half-written file:
// the text goes to a temporary file in the same folder, which is then renamed over the target.
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary name next to `path`, hidden and unique, so a rename onto `path` stays on one file system. */
export function siblingTempPath(path: string, suffix = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.slipway-${randomBytes(4).toString('hex')}.${suffix}`);
}

/** Write `text` to `path` atomically; the folder must exist. */
export async function writeFileAtomically(path: string, text: string, mode = 0o644): Promise<void> {
  const temp = siblingTempPath(path);
  try {
    await writeFile(temp, text, { mode, flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
