// Capability flags of the Docker engine and host (kind's ProviderInfo).
import type Docker from 'dockerode';
import { existsSync } from 'node:fs';
import type { HostInfo } from '../provider.js';

interface DockerInfo {
  ServerVersion?: string;
  CgroupVersion?: string;
  SecurityOptions?: string[];
  MemoryLimit?: boolean;
  CpuCfsQuota?: boolean;
  DockerRootDir?: string;
  NCPU?: number;
  MemTotal?: number;
}

/** Facts from `docker info` plus whether /lib/modules exists on this host. */
export async function dockerHostInfo(docker: Docker): Promise<HostInfo> {
  const info = (await docker.info()) as DockerInfo;
  return {
    provider: 'docker',
    version: info.ServerVersion ?? 'unknown',
    cgroupVersion: info.CgroupVersion === '2' ? 2 : 1,
    rootless: (info.SecurityOptions ?? []).some((option) => option.includes('rootless')),
    supportsMemoryLimit: info.MemoryLimit ?? false,
    supportsCpuLimit: info.CpuCfsQuota ?? false,
    libModules: existsSync('/lib/modules'),
    dataRoot: info.DockerRootDir,
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
  };
}
