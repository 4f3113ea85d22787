// A spec that enables an add-on needing host ports (ingress: 80, optionally 443) but maps none
// of them gets them chosen at create: the container port itself when it is free on loopback,
// else a free port. Each choice is reported, so the user learns where to connect. A spec
// that maps some of them is taken as written; an unmapped optional port is a warning.
import { pickFreePort, portIsFree } from '../engine/host-ports.js';
import type { ClusterSpec, PortMapping } from '../spec/index.js';
import { loadBundle, type BundleSource } from './load-bundle.js';
import { unmappedPorts } from './preflight.js';

const LOOPBACK = '127.0.0.1';

export interface HostPortChoices {
  /** The spec with the chosen mappings appended (the input when nothing was chosen). */
  spec: ClusterSpec;
  /** One line per chosen mapping, e.g. `ingress: host port 8080 → container port 80/TCP (HTTP ...)`. */
  notes: string[];
  /** Optional ports left unmapped by a spec that mapped the others. */
  warnings: string[];
}

export interface HostPortProbe {
  isFree(address: string, port: number, protocol: 'tcp' | 'udp'): Promise<boolean>;
  pickFree(address: string): Promise<number>;
}

const hostProbe: HostPortProbe = { isFree: portIsFree, pickFree: pickFreePort };

/** Choose host ports for the add-ons whose ports the spec leaves wholly unmapped. */
export async function chooseAddonHostPorts(
  spec: ClusterSpec,
  options: { bundles?: BundleSource; probe?: HostPortProbe } = {},
): Promise<HostPortChoices> {
  const probe = options.probe ?? hostProbe;
  const mappings: PortMapping[] = [...spec.spec.portMappings];
  const notes: string[] = [];
  const warnings: string[] = [];
  for (const addon of spec.spec.addons) {
    const bundle = await loadBundle(addon.name, options.bundles);
    const wanted = bundle.document.clusterRequirements.portMappings;
    const unmapped = unmappedPorts(bundle, mappings);
    if (unmapped.length < wanted.length) {
      for (const need of unmapped.filter((item) => item.optional))
        warnings.push(
          `${addon.name}: container port ${String(need.containerPort)}/${need.protocol} is not mapped, so ${need.reason} is off`,
        );
      continue;
    }
    for (const need of unmapped) {
      const hostPort = await freeHostPort(need.containerPort, need.protocol, mappings, probe);
      mappings.push({ hostPort, containerPort: need.containerPort, protocol: need.protocol, listenAddress: LOOPBACK });
      notes.push(
        `${addon.name}: host port ${String(hostPort)} → container port ${String(need.containerPort)}/${need.protocol} (${need.reason})`,
      );
    }
  }
  if (notes.length === 0) return { spec, notes, warnings };
  return { spec: { ...spec, spec: { ...spec.spec, portMappings: mappings } }, notes, warnings };
}

async function freeHostPort(
  preferred: number,
  protocol: 'TCP' | 'UDP',
  taken: readonly PortMapping[],
  probe: HostPortProbe,
): Promise<number> {
  const used = (port: number) => taken.some((mapping) => mapping.hostPort === port && mapping.protocol === protocol);
  const transport = protocol === 'TCP' ? 'tcp' : 'udp';
  if (!used(preferred) && (await probe.isFree(LOOPBACK, preferred, transport))) return preferred;
  for (;;) {
    const port = await probe.pickFree(LOOPBACK);
    if (!used(port)) return port;
  }
}
