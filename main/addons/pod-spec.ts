// Reads the pod template out of a workload object (Pod, Deployment, DaemonSet, StatefulSet,
// Job), so checks and image rewriting treat every workload kind alike.

export interface ContainerView {
  name: string;
  image: unknown;
  privileged: boolean;
  /** The container object itself, for rewriting its image. */
  raw: Record<string, unknown>;
}

export interface PodSpecView {
  containers: ContainerView[];
  initContainers: ContainerView[];
  hostPaths: string[];
}

/** The pod spec of a workload, or undefined for objects that run no pods. */
export function podSpecOf(object: Record<string, unknown>): PodSpecView | undefined {
  const spec = podSpecObject(object);
  if (!spec) return undefined;
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as Record<string, unknown>[]) : [];
  return {
    containers: containersOf(spec.containers),
    initContainers: containersOf(spec.initContainers),
    hostPaths: volumes.flatMap((volume) => {
      const hostPath = volume.hostPath as { path?: unknown } | undefined;
      return typeof hostPath?.path === 'string' ? [hostPath.path] : [];
    }),
  };
}

function podSpecObject(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const spec = object.spec as Record<string, unknown> | undefined;
  if (!spec) return undefined;
  if (object.kind === 'Pod') return spec;
  if (['Deployment', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicaSet'].includes(String(object.kind))) {
    const template = spec.template as { spec?: Record<string, unknown> } | undefined;
    return template?.spec;
  }
  return undefined;
}

function containersOf(list: unknown): ContainerView[] {
  if (!Array.isArray(list)) return [];
  return (list as Record<string, unknown>[]).map((raw) => {
    const securityContext = raw.securityContext as { privileged?: unknown } | undefined;
    return { name: String(raw.name), image: raw.image, privileged: securityContext?.privileged === true, raw };
  });
}
