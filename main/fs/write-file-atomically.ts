// Writes one file so that readers see the old content or the new, never a half-written file:
// the text goes to a temporary file in the same folder, which is then renamed over the target.
// Used for everything Slipway writes into a user's files: kubeconfigs, imported specs.
import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The start of every temporary file name writeFileAtomically uses for `path`. */
export function temporaryNamePrefix(path: string): string {
  return `.${basename(path)}.slipway-`;
}

/** Write `text` to `path` atomically with exactly `mode` (not narrowed by the umask); the folder must exist. */
export async function writeFileAtomically(path: string, text: string, mode = 0o644): Promise<void> {
  // Hidden, unique and beside the target, so the rename stays on one file system; `wx` never
  // follows something already at that name.
  const temp = join(dirname(path), `${temporaryNamePrefix(path)}${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { mode, flag: 'wx', flush: true });
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
