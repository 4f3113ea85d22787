// The cluster spec (DESIGN §2) as a Zod schema: the single source of the strict loader, the
// defaults and the published JSON Schema (schemas/cluster.schema.json).
import { z } from 'zod';
import { cidrsOverlap, parseIpv4, parseIpv4Cidr } from './cidr.js';
import { KNOWN_ADDONS } from './known-addons.js';

export const API_VERSION = 'slipway.dev/v1alpha1';
export const KIND = 'Cluster';

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const labelNamePart = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const reservedPrefix = /(^|\.)(kubernetes\.io|k8s\.io)$/;

const dnsLabel = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${String(max)} characters`)
    .regex(
      dns1123Label,
      `${what} must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit`,
    );

/** Problems with a Kubernetes qualified name (`prefix/name` or `name`), or [] when valid. */
export function qualifiedNameProblems(key: string, forbidReservedPrefix: boolean): string[] {
  const parts = key.split('/');
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const problems: string[] = [];
  if (parts.length > 2) return [`"${key}" has more than one '/'`];
  if (name === undefined || name.length === 0 || name.length > 63 || !labelNamePart.test(name)) {
    problems.push(
      `"${key}": the name part must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
    );
  }
  if (prefix !== undefined && (prefix.length > 253 || !dns1123Subdomain.test(prefix))) {
    problems.push(`"${key}": the prefix must be a DNS subdomain such as example.com`);
  }
  if (forbidReservedPrefix && prefix !== undefined && reservedPrefix.test(prefix)) {
    problems.push(
      `"${key}": labels under kubernetes.io and k8s.io are reserved for Kubernetes; use your own prefix such as example.com/`,
    );
  }
  return problems;
}

