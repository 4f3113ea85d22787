// The registry container on the Docker host: published on loopback only, data in a named
// volume, joined to each cluster network that enables the registry add-on. One container is
// shared by every cluster (like kind's recipe), so releasing it only leaves one network.
import type Docker from 'dockerode';
import { newDocker } from '../../engine/docker/dockerode.js';
import { sleep } from '../../lib/abortable-sleep.js';
import { Conflict, HostProblem } from '../../errors.js';
import { httpGet } from '../../net/http-get.js';
import type { HostContainers, RegistryContainerRequest } from './types.js';
import { addonImagesCommand } from '../../lib/package-files.js';

const ADDON_LABEL = 'dev.slipway.addon';

/** HostContainers for a Docker daemon (dockerode's default connection unless one is given). */
export function dockerHostContainers(docker: Docker = newDocker()): HostContainers {
  return {
    ensureRegistryContainer: (request) => ensureRegistry(docker, request),
    releaseRegistryContainer: (request) => releaseRegistry(docker, request),
    registryHoldsData: (request) => registryHoldsData(docker, request),
  };
}

async function inspectOrUndefined(container: Docker.Container): Promise<Docker.ContainerInspectInfo | undefined> {
  try {
    return await container.inspect();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return undefined;
    throw error;
  }
}

async function ensureRegistry(docker: Docker, request: RegistryContainerRequest): Promise<void> {
  const container = docker.getContainer(request.name);
  let info = await inspectOrUndefined(container);
  if (info) assertSamePort(info, request);
  if (!info) {
    await assertImagePresent(docker, request.image);
    await docker.createContainer(registryCreateOptions(request));
    info = await container.inspect();
  }
  if (!(request.network in info.NetworkSettings.Networks)) {
    await docker.getNetwork(request.network).connect({ Container: request.name });
  }
  if (!info.State.Running) await container.start();
  await waitUntilServing(request);
}

const SERVING_TIMEOUT_MS = 60_000;

/**
 * A started container is not yet a registry: until /v2/ answers, pushes fail and the data check
 * cannot tell an empty registry from one that holds images.
 */
async function waitUntilServing(request: RegistryContainerRequest): Promise<void> {
  const deadline = Date.now() + SERVING_TIMEOUT_MS;
  for (;;) {
    const answered = await httpGet(`http://127.0.0.1:${String(request.hostPort)}/v2/`, { timeoutMs: 2000 }).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (answered) return;
    if (Date.now() > deadline) {
      throw new HostProblem(
        `the registry container ${request.name} does not answer on 127.0.0.1:${String(request.hostPort)}`,
        { hint: `see its log: docker logs ${request.name}` },
      );
    }
    await sleep(500);
  }
}

function registryCreateOptions(request: RegistryContainerRequest): Docker.ContainerCreateOptions {
  const port = `${String(request.containerPort)}/tcp`;
  return {
    name: request.name,
    Image: request.image,
    Env: Object.entries(request.env).map(([key, value]) => `${key}=${value}`),
    Labels: { [ADDON_LABEL]: 'registry' },
    ExposedPorts: { [port]: {} },
    HostConfig: {
      // Loopback only: the registry has no authentication.
      PortBindings: { [port]: [{ HostIp: '127.0.0.1', HostPort: String(request.hostPort) }] },
      Mounts: [{ Type: 'volume', Source: request.volume, Target: '/var/lib/registry' }],
      RestartPolicy: { Name: 'unless-stopped' },
      NetworkMode: request.network,
    },
  };
}

function assertSamePort(info: Docker.ContainerInspectInfo, request: RegistryContainerRequest): void {
  const bindings = info.HostConfig.PortBindings as Record<string, { HostPort?: string }[] | undefined> | undefined;
  const published = bindings?.[`${String(request.containerPort)}/tcp`]?.[0]?.HostPort;
  if (published !== undefined && published !== String(request.hostPort)) {
    throw new Conflict(
      `the registry container ${request.name} already publishes port ${published}, not ${String(request.hostPort)}`,
      {
        hint: `enable the registry with --set hostPort=${published}, or disable it on every cluster first`,
      },
    );
  }
}

/** The image must be on the host: pull it when missing (offline hosts use the override map). */
async function assertImagePresent(docker: Docker, image: string): Promise<void> {
  const present = await docker
    .getImage(image)
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (present) return;
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error: Error | null) => {
        if (error) reject(error);
        else resolve();
      });
    });
  } catch (error) {
    throw new HostProblem(`the registry image ${image} is not on this host and could not be pulled`, {
      cause: error,
      hint: `pull it, or build its hermetic image with \`${addonImagesCommand(['registry'])}\` (it writes ~/.cache/slipway/images/addons/overrides.yaml, which enable then uses)`,
    });
  }
}

async function releaseRegistry(
  docker: Docker,
  request: { name: string; network: string; volume: string; removeVolume: boolean },
): Promise<void> {
  const container = docker.getContainer(request.name);
  const info = await inspectOrUndefined(container);
  if (info && request.network in info.NetworkSettings.Networks) {
    await docker.getNetwork(request.network).disconnect({ Container: request.name, Force: true });
  }
  const remaining = info
    ? Object.keys(info.NetworkSettings.Networks).filter((network) => network !== request.network)
    : [];
  if (info && remaining.length === 0) {
    await container.remove({ force: true });
  } else if (info) {
    return; // another cluster still uses the registry and its data
  }
  if (request.removeVolume) {
    await docker
      .getVolume(request.volume)
      .remove()
      .catch((error: unknown) => {
        if ((error as { statusCode?: number }).statusCode !== 404) throw error;
      });
  }
}

async function registryHoldsData(docker: Docker, request: { name: string; volume: string }): Promise<boolean> {
  const volume = await docker
    .getVolume(request.volume)
    .inspect()
    .catch(() => undefined);
  if (!volume) return false;
  const info = await inspectOrUndefined(docker.getContainer(request.name));
  const bindings = info?.NetworkSettings.Ports as
    Record<string, { HostIp: string; HostPort: string }[] | null> | undefined;
  const port = bindings ? Object.values(bindings).find((list) => list && list.length > 0)?.[0]?.HostPort : undefined;
  if (!info?.State.Running || port === undefined) return true;
  try {
    const answer = await httpGet(`http://127.0.0.1:${port}/v2/_catalog`, { timeoutMs: 5000 });
    const catalog = JSON.parse(answer.body) as { repositories?: unknown[] };
    return (catalog.repositories ?? []).length > 0;
  } catch {
    return true;
  }
}
