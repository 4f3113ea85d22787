// Host port mappings published from the ingress-ready node. Two bindings clash when they share
// a port and protocol on overlapping addresses (0.0.0.0 overlaps every address), so 53/TCP
// and 53/UDP, or one port on two distinct addresses, can coexist.
import { z } from 'zod';
import { IPV4_PATTERN, listenAddressesOverlap } from '../lib/cidr.js';
import { alwaysCheck, fieldOf } from './list-checks.js';
import { ipv4Address, port } from './networking-schema.js';

export const portMappingSchema = z.strictObject({
  hostPort: port('hostPort', 1).meta({ description: 'port on the host, 1-65535' }),
  containerPort: port('containerPort', 1).meta({ description: 'port on the ingress-ready node, 1-65535' }),
  protocol: z
    .enum(['TCP', 'UDP'], { error: 'protocol must be TCP or UDP' })
    .default('TCP')
    .meta({ description: 'TCP or UDP' }),
  listenAddress: ipv4Address('listenAddress')
    .default('127.0.0.1')
    .meta({ description: 'host IPv4 address to listen on; 0.0.0.0 means every address' }),
});

/** A host-side binding: what two publishers may not both claim. */
export interface HostBinding {
  address: string;
  port: number;
  protocol: string;
}

/** True when the two bindings cannot both be bound on the host. */
export function bindingsClash(a: HostBinding, b: HostBinding): boolean {
  return a.port === b.port && a.protocol === b.protocol && listenAddressesOverlap(a.address, b.address);
}

/** The binding of a (possibly invalid) mapping item, or undefined when its own fields are invalid. */
export function bindingOf(item: unknown): HostBinding | undefined {
  const address = fieldOf(item, 'listenAddress');
  const hostPort = fieldOf(item, 'hostPort');
  const protocol = fieldOf(item, 'protocol');
  if (typeof address !== 'string' || !IPV4_PATTERN.test(address)) return undefined;
  if (typeof hostPort !== 'number' || !Number.isInteger(hostPort)) return undefined;
  if (protocol !== 'TCP' && protocol !== 'UDP') return undefined;
  return { address, port: hostPort, protocol };
}

export function describeBinding(binding: HostBinding): string {
  return `${String(binding.port)}/${binding.protocol} on ${binding.address}`;
}

function noClashingHostPorts(items: readonly unknown[], ctx: z.RefinementCtx<unknown[]>): void {
  if (!Array.isArray(items)) return;
  const bindings = items.map(bindingOf);
  bindings.forEach((binding, index) => {
    if (!binding) return;
    const first = bindings.findIndex((other, at) => at < index && other !== undefined && bindingsClash(other, binding));
    if (first < 0) return;
    ctx.addIssue({
      code: 'custom',
      path: [index, 'hostPort'],
      message: `host port ${describeBinding(binding)} is already mapped by portMappings[${String(first)}]; each host address, port and protocol can be published once`,
    });
  });
}

export const portMappingsSchema = z
  .array(portMappingSchema)
  .default([])
  .superRefine(noClashingHostPorts, alwaysCheck)
  .meta({
    description:
      'host ports published from the node labelled ingress-ready=true (the first control plane unless a pool carries the label)',
  });
