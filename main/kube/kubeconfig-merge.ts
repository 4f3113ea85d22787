// Pure merging of one cluster's entries into a kubeconfig, and removing them again, without
// touching any other context, cluster, user or field.
import { SlipwayError } from '../errors.js';
import type { Kubeconfig, KubeconfigEntry, NamedEntry } from './kubeconfig-types.js';

type ListKey = 'clusters' | 'users' | 'contexts';

function entries(config: Kubeconfig, key: ListKey): NamedEntry[] {
  const value = config[key];
  // YAML `clusters:` with no items parses as null.
  if (value === undefined || (value as unknown) === null) return [];
  if (!Array.isArray(value)) throw new SlipwayError(`the kubeconfig's "${key}" is not a list; fix or move the file`);
  return value;
}

function upsert(list: NamedEntry[], entry: NamedEntry): NamedEntry[] {
  const index = list.findIndex((item) => item.name === entry.name);
  if (index === -1) return [...list, entry];
  return list.map((item, i) => (i === index ? entry : item));
}

/** A new kubeconfig with the entry added or replaced, optionally made the current context. */
export function mergeKubeconfigEntry(
  existing: Kubeconfig | undefined,
  entry: KubeconfigEntry,
  options: { makeCurrent: boolean },
): Kubeconfig {
  const base: Kubeconfig = existing ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    ...base,
    clusters: upsert(entries(base, 'clusters'), entry.cluster),
    users: upsert(entries(base, 'users'), entry.user),
    contexts: upsert(entries(base, 'contexts'), entry.context),
    ...(options.makeCurrent ? { 'current-context': entry.name } : {}),
  };
}

/** A new kubeconfig without the named cluster, user and context; unsets current-context if it was that one. */
export function removeKubeconfigEntry(existing: Kubeconfig, name: string): Kubeconfig {
  const without = (key: ListKey) => entries(existing, key).filter((item) => item.name !== name);
  const result: Kubeconfig = {
    ...existing,
    clusters: without('clusters'),
    users: without('users'),
    contexts: without('contexts'),
  };
  if (existing['current-context'] === name) result['current-context'] = '';
  return result;
}

/** True when the kubeconfig holds any entry under that name. */
export function hasKubeconfigEntry(config: Kubeconfig, name: string): boolean {
  return (['clusters', 'users', 'contexts'] as const).some((key) =>
    entries(config, key).some((item) => item.name === name),
  );
}
