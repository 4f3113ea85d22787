// Turning a node's /etc/kubernetes/admin.conf into the host-side entry slipway-NAME that
// points at the API endpoint published on the host.
import { parse } from 'yaml';
import { SlipwayError } from '../errors.js';
import type { Kubeconfig, KubeconfigEntry, NamedEntry } from './kubeconfig-types.js';

function first(list: NamedEntry[] | undefined, what: string): NamedEntry {
  const item = list?.[0];
  if (!item) throw new SlipwayError(`admin.conf has no ${what}`);
  return item;
}

/** Rename the admin entries to `name` and point the cluster at `server`. */
export function hostKubeconfigEntry(adminConf: string, name: string, server: string): KubeconfigEntry {
  const admin = parse(adminConf) as Kubeconfig;
  const cluster = first(admin.clusters, 'cluster');
  const user = first(admin.users, 'user');
  const context = first(admin.contexts, 'context');
  const clusterFields = (cluster.cluster ?? {}) as Record<string, unknown>;
  return {
    name,
    cluster: { name, cluster: { ...clusterFields, server } },
    user: { name, user: user.user },
    context: { name, context: { ...((context.context ?? {}) as Record<string, unknown>), cluster: name, user: name } },
  };
}

/** A standalone kubeconfig holding only this entry (what `slipway kubeconfig NAME` prints). */
export function standaloneKubeconfig(entry: KubeconfigEntry): Kubeconfig {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [entry.cluster],
    users: [entry.user],
    contexts: [entry.context],
    'current-context': entry.name,
    preferences: {},
  };
}
