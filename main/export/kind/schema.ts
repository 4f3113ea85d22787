// The kind cluster config (kind.x-k8s.io/v1alpha4) as a strict Zod schema: kind itself decodes
// strictly, so an unknown field is an error here too. Used to validate what we export and to
// read configs we import.
import { z } from 'zod';

export const KIND_API_VERSION = 'kind.x-k8s.io/v1alpha4';

const portMapping = z.strictObject({
  containerPort: z.int().min(0).max(65535),
  hostPort: z.int().min(-1).max(65535).optional(),
  listenAddress: z.string().optional(),
  protocol: z.enum(['TCP', 'UDP', 'SCTP'], { error: 'protocol must be TCP, UDP or SCTP' }).optional(),
});

const mount = z.strictObject({
  hostPath: z.string(),
  containerPath: z.string(),
  readOnly: z.boolean().optional(),
  selinuxRelabel: z.boolean().optional(),
  propagation: z.enum(['None', 'HostToContainer', 'Bidirectional']).optional(),
});

const node = z.strictObject({
  role: z.enum(['control-plane', 'worker'], { error: 'role must be control-plane or worker' }).default('control-plane'),
  image: z.string().optional(),
  labels: z.record(z.string(), z.string({ error: 'label values must be strings (quote "true")' })).optional(),
  extraMounts: z.array(mount).optional(),
  extraPortMappings: z.array(portMapping).optional(),
  kubeadmConfigPatches: z.array(z.string()).optional(),
  kubeadmConfigPatchesJSON6902: z.array(z.unknown()).optional(),
});

const networking = z.strictObject({
  ipFamily: z.enum(['ipv4', 'ipv6', 'dual']).optional(),
  apiServerPort: z.int().min(-1).max(65535).optional(),
  apiServerAddress: z.string().optional(),
  podSubnet: z.string().optional(),
  serviceSubnet: z.string().optional(),
  disableDefaultCNI: z.boolean().optional(),
  kubeProxyMode: z.enum(['iptables', 'ipvs', 'nftables', 'none']).optional(),
  dnsSearch: z.array(z.string()).nullable().optional(),
});

export const kindConfigSchema = z.strictObject({
  kind: z.literal('Cluster', { error: 'kind must be Cluster' }),
  apiVersion: z.literal(KIND_API_VERSION, { error: `apiVersion must be ${KIND_API_VERSION}` }),
  name: z.string().optional(),
  nodes: z.array(node).optional(),
  networking: networking.optional(),
  featureGates: z.record(z.string(), z.boolean()).optional(),
  runtimeConfig: z.record(z.string(), z.string()).optional(),
  kubeadmConfigPatches: z.array(z.string()).optional(),
  kubeadmConfigPatchesJSON6902: z.array(z.unknown()).optional(),
  containerdConfigPatches: z.array(z.string()).optional(),
  containerdConfigPatchesJSON6902: z.array(z.string()).optional(),
});

export type KindConfig = z.output<typeof kindConfigSchema>;
export type KindNode = NonNullable<KindConfig['nodes']>[number];
export type KindPortMapping = NonNullable<KindNode['extraPortMappings']>[number];
