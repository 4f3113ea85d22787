// Engine factory: the Docker provider behind the ClusterEngine. Creating it never touches
// Docker; the first call does, and fails with EngineUnavailable when Docker is not there.
import { ClusterEngine } from './cluster-engine.js';
import { newDocker } from './docker/dockerode.js';
import { DockerProvider } from './docker/provider.js';
import type { Engine, SpecAddonHooks } from './types.js';

export type { Engine, SpecAddonHooks } from './types.js';
export { ClusterEngine } from './cluster-engine.js';

/** Where the Docker CLI would connect: DOCKER_HOST, else the local socket. */
export function dockerEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST ?? '/var/run/docker.sock';
}

export interface DefaultEngineOptions {
  /** The add-on layer's hooks for spec.addons (main/addons/engine-hooks.ts). */
  specAddons?: SpecAddonHooks;
}

/** The engine the CLI and the desktop app use: Docker through dockerode. */
export function createDefaultEngine(options: DefaultEngineOptions = {}): Promise<Engine> {
  const provider = new DockerProvider(newDocker());
  return Promise.resolve(new ClusterEngine({ provider, endpoint: dockerEndpoint(), specAddons: options.specAddons }));
}
