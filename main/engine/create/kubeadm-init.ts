// Step "kubeadm-init": write the bootstrap node's kubeadm config and run `kubeadm init`; then
// keep admin.conf and the CA pin for the steps after it.
import { kubeadmInitConfig, needsCgroupV1Opt, serializeDocuments } from '../kubeadm/config.js';
import { caCertHash } from '../kubeadm/token.js';
import { readFromNode, runInNode, writeNodeFile } from '../node-exec.js';
import { bootstrapNode } from '../plan/types.js';
import { hostApi } from './host-api.js';
import type { BuildContext } from './context.js';
import type { Step } from './pipeline.js';
import { createStepName } from './steps.js';

export const KUBEADM_CONFIG_PATH = '/kind/kubeadm.conf';

async function kubeadmInit(context: BuildContext): Promise<void> {
  const node = bootstrapNode(context.plan);
  const docs = kubeadmInitConfig({
    plan: context.plan,
    node,
    version: context.version,
    token: context.token,
    cgroupVersion: context.host.cgroupVersion,
  });
  if (needsCgroupV1Opt(context.version, context.host.cgroupVersion))
    context.log(
      'this host uses cgroup v1: kubelets run with failCgroupV1: false, without which Kubernetes 1.35+ refuses to start (docs/engine.md)',
    );
  await writeNodeFile(context.provider, node.name, KUBEADM_CONFIG_PATH, serializeDocuments(docs), context.signal);
  await runInNode(
    context.provider,
    node.name,
    ['kubeadm', 'init', `--config=${KUBEADM_CONFIG_PATH}`, '--skip-token-print'],
    { signal: context.signal },
  );
  const adminConf = await readFromNode(context.provider, node.name, ['cat', '/etc/kubernetes/admin.conf']);
  const ca = await readFromNode(context.provider, node.name, ['cat', '/etc/kubernetes/pki/ca.crt']);
  context.bootstrap.adminConf = adminConf;
  context.bootstrap.caCertHash = caCertHash(ca);
  context.bootstrap.api = hostApi(context.plan, adminConf);
}

export const kubeadmInitStep: Step<BuildContext> = {
  ...createStepName('kubeadm-init'),
  run: kubeadmInit,
};
