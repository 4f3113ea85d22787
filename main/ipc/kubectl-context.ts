// Reads and switches kubectl's current context (the tray's "Use as kubectl context"). The
// engine merges a slipway-NAME context into the kubeconfig on create; this only moves
// `current-context`, keeping the rest of the user's file, comments included.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parseDocument } from 'yaml';
import { NotFound } from '../errors.js';
import { writeFileAtomically } from '../fs/write-file-atomically.js';
import type { KubectlContextInfo } from './contract.js';

export const CONTEXT_PREFIX = 'slipway-';

export interface KubectlContexts {
  /** The current context, or undefined when there is no kubeconfig or none is set. */
  current(): Promise<string | undefined>;
  use(context: string): Promise<KubectlContextInfo>;
}

/** The kubeconfig kubectl writes to: the first $KUBECONFIG entry, else ~/.kube/config. */
export function kubeconfigPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((entry) => entry.trim() !== '');
  return first ?? join(home, '.kube', 'config');
}

/** The kubectl context name the engine merges for a cluster. */
export function contextNameFor(cluster: string): string {
  return `${CONTEXT_PREFIX}${cluster}`;
}

/** Context switching on a kubeconfig file. */
export function createFileKubectlContexts(path: string): KubectlContexts {
  return {
    async current() {
      const text = await readIfExists(path);
      if (text === undefined) return undefined;
      const value: unknown = parseDocument(text).get('current-context');
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    async use(context) {
      const text = await readIfExists(path);
      const doc = parseDocument(text ?? '');
      const contexts: unknown = doc.toJS();
      if (!hasContext(contexts, context)) {
        throw new NotFound(`kubeconfig ${path} has no context ${context}`, {
          hint: 'the context is added when the cluster is created; recreate it or merge `slipway kubeconfig NAME` yourself',
        });
      }
      doc.set('current-context', context);
      await writeFileAtomically(path, doc.toString(), 0o600);
      return { path, context };
    },
  };
}

function hasContext(config: unknown, context: string): boolean {
  if (config === null || typeof config !== 'object') return false;
  const list = (config as { contexts?: unknown }).contexts;
  return Array.isArray(list) && list.some((entry: unknown) => (entry as { name?: unknown } | null)?.name === context);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