const nodeLabels = z
  .record(z.string(), z.string({ error: 'label values must be strings (quote numbers and booleans)' }))
  .superRefine((labels, ctx) => {
    for (const [key, value] of Object.entries(labels)) {
      for (const message of qualifiedNameProblems(key, true)) ctx.addIssue({ code: 'custom', message, path: [key] });
      if (value.length > 63 || !labelValue.test(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `value "${value}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
        });
      }
    }
  });

const taint = z.strictObject({
  key: z.string().superRefine((key, ctx) => {
    for (const message of qualifiedNameProblems(key, false)) ctx.addIssue({ code: 'custom', message });
  }),
  value: z.string().max(63).regex(labelValue, 'taint values follow the label value rules').optional(),
  effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
    error: 'effect must be one of NoSchedule, PreferNoSchedule, NoExecute',
  }),
});

const resources = z.strictObject({
  cpus: z
    .string({ error: 'cpus must be a string such as "1.5" (quote it)' })
    .regex(/^(0\.\d*[1-9]\d*|[1-9]\d*(\.\d+)?)$/, 'cpus must be a positive decimal such as "1" or "1.5"')
    .optional(),
  memory: z
    .string({ error: 'memory must be a string such as 2Gi' })
    .regex(/^[1-9]\d*(Ki|Mi|Gi|Ti|K|M|G|T)?$/, 'memory must be a quantity such as 512Mi or 2Gi')
    .optional(),
});

const workerPool = z.strictObject({
  name: dnsLabel('a worker pool name', 32),
  replicas: z
    .int('replicas must be a whole number')
    .min(0, 'replicas must be at least 0')
    .max(20, 'replicas must be at most 20 per pool')
    .default(2),
  labels: nodeLabels.default({}),
  taints: z.array(taint).default([]),
  resources: resources.default({}),
});

const ipv4Cidr = (what: string) =>
  z.string().refine((text) => parseIpv4Cidr(text) !== undefined, {
    message: `${what} must be an IPv4 network in CIDR form with no host bits set, such as 10.244.0.0/16`,
  });

const port = (what: string, min: number) =>
  z
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be between ${String(min)} and 65535`)
    .max(65535, `${what} must be between ${String(min)} and 65535`);

const ipv4Address = (what: string) =>
  z
    .string()
    .refine((text) => parseIpv4(text) !== undefined, { message: `${what} must be an IPv4 address such as 127.0.0.1` });

const networking = z
  .strictObject({
    podSubnet: ipv4Cidr('podSubnet').default('10.244.0.0/16'),
    serviceSubnet: ipv4Cidr('serviceSubnet').default('10.96.0.0/16'),
    apiServerAddress: ipv4Address('apiServerAddress').default('127.0.0.1'),
    apiServerPort: port('apiServerPort', 0).default(0),
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

const portMapping = z.strictObject({
  hostPort: port('hostPort', 1),
  containerPort: port('containerPort', 1),
  protocol: z.enum(['TCP', 'UDP'], { error: 'protocol must be TCP or UDP' }).default('TCP'),
  listenAddress: ipv4Address('listenAddress').default('127.0.0.1'),
});

const addonRef = z.strictObject({
  name: z.enum(KNOWN_ADDONS, { error: `unknown add-on; known add-ons are ${KNOWN_ADDONS.join(', ')}` }),
  params: z.record(z.string(), z.unknown()).default({}),
});

// Uniqueness checks also run when other fields of the list are invalid, so that one pass
// reports every problem; they therefore read the raw items defensively.
const alwaysCheck = { when: () => true };

function uniqueField(field: string, message: (value: string, firstIndex: number) => string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx<unknown[]>) => {
    if (!Array.isArray(items)) return;
    const seen = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      const value = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
      if (typeof value !== 'string' && typeof value !== 'number') return;
      const key = String(value);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else ctx.addIssue({ code: 'custom', path: [index, field], message: message(key, first) });
    });
  };
}

const defaultWorkers = [{ name: 'workers', replicas: 2, labels: {}, taints: [], resources: {} }];

export const clusterSpecSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION, { error: `apiVersion must be ${API_VERSION}` }),
  kind: z.literal(KIND, { error: `kind must be ${KIND}` }),
  metadata: z.strictObject({ name: dnsLabel('metadata.name', 32) }),
  spec: z
    .strictObject({
      kubernetesVersion: z
        .string()
        .regex(/^v1\.\d+\.\d+$/, 'kubernetesVersion must look like v1.34.4')
        .optional(),
      nodeImage: z.string().optional(),
      controlPlane: z
        .strictObject({
          replicas: z
            .union([z.literal(1), z.literal(3), z.literal(5)], {
              error: 'control-plane replicas must be 1, 3 or 5 (an odd number keeps etcd quorum)',
            })
            .default(1),
        })
        .default({ replicas: 1 }),
      workers: z
        .array(workerPool)
        .default(defaultWorkers)
        .superRefine(
          uniqueField(
            'name',
            (name, first) =>
              `pool name "${name}" is already used by workers[${String(first)}]; pool names must be unique`,
          ),
          alwaysCheck,
        ),
      networking: networking.default({
        podSubnet: '10.244.0.0/16',
        serviceSubnet: '10.96.0.0/16',
        apiServerAddress: '127.0.0.1',
        apiServerPort: 0,
      }),
      portMappings: z
        .array(portMapping)
        .default([])
        .superRefine(
          uniqueField(
            'hostPort',
            (port, first) =>
              `host port ${port} is already mapped by portMappings[${String(first)}]; each host port can be published once`,
          ),
          alwaysCheck,
        ),
      addons: z
        .array(addonRef)
        .default([])
        .superRefine(
          uniqueField('name', (name, first) => `add-on "${name}" is already listed at addons[${String(first)}]`),
          alwaysCheck,
        ),
    })
    .default({
      controlPlane: { replicas: 1 },
      workers: defaultWorkers,
      networking: {
        podSubnet: '10.244.0.0/16',
        serviceSubnet: '10.96.0.0/16',
        apiServerAddress: '127.0.0.1',
        apiServerPort: 0,
      },
      portMappings: [],
      addons: [],
    }),
});

/** A spec as written by a user: optional fields may be absent. */
export type ClusterSpecInput = z.input<typeof clusterSpecSchema>;
/** A validated spec with every default filled in: what the engine and exporters consume. */
export type ClusterSpec = z.output<typeof clusterSpecSchema>;
export type WorkerPool = ClusterSpec['spec']['workers'][number];
export type Taint = WorkerPool['taints'][number];
export type PortMapping = ClusterSpec['spec']['portMappings'][number];
export type AddonRef = ClusterSpec['spec']['addons'][number];
export type Networking = ClusterSpec['spec']['networking'];
