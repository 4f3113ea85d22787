// `image load`: one `docker save` of the host images, streamed into containerd's k8s.io
// namespace on every Kubernetes node in parallel (kind load docker-image).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { NotFound, SlipwayError } from '../../errors.js';
import { runStep } from '../create/pipeline.js';
import { readFromNode, runInNode } from '../node-exec.js';
import type { Provider } from '../provider.js';
import { settleAll } from '../settle-all.js';
import type { TaskOptions } from '../types.js';

/** The CRI snapshotter from `containerd config dump` (the entrypoint may have changed it). */
export function snapshotterOf(configDump: string): string {
  return /^\s*snapshotter = "([^"]+)"/m.exec(configDump)?.[1] ?? 'overlayfs';
}

async function importInto(provider: Provider, node: string, archive: string, signal?: AbortSignal): Promise<void> {
  const snapshotter = snapshotterOf(await readFromNode(provider, node, ['containerd', 'config', 'dump'], { signal }));
  const command = [
    'ctr',
    '--namespace=k8s.io',
    'images',
    'import',
    '--all-platforms',
    '--digests',
    `--snapshotter=${snapshotter}`,
    '-',
  ];
  await runInNode(provider, node, command, { stdin: createReadStream(archive), signal });
}

/** Copy host images into every node of the cluster. */
export async function loadImages(
  provider: Provider,
  name: string,
  images: readonly string[],
  options: TaskOptions = {},
): Promise<void> {
  const nodes = (await provider.listNodes(name)).filter((node) => node.role !== 'load-balancer');
  if (nodes.length === 0)
    throw new NotFound(`cluster "${name}" not found`, { hint: 'list clusters with `slipway list`' });
  const stopped = nodes.filter((node) => node.state !== 'running').map((node) => node.name);
  if (stopped.length > 0)
    throw new SlipwayError(`nodes ${stopped.join(', ')} are not running`, {
      hint: `start the cluster first (slipway start ${name})`,
    });
  const step = {
    id: 'load-images',
    title: `Loading ${String(images.length)} image${images.length === 1 ? '' : 's'} into ${String(nodes.length)} nodes`,
    run: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'slipway-images-'));
      try {
        const archive = join(dir, 'images.tar');
        await pipeline(await provider.saveImages(images), createWriteStream(archive));
        await settleAll(nodes.map((node) => importInto(provider, node.name, archive, options.signal)));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  await runStep(step, undefined, { listener: options.onProgress, signal: options.signal });
}
