// The create pipeline's named steps: the ids and titles its progress events carry, in the
// order they run. Each step file takes its name from here, and the fake engine
// (main/dev/fake-engine/) walks the same list, so the UI sees the same steps from both.

export const CREATE_STEPS = [
  { id: 'preflight', title: 'Checking the host and the spec' },
  { id: 'network', title: 'Creating the cluster network' },
  { id: 'provision-nodes', title: 'Starting node containers' },
  { id: 'load-balancer', title: 'Configuring the control-plane load balancer' },
  { id: 'kubeadm-init', title: 'Initialising the control plane (kubeadm init)' },
  { id: 'install-cni', title: 'Installing pod networking (CNI)' },
  { id: 'install-storage', title: 'Installing the default StorageClass' },
  { id: 'join-nodes', title: 'Joining control planes and workers' },
  { id: 'wait-ready', title: 'Waiting for nodes Ready and CoreDNS' },
  { id: 'export-kubeconfig', title: 'Writing the kubeconfig context' },
] as const;

export type CreateStepId = (typeof CREATE_STEPS)[number]['id'];

/** The id and title of one create step. */
export function createStepName(id: CreateStepId): { id: CreateStepId; title: string } {
  const found = CREATE_STEPS.find((step) => step.id === id);
  if (!found) throw new Error(`no create step ${id}`);
  return { id: found.id, title: found.title };
}

/** The steps a create runs, preflight first: the load balancer only with several control planes. */
export function createStepsFor(shape: { controlPlanes: number }): readonly { id: CreateStepId; title: string }[] {
  return CREATE_STEPS.filter((step) => step.id !== 'load-balancer' || shape.controlPlanes > 1);
}
