// Updating the user's kubeconfig file safely: under a lock (other tools may write it too),
// through a temporary file renamed into place, keeping its permissions.
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { parse, stringify } from 'yaml';
import { SlipwayError } from '../errors.js';
import { writeFileAtomically } from '../fs/write-file-atomically.js';
import type { Kubeconfig } from './kubeconfig-types.js';

/** The file kubectl writes to: the first path of $KUBECONFIG, else ~/.kube/config. */
export function kubeconfigPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((part) => part.trim() !== '');
  return first ?? join(home, '.kube', 'config');
}

async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path); // write through a symlink, do not replace it
  } catch {
    return path;
  }
}

async function readConfig(path: string): Promise<{ config: Kubeconfig | undefined; mode: number }> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const parsed: unknown = parse(text);
    if (parsed !== null && parsed !== undefined && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new SlipwayError(`${path} is not a kubeconfig (not a YAML mapping); leaving it untouched`);
    }
    return { config: (parsed ?? undefined) as Kubeconfig | undefined, mode: info.mode & 0o777 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: undefined, mode: 0o600 };
    if (error instanceof SlipwayError) throw error;
    throw new SlipwayError(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Apply `update` to the kubeconfig at `path` under a lock; `undefined` from update means no change. */
export async function updateKubeconfigFile(
  path: string,
  update: (config: Kubeconfig | undefined) => Kubeconfig | undefined,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const target = await resolveTarget(path);
  const release = await lockfile.lock(target, {
    realpath: false,
    lockfilePath: `${target}.lock`,
    retries: { retries: 50, minTimeout: 50, maxTimeout: 500 },
    stale: 10_000,
  });
  try {
    const { config, mode } = await readConfig(target);
    const next = update(config);
    if (next !== undefined) await writeFileAtomically(target, stringify(next), mode);
  } finally {
    await release();
  }
}
