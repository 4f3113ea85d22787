// Updating the user's kubeconfig file safely: under a lock (other tools and other Slipway
// processes write it too), through a temporary file renamed into place, through a symlink to
// its target, keeping the user's comments and formatting, and private once it holds
// credentials. Every writer of the file goes through updateKubeconfigFile.
import { mkdir, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { parseDocument, type Document } from 'yaml';
import { SlipwayError } from '../errors.js';
import { temporaryNamePrefix, writeFileAtomically } from '../fs/write-file-atomically.js';
import { applyKubeconfigChange } from './kubeconfig-document.js';
import type { Kubeconfig } from './kubeconfig-types.js';

/** Lock timing: short, randomised waits (many writers hand over quickly), about 20 s in all. */
const LOCK_RETRIES = { retries: 100, factor: 1.3, minTimeout: 20, maxTimeout: 200, randomize: true };

async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path); // write through a symlink, do not replace it
  } catch {
    return path;
  }
}

interface ReadConfig {
  doc: Document | undefined;
  config: Kubeconfig | undefined;
  mode: number;
}

async function readConfig(path: string): Promise<ReadConfig> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      throw new SlipwayError(
        `${path} is not valid YAML (${doc.errors[0]?.message.split('\n')[0] ?? ''}); leaving it untouched`,
      );
    }
    const parsed: unknown = doc.toJS();
    if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new SlipwayError(`${path} is not a kubeconfig (not a YAML mapping); leaving it untouched`);
    }
    const config = (parsed ?? undefined) as Kubeconfig | undefined;
    return { doc: config === undefined ? undefined : doc, config, mode: info.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { doc: undefined, config: undefined, mode: 0o600 };
    if (error instanceof SlipwayError) throw error;
    throw new SlipwayError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export interface UpdateKubeconfigOptions {
  /** How often to retry a held lock (tests shorten it). */
  lockRetries?: number;
}

/** Apply `update` to the kubeconfig at `path` under a lock; `undefined` from update means no change. */
export async function updateKubeconfigFile(
  path: string,
  update: (config: Kubeconfig | undefined) => Kubeconfig | undefined,
  options: UpdateKubeconfigOptions = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const target = await resolveTarget(path);
  const release = await lockKubeconfig(target, options.lockRetries ?? LOCK_RETRIES.retries);
  try {
    await removeStaleTemporaries(target);
    const { doc, config, mode } = await readConfig(target);
    const next = update(config);
    if (next === undefined) return;
    const document = doc ?? parseDocument('');
    applyKubeconfigChange(document, config, next);
    await writeFileAtomically(target, document.toString(), holdsCredentials(next) ? mode & 0o600 : mode);
  } finally {
    await release();
  }
}

async function lockKubeconfig(target: string, retries: number): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(target, {
      realpath: false,
      lockfilePath: `${target}.lock`,
      retries: { ...LOCK_RETRIES, retries },
      stale: 10_000,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new SlipwayError(`${target} is being written by another program (it holds ${target}.lock)`, {
      cause: error,
      hint: `try again in a moment; if no slipway or kubectl command is running, remove ${target}.lock`,
    });
  }
}

// A writer killed between writing its temporary file and renaming it leaves the file behind,
// with credentials in it. Only Slipway writers use that prefix, and this one holds the lock.
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = temporaryNamePrefix(target);
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  await Promise.all(
    names.filter((name) => name.startsWith(prefix)).map((name) => rm(join(dirname(target), name), { force: true })),
  );
}

function holdsCredentials(config: Kubeconfig): boolean {
  return Array.isArray(config.users) && config.users.length > 0;
}
