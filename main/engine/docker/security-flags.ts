// The two ways a node container gets the privileges systemd, kubelet and containerd need.
// `--privileged` where it works; elsewhere (Docker 20.10 on hosts without CAP_SYS_RESOURCE,
// moby#42906) the probed fallback set of docs/architecture.md#host-facts.
import type { HostConfig } from 'dockerode';
import type { SecurityMode } from '../provider.js';

/** HostConfig fields dockerode's types lack. */
export type NodeHostConfig = HostConfig & { CgroupnsMode?: 'private' | 'host' };

export interface SecurityFlags {
  hostConfig: NodeHostConfig;
  env: string[];
}

/** Env that tells the node entrypoint to remount cgroups rw and clamp oom_score_adj. */
export const NONPRIVILEGED_ENV = 'SLIPWAY_NONPRIVILEGED=1';

const common: NodeHostConfig = {
  SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
  Tmpfs: { '/tmp': '', '/run': '' },
  CgroupnsMode: 'private',
};

/** Flags for a Kubernetes node container in the given mode. */
export function securityFlags(mode: SecurityMode, host: { libModules: boolean }): SecurityFlags {
  // /lib/modules is bound only when present: a CLI-style bind would create an empty host dir.
  const binds = host.libModules ? { Binds: ['/lib/modules:/lib/modules:ro'] } : {};
  if (mode === 'privileged') {
    return { hostConfig: { ...common, ...binds, Privileged: true }, env: [] };
  }
  return {
    hostConfig: {
      ...common,
      ...binds,
      CapAdd: ['ALL'],
      CapDrop: ['SYS_RESOURCE'],
      // systempaths=unconfined: a writable /proc/sys for kube-proxy and the entrypoint.
      MaskedPaths: [],
      ReadonlyPaths: [],
      DeviceCgroupRules: ['a *:* rwm'],
      Devices: [{ PathOnHost: '/dev/kmsg', PathInContainer: '/dev/kmsg', CgroupPermissions: 'rwm' }],
    },
    env: [NONPRIVILEGED_ENV],
  };
}

/** True when a failed privileged start is the missing-capability refusal (not another fault). */
export function isCapabilityRefusal(message: string): boolean {
  return /apply caps|operation not permitted/i.test(message);
}
