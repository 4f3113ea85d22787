// The parts of a kubeconfig file Slipway reads and writes. Unknown fields are kept as they are.

export interface NamedEntry {
  name: string;
  [field: string]: unknown;
}

export interface Kubeconfig {
  apiVersion?: string;
  kind?: string;
  clusters?: NamedEntry[];
  users?: NamedEntry[];
  contexts?: NamedEntry[];
  'current-context'?: string;
  [field: string]: unknown;
}

/** One cluster's cluster, user and context entries, all under the same name. */
export interface KubeconfigEntry {
  name: string;
  cluster: NamedEntry;
  user: NamedEntry;
  context: NamedEntry;
}
