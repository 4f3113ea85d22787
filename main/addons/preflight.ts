// Checks an add-on's cluster requirements against the spec the cluster was created from:
// host port mappings cannot be added to a running node container, so a missing one is an
// input error with the fix (recreate with spec.portMappings), before anything is applied.
import { Conflict } from '../errors.js';
import type { ClusterSpec, PortMapping } from '../spec/index.js';
import type { AddonBundle } from './load-bundle.js';

/** Container port → host port of the cluster's port mappings (TCP and UDP alike). */
export function hostPortsOf(spec: ClusterSpec | undefined): Record<string, number> {
  const ports: Record<string, number> = {};
  for (const mapping of spec?.spec.portMappings ?? []) ports[String(mapping.containerPort)] = mapping.hostPort;
  return ports;
}

type PortRequirement = AddonBundle['document']['clusterRequirements']['portMappings'][number];

/** The bundle's port mappings that `present` lacks (matched by container port and protocol), optional ones too. */
export function unmappedPorts(
  bundle: AddonBundle,
  present: readonly Pick<PortMapping, 'containerPort' | 'protocol'>[],
): PortRequirement[] {
  return bundle.document.clusterRequirements.portMappings.filter(
    (need) => !present.some((m) => m.containerPort === need.containerPort && m.protocol === need.protocol),
  );
}

/** The bundle's required port mappings that `present` lacks. */
export function missingPortMappings(
  bundle: AddonBundle,
  present: readonly Pick<PortMapping, 'containerPort' | 'protocol'>[],
): PortRequirement[] {
  return unmappedPorts(bundle, present).filter((need) => !need.optional);
}

/** Throw Conflict naming the bundle and the missing mappings when requirements are not met. */
export function checkClusterRequirements(bundle: AddonBundle, cluster: string, spec: ClusterSpec | undefined): void {
  const missing = missingPortMappings(bundle, spec?.spec.portMappings ?? []);
  if (missing.length === 0) return;
  const list = missing.map((m) => `${String(m.containerPort)}/${m.protocol} (${m.reason})`).join(', ');
  const example = missing
    .map((m) => `{hostPort: ${String(m.containerPort)}, containerPort: ${String(m.containerPort)}}`)
    .join(', ');
  throw new Conflict(
    `add-on "${bundle.name}" needs host port mappings that cluster "${cluster}" was created without: container port ${list}`,
    {
      hint: `port mappings are fixed at create time: recreate the cluster with spec.portMappings: [${example}] (any free host ports work)`,
    },
  );
}
