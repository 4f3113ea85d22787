// Where kubectl reads and writes its configuration, the one file Slipway merges contexts into.
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The file kubectl writes to: the first path of $KUBECONFIG, else ~/.kube/config. */
export function kubeconfigPath(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((part) => part.trim() !== '');
  return first ?? join(home, '.kube', 'config');
}
