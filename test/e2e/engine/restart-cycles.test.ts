// Restart survival, opt-in and long (not part of CI): one 1+1 cluster stopped and started
// SLIPWAY_RESTART_CYCLES times (20 with `npm run e2e:restart-cycles`), the Docker daemon
// restarted before every fifth start when this process may, and each time every node Ready
// again and the data written before the first stop still in the cluster (a ConfigMap in
// etcd, on the nodes' volumes). Prints n of n at the end. Run real clusters only one at a
// time on a shared machine (e.g. under flock).
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterSpecSchema } from '../../../main/spec/index.js';
import {
  cannotRestartDockerd,
  createOrCollect,
  engine,
  foreignContainers,
  kubectl,
  leftovers,
  missingPrerequisite,
  NODE_IMAGE,
  reportMissing,
  restartDockerd,
  tempKubeconfig,
  uniqueName,
} from './harness.js';
import { eventually } from '../eventually.js';

const cycles = Number(process.env.SLIPWAY_RESTART_CYCLES ?? 0);
if (cycles === 0) console.warn('\n*** restart cycles: opt-in; run `npm run e2e:restart-cycles` ***\n');
const skip = cycles === 0 || reportMissing(await missingPrerequisite(), 'restart cycles e2e');

describe.skipIf(skip)(`${String(cycles)} stop/start cycles`, () => {
  const name = uniqueName('e2e-cycles');
  process.env.KUBECONFIG = tempKubeconfig();
  afterAll(async () => {
    await (await engine()).deleteCluster(name).catch(() => undefined);
  });

  it('comes back Ready with its data every time', { timeout: cycles * 10 * 60_000 }, async () => {
    const e = await engine();
    await createOrCollect(
      e,
      clusterSpecSchema.parse({
        apiVersion: 'slipway.dev/v1alpha1',
        kind: 'Cluster',
        metadata: { name },
        spec: { nodeImage: NODE_IMAGE, workers: [{ name: 'workers', replicas: 1 }] },
      }),
    );
    await kubectl(e, name, ['create', 'configmap', 'survivor', '--from-literal=written=before-first-stop']);
    const restartBlocked =
      cannotRestartDockerd() ?? ((await foreignContainers([name])).length > 0 ? 'other containers run' : undefined);
    let passed = 0;
    for (let cycle = 1; cycle <= cycles; cycle++) {
      await e.stopCluster(name);
      if (cycle % 5 === 0 && restartBlocked === undefined) await restartDockerd();
      await e.startCluster(name);
      const api = hostApi(await e.kubeconfig(name));
      await eventually(`cycle ${String(cycle)}: both nodes Ready`, async () => {
        const nodes = await api.listNode();
        const ready = nodes.items.filter((n) =>
          n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
        );
        return ready.length === 2 ? true : undefined;
      });
      const data = await kubectl(e, name, ['get', 'configmap', 'survivor', '-o', 'jsonpath={.data.written}']);
      expect(data).toBe('before-first-stop');
      passed++;
    }
    console.warn(
      `\n*** restart cycles: ${String(passed)}/${String(cycles)} passed${restartBlocked === undefined ? ', dockerd restarted every fifth' : ` (dockerd not restarted: ${restartBlocked})`} ***\n`,
    );
    await e.deleteCluster(name);
    expect(await leftovers(name)).toEqual([]);
  });
});

function hostApi(kubeconfig: string): CoreV1Api {
  const config = new KubeConfig();
  config.loadFromString(kubeconfig);
  return config.makeApiClient(CoreV1Api);
}
