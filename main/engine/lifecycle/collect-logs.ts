// `slipway logs`: what a bug report needs, per node (journal, kubelet, containerd, pod logs,
// docker inspect, console) plus a cluster overview. Files never include kubeadm configs
// (they hold the bootstrap token) or credentials.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFound } from '../../errors.js';
import { runStep } from '../create/pipeline.js';
import { kubectlCommand } from '../node-exec.js';
import type { NodeRecord, Provider } from '../provider.js';
import type { TaskOptions } from '../types.js';

const NODE_COMMANDS: readonly [string, string[]][] = [
  ['journal.log', ['journalctl', '--no-pager']],
  ['kubelet.log', ['journalctl', '--no-pager', '-u', 'kubelet']],
  ['containerd.log', ['journalctl', '--no-pager', '-u', 'containerd']],
  ['images.txt', ['ctr', '--namespace=k8s.io', 'images', 'list']],
  ['kubernetes-version.txt', ['cat', '/kind/version']],
];

const CLUSTER_COMMANDS: readonly [string, string[]][] = [
  ['nodes.yaml', ['get', 'nodes', '-o', 'yaml']],
  ['pods.txt', ['get', 'pods', '--all-namespaces', '-o', 'wide']],
  ['events.txt', ['get', 'events', '--all-namespaces', '--sort-by=.lastTimestamp']],
];

async function saveOutput(
  provider: Provider,
  node: string,
  file: string,
  command: readonly string[],
  signal?: AbortSignal,
): Promise<string> {
  const result = await provider.exec(node, command, { signal });
  await writeFile(file, Buffer.concat([result.stdout, result.stderr]));
  return file;
}

async function collectNode(provider: Provider, node: NodeRecord, dir: string, signal?: AbortSignal): Promise<string[]> {
  const nodeDir = join(dir, node.name);
  const files = await provider.collectContainerLogs(node.name, nodeDir);
  if (node.state !== 'running' || node.role === 'load-balancer') return files;
  for (const [name, command] of NODE_COMMANDS)
    files.push(await saveOutput(provider, node.name, join(nodeDir, name), command, signal));
  await provider.copyFromNode(node.name, '/var/log/pods', nodeDir).then(
    () => files.push(join(nodeDir, 'pods')),
    () => undefined, // no pods yet
  );
  return files;
}

async function collectCluster(
  provider: Provider,
  records: readonly NodeRecord[],
  dir: string,
  signal?: AbortSignal,
): Promise<string[]> {
  const node = records.find((n) => n.role === 'control-plane' && n.state === 'running');
  if (!node) return [];
  const clusterDir = join(dir, 'cluster');
  await mkdir(clusterDir, { recursive: true });
  const files: string[] = [];
  for (const [name, args] of CLUSTER_COMMANDS)
    files.push(await saveOutput(provider, node.name, join(clusterDir, name), kubectlCommand(args), signal));
  return files;
}

/** Write logs of every node into outputDir; returns the files and directories written. */
export async function collectLogs(
  provider: Provider,
  name: string,
  outputDir: string,
  options: TaskOptions = {},
): Promise<string[]> {
  const records = await provider.listNodes(name);
  if (records.length === 0)
    throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
  const files: string[] = [];
  const step = {
    id: 'collect-logs',
    title: `Collecting logs of ${String(records.length)} containers`,
    run: async () => {
      await mkdir(outputDir, { recursive: true });
      const host = await provider.hostInfo();
      files.push(join(outputDir, 'engine.json'));
      await writeFile(join(outputDir, 'engine.json'), `${JSON.stringify(host, null, 2)}\n`);
      for (const node of records) files.push(...(await collectNode(provider, node, outputDir, options.signal)));
      files.push(...(await collectCluster(provider, records, outputDir, options.signal)));
    },
  };
  await runStep(step, undefined, { listener: options.onProgress, signal: options.signal });
  return files;
}
