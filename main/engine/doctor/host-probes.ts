// The real HostProbes: the provider for engine facts, the OS for files, disk and ports.
import { readFile, statfs } from 'node:fs/promises';
import { portIsFree, pickFreePort } from '../host-ports.js';
import { DEFAULT_RELEASE } from '../../spec/releases.js';
import { candidatesFor } from '../node-image.js';
import type { HostInfo, Provider } from '../provider.js';
import type { HostProbes } from './types.js';

/** Probes backed by a provider; engine facts are fetched once. */
export function hostProbes(provider: Provider, endpoint: string): HostProbes {
  let engine: Promise<{ ok: true; info: HostInfo; endpoint: string } | { ok: false; error: Error }> | undefined;
  let image: Promise<string | undefined> | undefined;
  const probes: HostProbes = {
    engine: () =>
      (engine ??= provider.hostInfo().then(
        (info) => ({ ok: true as const, info, endpoint }),
        (error: unknown) => ({ ok: false as const, error: error as Error }),
      )),
    nodeImage: () =>
      (image ??= (async () => {
        for (const { ref } of candidatesFor({ release: DEFAULT_RELEASE })) {
          if (await provider.imagePresent(ref)) return ref;
        }
        return undefined;
      })()),
    securityMode: async () => {
      const ref = await probes.nodeImage();
      return ref ? provider.probeSecurity(ref) : undefined;
    },
    readText: (path) => readFile(path, 'utf8').catch(() => undefined),
    freeBytes: (path) =>
      statfs(path).then(
        (s) => s.bavail * s.bsize,
        () => undefined,
      ),
    portFree: (address, port) => portIsFree(address, port),
    canBind: (address) =>
      pickFreePort(address).then(
        () => true,
        () => false,
      ),
  };
  return probes;
}
