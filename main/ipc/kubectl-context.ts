// Reads and switches kubectl's current context (the tray's "Use as kubectl context"). The
// engine merges a slipway-NAME context into the kubeconfig on create; this only moves
// `current-context`, through the same locked writer as the merge, so neither loses the other's
// change, a symlinked file stays a symlink and the user's comments stay.
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { NotFound } from '../errors.js';
import { updateKubeconfigFile } from '../kube/kubeconfig-file.js';
import type { KubectlContextInfo } from './contract.js';

export interface KubectlContexts {
  /** The current context, or undefined when there is no kubeconfig or none is set. */
  current(): Promise<string | undefined>;
  use(context: string): Promise<KubectlContextInfo>;
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
      await updateKubeconfigFile(path, (config) => {
        if (config === undefined || !hasContext(config, context)) {
          throw new NotFound(`kubeconfig ${path} has no context ${context}`, {
            hint: 'the context is added when the cluster is created; recreate it or merge `slipway kubeconfig NAME` yourself',
          });
        }
        return { ...config, 'current-context': context };
      });
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
