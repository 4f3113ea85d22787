// Shared set-up of the add-on e2e tests: a real multi-node cluster from the real engine with
// the hermetic node image, the hermetic add-on images through their override map, and the
// Docker host side. Missing prerequisites skip loudly, and fail when CI=true.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Docker from 'dockerode';
import {
  dockerHostContainers,
  engineNodeAccess,
  loadBundle,
  loadImageOverrides,
  type AddonContext,
} from '../../../main/addons/index.js';
import { kubeClientsFromKubeconfig, type KubeClients } from '../../../main/addons/kube-clients.js';
import type { Engine } from '../../../main/engine/types.js';
import { NotFound } from '../../../main/errors.js';
import { clusterSpecSchema } from '../../../main/spec/index.js';
import { DEFAULT_RELEASE, hermeticImageOf } from '../../../main/spec/releases.js';

export const NODE_IMAGE = hermeticImageOf(DEFAULT_RELEASE);
export const OVERRIDES = join(
  process.env.SLIPWAY_CACHE_DIR ?? join(homedir(), '.cache/slipway'),
  'images/addons/overrides.yaml',
);
/**
 * The same map plus Slipway's stand-ins for upstream images that cannot be built offline
 * (csi-hostpath's plugin, registrar and livenessprobe). Tests that use it must say so.
 */
export const WITH_STANDINS = join(dirname(OVERRIDES), 'with-standins.yaml');
export const HTTP_PORT = 18080;
export const HTTPS_PORT = 18443;

/** Why the add-on e2e tests cannot run here, or undefined when they can. */
export async function missingPrerequisite(): Promise<string | undefined> {
  const docker = new Docker();
  try {
    await docker.ping();
  } catch {
    return 'Docker is not reachable';
  }
  if (!(await imagePresent(NODE_IMAGE))) return `the node image ${NODE_IMAGE} is missing (images/node/build.sh)`;
  if (!existsSync(OVERRIDES))
    return `the hermetic add-on images are missing (npm run images:addons writes ${OVERRIDES})`;
  try {
    const { createDefaultEngine } = await import('../../../main/engine/index.js');
    await createDefaultEngine();
  } catch (error) {
    return `the cluster engine is not available (${(error as Error).message})`;
  }
  return undefined;
}

/** Whether the host's Docker has the image. */
export function imagePresent(ref: string): Promise<boolean> {
  return new Docker()
    .getImage(ref)
    .inspect()
    .then(
      () => true,
      () => false,
    );
}

/** A bundle's upstream images the hermetic build cannot make (`all`), and those this host lacks. */
export async function unbuildableImages(addon: string): Promise<{ all: string[]; missing: string[] }> {
  const bundle = await loadBundle(addon);
  const all = Object.values(bundle.document.images)
    .filter((image) => !image.hermetic)
    .map((image) => image.ref);
  const present = await Promise.all(all.map(imagePresent));
  return { all, missing: all.filter((_, index) => !present[index]) };
}

/** Skip loudly, or throw under CI so a missing prerequisite can never pass silently. */
export function reportMissing(reason: string | undefined, suite: string): boolean {
  if (reason === undefined) return false;
  if (process.env.CI === 'true') throw new Error(`${suite}: prerequisite missing under CI: ${reason}`);
  console.warn(`\n*** SKIPPING ${suite}: ${reason} ***\n`);
  return true;
}

export interface AddonCluster {
  name: string;
  engine: Engine;
  context: AddonContext;
  clients: KubeClients;
  delete(): Promise<void>;
}

/** Create a cluster (1 control plane, 2 workers, host ports 18080/18443 → 80/443). */
export async function createAddonCluster(name: string, imageMap = OVERRIDES): Promise<AddonCluster> {
  const { createDefaultEngine } = await import('../../../main/engine/index.js');
  const { specAddonHooks } = await import('../../../main/addons/engine-hooks.js');
  const engine = await createDefaultEngine({ specAddons: specAddonHooks });
  const spec = clusterSpecSchema.parse({
    apiVersion: 'slipway.dev/v1alpha1',
    kind: 'Cluster',
    metadata: { name },
    spec: {
      nodeImage: NODE_IMAGE,
      workers: [{ name: 'workers', replicas: 2 }],
      portMappings: [
        { hostPort: HTTP_PORT, containerPort: 80 },
        { hostPort: HTTPS_PORT, containerPort: 443 },
      ],
    },
  });
  await engine.deleteCluster(name).catch(() => undefined);
  await engine.createCluster(spec);
  const context: AddonContext = {
    engine,
    host: { nodes: engineNodeAccess(engine), containers: dockerHostContainers() },
    overrides: await loadImageOverrides(imageMap),
  };
  return {
    name,
    engine,
    context,
    clients: kubeClientsFromKubeconfig(await engine.kubeconfig(name)),
    // Idempotent: a test may delete the cluster itself before afterAll does.
    delete: () =>
      engine.deleteCluster(name).then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof NotFound)) throw error;
        },
      ),
  };
}

/** Create any object from plain data (tests need none of client-node's model classes). */
export async function createObject(
  cluster: AddonCluster,
  object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  } & Record<string, unknown>,
): Promise<void> {
  await cluster.clients.objects.create(object);
}
