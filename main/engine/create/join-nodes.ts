// Step "join-nodes": extra control planes join one at a time (stacked etcd grows member by
// member), then all workers join in parallel.
import { kubeadmJoinConfig, serializeDocuments } from '../kubeadm/config.js';
import { runInNode, writeNodeFile } from '../node-exec.js';
import { bootstrapNode, type NodePlan } from '../plan/types.js';
import { fromBootstrap, type BuildContext } from './context.js';
import { KUBEADM_CONFIG_PATH } from './kubeadm-init.js';
import type { Step } from './pipeline.js';
import { settleAll } from '../settle-all.js';
import { createStepName } from './steps.js';

/** Cluster-wide keys every control plane must share (kubeadm's "certificate copy" set). */
const SHARED_PKI = [
  'pki/ca.crt',
  'pki/ca.key',
  'pki/sa.key',
  'pki/sa.pub',
  'pki/front-proxy-ca.crt',
  'pki/front-proxy-ca.key',
  'pki/etcd/ca.crt',
  'pki/etcd/ca.key',
];

async function copySharedPki(context: BuildContext, target: string): Promise<void> {
  const source = bootstrapNode(context.plan).name;
  const archive = await runInNode(
    context.provider,
    source,
    ['tar', '-C', '/etc/kubernetes', '-cf', '-', ...SHARED_PKI],
    { signal: context.signal },
  );
  await runInNode(context.provider, target, ['sh', '-c', 'mkdir -p /etc/kubernetes && tar -C /etc/kubernetes -xf -'], {
    stdin: archive,
    signal: context.signal,
  });
}

async function join(context: BuildContext, node: NodePlan): Promise<void> {
  const docs = kubeadmJoinConfig({
    plan: context.plan,
    node,
    version: context.version,
    token: context.token,
    cgroupVersion: context.host.cgroupVersion,
    caCertHash: fromBootstrap(context, 'caCertHash'),
  });
  await writeNodeFile(context.provider, node.name, KUBEADM_CONFIG_PATH, serializeDocuments(docs), context.signal);
  await runInNode(context.provider, node.name, ['kubeadm', 'join', `--config=${KUBEADM_CONFIG_PATH}`], {
    signal: context.signal,
  });
  context.log(`${node.name} joined`);
}

async function joinNodes(context: BuildContext): Promise<void> {
  for (const node of context.plan.controlPlanes.slice(1)) {
    await copySharedPki(context, node.name);
    await join(context, node);
  }
  await settleAll(context.plan.workers.map((node) => join(context, node)));
}

export const joinNodesStep: Step<BuildContext> = {
  ...createStepName('join-nodes'),
  run: joinNodes,
};
