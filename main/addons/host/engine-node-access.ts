// NodeAccess on top of the cluster engine: node lists from the cluster summary, files written
// through the engine's exec with fixed argv (paths are checked by the caller, content goes
// through stdin, so nothing from a bundle becomes shell text).
import { CommandFailed } from '../../errors.js';
import type { Engine } from '../../engine/types.js';
import type { AddonNode, NodeAccess } from './types.js';

const WRITE_FILE = ['sh', '-c', 'mkdir -p "$(dirname "$1")" && cat > "$1"', 'write-file'];
const LIST_IMAGES = ['ctr', '--namespace=k8s.io', 'images', 'list', '--quiet'];
// crictl honours the node's registry mirrors (hosts.toml); ctr needs to be told where they are.
const PULL_IMAGE = [
  'sh',
  '-c',
  'if command -v crictl >/dev/null; then exec timeout 120 crictl pull "$1"; fi; exec timeout 120 ctr --namespace=k8s.io images pull --hosts-dir /etc/containerd/certs.d "$1"',
  'pull-image',
];
const REMOVE_FILE = ['sh', '-c', 'rm -f "$1" && rmdir "$(dirname "$1")" 2>/dev/null; true', 'remove-file'];

/** NodeAccess backed by an Engine. */
export function engineNodeAccess(engine: Engine): NodeAccess {
  const run = async (cluster: string, node: string, command: string[], stdin?: string) => {
    const result = await engine.execInNode(cluster, { node, command, stdin });
    if (result.exitCode !== 0) {
      throw new CommandFailed({
        command: command.slice(0, 2),
        exitCode: result.exitCode,
        stderr: result.stderr,
        where: node,
      });
    }
    return result;
  };
  return {
    async listNodes(cluster) {
      const summary = await engine.getCluster(cluster);
      return summary.nodes
        .filter((node) => node.role !== 'load-balancer' && node.state === 'running')
        .map((node): AddonNode => ({
          name: node.name,
          role: node.role === 'control-plane' ? 'control-plane' : 'worker',
        }));
    },
    async writeFile(cluster, node, path, content) {
      await run(cluster, node, [...WRITE_FILE, path], content);
    },
    async removeFile(cluster, node, path) {
      await run(cluster, node, [...REMOVE_FILE, path]);
    },
    async fileExists(cluster, node, path) {
      const result = await engine.execInNode(cluster, { node, command: ['test', '-f', path] });
      return result.exitCode === 0;
    },
    async clusterNetwork(cluster) {
      const summary = await engine.getCluster(cluster);
      return summary.network ?? cluster;
    },
    async loadImages(cluster, images) {
      await engine.loadImages(cluster, images);
    },
    async listImages(cluster, node) {
      const result = await run(cluster, node, LIST_IMAGES);
      return result.stdout.split('\n').filter((line) => line.trim() !== '');
    },
    async pullImage(cluster, node, image) {
      const result = await engine.execInNode(cluster, { node, command: [...PULL_IMAGE, image] });
      if (result.exitCode === 0) return { ok: true };
      const error = result.stderr.trim().split('\n').at(-1) ?? `exit status ${String(result.exitCode)}`;
      return { ok: false, error };
    },
  };
}
