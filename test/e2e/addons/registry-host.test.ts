// The Docker side of the registry add-on on its own (no cluster needed): the container is
// created on loopback only, joins a network, serves pushes, reports its data, and is released.
import Docker from 'dockerode';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerHostContainers, loadImageOverrides } from '../../../main/addons/index.js';
import { OVERRIDES } from './fixture.js';

const docker = new Docker();
const reachable = await docker.ping().then(
  () => true,
  () => false,
);
const overrides: Readonly<Record<string, string>> = reachable
  ? await loadImageOverrides(OVERRIDES).catch(() => ({}))
  : {};
const image = overrides['docker.io/library/registry'];
const missing = !reachable
  ? 'Docker is not reachable'
  : image === undefined
    ? `no hermetic registry image (npm run images:addons writes ${OVERRIDES})`
    : undefined;
if (missing && process.env.CI === 'true')
  throw new Error(`registry host e2e: prerequisite missing under CI: ${missing}`);
if (missing) console.warn(`\n*** SKIPPING registry host e2e: ${missing} ***\n`);

const NAME = 'slipway-e2e-registry';
const NETWORK = 'slipway-e2e-registry-net';
const VOLUME = 'slipway-e2e-registry-data';
const PORT = 15001;

describe.skipIf(missing !== undefined)('registry container (host operations)', () => {
  const host = dockerHostContainers(docker);
  beforeAll(async () => {
    await docker.createNetwork({ Name: NETWORK, Labels: { 'dev.slipway.e2e': 'true' } });
  });
  afterAll(async () => {
    await docker
      .getContainer(NAME)
      .remove({ force: true })
      .catch(() => undefined);
    await docker
      .getNetwork(NETWORK)
      .remove()
      .catch(() => undefined);
    await docker
      .getVolume(VOLUME)
      .remove()
      .catch(() => undefined);
  });

  it('runs on loopback only, joined to the network, and accepts pushes', async () => {
    const request = {
      name: NAME,
      image: image ?? '',
      hostPort: PORT,
      containerPort: 5000,
      volume: VOLUME,
      env: {},
      network: NETWORK,
    };
    await host.ensureRegistryContainer(request);
    await host.ensureRegistryContainer(request); // idempotent
    const info = await docker.getContainer(NAME).inspect();
    expect(info.HostConfig.PortBindings).toEqual({ '5000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(PORT) }] });
    expect(Object.keys(info.NetworkSettings.Networks)).toEqual([NETWORK]);
    expect(await host.registryHoldsData({ name: NAME, volume: VOLUME })).toBe(false);

    const pushed = `localhost:${String(PORT)}/e2e/registry:1`;
    await execa('docker', ['tag', image ?? '', pushed]);
    await execa('docker', ['push', pushed]);
    await execa('docker', ['rmi', pushed]);
    expect(await host.registryHoldsData({ name: NAME, volume: VOLUME })).toBe(true);
  });

  it('refuses a second registry on another port', async () => {
    await expect(
      host.ensureRegistryContainer({
        name: NAME,
        image: image ?? '',
        hostPort: PORT + 1,
        containerPort: 5000,
        volume: VOLUME,
        env: {},
        network: NETWORK,
      }),
    ).rejects.toThrow(/already publishes port 15001/);
  });

  it('is removed when its last network leaves, keeping the volume unless asked', async () => {
    await host.releaseRegistryContainer({ name: NAME, network: NETWORK, volume: VOLUME, removeVolume: false });
    await expect(docker.getContainer(NAME).inspect()).rejects.toMatchObject({ statusCode: 404 });
    await expect(docker.getVolume(VOLUME).inspect()).resolves.toBeDefined();
    await host.releaseRegistryContainer({ name: NAME, network: NETWORK, volume: VOLUME, removeVolume: true });
    await expect(docker.getVolume(VOLUME).inspect()).rejects.toMatchObject({ statusCode: 404 });
  });
});
