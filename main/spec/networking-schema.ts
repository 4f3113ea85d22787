// The cluster's networking: pod and service ranges and where the API server is published.
import { z } from 'zod';
import { IPV4_CIDR_PATTERN, IPV4_PATTERN, cidrsOverlap, parseIpv4Cidr } from '../lib/cidr.js';

/** Each node gets a /24 of the pod range (kube-controller-manager's IPv4 node CIDR mask). */
export const NODE_POD_PREFIX = 24;
/** kube-apiserver refuses an IPv4 service range larger than a /12. */
export const MAX_SERVICE_PREFIX = 12;

export const DEFAULT_NETWORKING = {
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  apiServerAddress: '127.0.0.1',
  apiServerPort: 0,
};

const ipv4Cidr = (what: string) =>
  z
    .string()
    .regex(IPV4_CIDR_PATTERN, {
      message: `${what} must be an IPv4 network in CIDR form such as 10.244.0.0/16`,
      abort: true,
    })
    .refine((text) => parseIpv4Cidr(text) !== undefined, {
      message: `${what} must be a network address with no host bits set, such as 10.244.0.0/16`,
      abort: true,
    });

/** A host port, or the API server port (0 = any free port). */
export const port = (what: string, min: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be between ${String(min)} and 65535`)
    .max(65535, `${what} must be between ${String(min)} and 65535`);

/** A dotted-quad IPv4 address (the pattern is also published in the JSON Schema). */
export const ipv4Address = (what: string) =>
  z.string().regex(IPV4_PATTERN, `${what} must be an IPv4 address such as 127.0.0.1`);

const prefixOf = (cidr: string) => parseIpv4Cidr(cidr)?.prefix ?? 0;

const podSubnet = ipv4Cidr('podSubnet').refine((cidr) => prefixOf(cidr) <= NODE_POD_PREFIX, {
  message: `podSubnet must be a /${String(NODE_POD_PREFIX)} or a larger range (prefix length ${String(NODE_POD_PREFIX)} or less): each node gets a /${String(NODE_POD_PREFIX)} of it for its pods`,
});

const serviceSubnet = ipv4Cidr('serviceSubnet').refine((cidr) => prefixOf(cidr) >= MAX_SERVICE_PREFIX, {
  message: `serviceSubnet must be a /${String(MAX_SERVICE_PREFIX)} or a smaller range (prefix length ${String(MAX_SERVICE_PREFIX)} or more): kube-apiserver refuses larger Service ranges`,
});

export const networkingSchema = z
  .strictObject({
    podSubnet: podSubnet.default(DEFAULT_NETWORKING.podSubnet).meta({
      description: `IPv4 range of pod addresses; each node gets a /${String(NODE_POD_PREFIX)} of it`,
    }),
    serviceSubnet: serviceSubnet.default(DEFAULT_NETWORKING.serviceSubnet).meta({
      description: `IPv4 range of Service addresses, /${String(MAX_SERVICE_PREFIX)} or smaller, not overlapping podSubnet`,
    }),
    apiServerAddress: ipv4Address('apiServerAddress')
      .default(DEFAULT_NETWORKING.apiServerAddress)
      .meta({ description: 'host IPv4 address the Kubernetes API is published on' }),
    apiServerPort: port('apiServerPort', 0)
      .default(DEFAULT_NETWORKING.apiServerPort)
      .meta({ description: 'host port of the Kubernetes API; 0 picks a free port' }),
  })
  .superRefine((net, ctx) => {
    const pods = parseIpv4Cidr(net.podSubnet);
    const services = parseIpv4Cidr(net.serviceSubnet);
    if (pods && services && cidrsOverlap(pods, services)) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceSubnet'],
        message: `serviceSubnet ${net.serviceSubnet} overlaps podSubnet ${net.podSubnet}; choose ranges that do not share addresses`,
      });
    }
  });

/** How many nodes a pod range can serve (one /24 each); 0 when it is not a valid range. */
export function podRangesIn(podSubnetText: string): number {
  const pods = parseIpv4Cidr(podSubnetText);
  return pods && pods.prefix <= NODE_POD_PREFIX ? 2 ** (NODE_POD_PREFIX - pods.prefix) : 0;
}
