// Choosing the cluster network's subnet and the static node addresses inside it. Addresses
// are pinned (fixed IPAM subnet + one static address per node) so that stop/start, a Docker
// daemon restart or a host reboot never changes them: kubeadm certificates, etcd peer URLs
// and kubelet configs all carry node addresses (kind#2715, kind#1689).
import { cidrsOverlap, parseIpv4Cidr, type Ipv4Cidr } from './cidr.js';

/** /24 networks between 172.18.0.0 and 172.31.255.0: 3,584 candidates. */
const FIRST_CANDIDATE = (172 * 256 + 18) * 65536;
const CANDIDATE_COUNT = 14 * 256;

/** Host offsets inside the /24 (the gateway is .1; Docker hands out .128-.254 to others). */
export const Offset = { gateway: 1, loadBalancer: 9, firstControlPlane: 10, firstWorker: 20, lastStatic: 127 } as const;
export const MAX_WORKERS = Offset.lastStatic - Offset.firstWorker + 1;

/** Dotted-quad text of an unsigned 32-bit address. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => String(Math.floor(value / 2 ** shift) % 256)).join('.');
}

/** Stable starting point per cluster name, so a name tends to get the same subnet. */
function hashName(name: string): number {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash % CANDIDATE_COUNT;
}

/** The first free /24 for this cluster, avoiding every range in use (networks, pods, services). */
export function chooseSubnet(clusterName: string, inUse: readonly string[]): string | undefined {
  const taken = inUse.map((text) => parseIpv4Cidr(text)).filter((c): c is Ipv4Cidr => c !== undefined);
  const start = hashName(clusterName);
  for (let step = 0; step < CANDIDATE_COUNT; step++) {
    const network = FIRST_CANDIDATE + ((start + step) % CANDIDATE_COUNT) * 256;
    const candidate = { network, prefix: 24 };
    if (!taken.some((range) => cidrsOverlap(range, candidate))) return `${formatIpv4(network)}/24`;
  }
  return undefined;
}

/** Address at a host offset inside a subnet given as text (e.g. 10.96.0.0/16, 10 → 10.96.0.10). */
export function addressAt(subnet: string, offset: number): string {
  const parsed = parseIpv4Cidr(subnet);
  if (!parsed) throw new Error(`not a subnet: ${subnet}`);
  return formatIpv4(parsed.network + offset);
}

/** The dynamic-allocation half of the /24 (.128/25). */
export function dynamicRange(subnet: string): string {
  return `${addressAt(subnet, 128)}/25`;
}
