// The cluster spec (docs/spec.md) as a Zod schema: the single source of the strict loader, the
// defaults and the published JSON Schema (schemas/cluster.schema.json). The parts live in
// their own files; this one assembles them and checks the rules that span them.
import { z } from 'zod';
import { IMAGE_REFERENCE_OR_EMPTY_PATTERN, MAX_IMAGE_REFERENCE } from './image-reference.js';
import { KNOWN_ADDONS } from './known-addons.js';
import { alwaysCheck, fieldOf, uniqueField } from './list-checks.js';
import { DEFAULT_NETWORKING, NODE_POD_PREFIX, networkingSchema, podRangesIn } from './networking-schema.js';
import { bindingOf, bindingsClash, describeBinding, portMappingsSchema } from './port-mappings-schema.js';
import { DEFAULT_RELEASE, HERMETIC_NODE_REPOSITORY, KUBERNETES_VERSION_PATTERN, lookUpRelease } from './releases.js';
import { DEFAULT_POOL_REPLICAS, MAX_NAME, dnsLabel, replicasOf, workerPoolSchema } from './worker-pool-schema.js';

export { qualifiedNameProblems } from './label-rules.js';

export const API_VERSION = 'slipway.dev/v1alpha1';
export const KIND = 'Cluster';

export const addonRefSchema = z.strictObject({
  name: z
    .enum(KNOWN_ADDONS, { error: `unknown add-on; known add-ons are ${KNOWN_ADDONS.join(', ')}` })
    .meta({ description: 'add-on bundle name (addons/<name>/)' }),
  params: z
    .record(z.string(), z.unknown())
    .default({})
    .meta({ description: "the bundle's parameters; checked against its parameter schema by validate and create" }),
});

const defaultWorkers = [{ name: 'workers', replicas: DEFAULT_POOL_REPLICAS, labels: {}, taints: [], resources: {} }];

/** Pod ranges must hold one /24 per node (control planes and workers; not the load balancer). */
function podSubnetHoldsEveryNode(spec: unknown, ctx: z.RefinementCtx): void {
  const podSubnet = fieldOf(fieldOf(spec, 'networking'), 'podSubnet');
  const ranges = typeof podSubnet === 'string' ? podRangesIn(podSubnet) : 0;
  const nodes = nodeCount(spec);
  if (ranges === 0 || nodes === undefined || nodes <= ranges) return;
  const needed = NODE_POD_PREFIX - Math.ceil(Math.log2(nodes));
  ctx.addIssue({
    code: 'custom',
    path: ['networking', 'podSubnet'],
    message: `podSubnet ${String(podSubnet)} holds ${String(ranges)} node range${ranges === 1 ? '' : 's'} (a /${String(NODE_POD_PREFIX)} each) but the cluster has ${String(nodes)} nodes; use a /${String(needed)} or larger`,
  });
}

/** Control planes plus workers, or undefined when a count is itself invalid. */
function nodeCount(spec: unknown): number | undefined {
  const controlPlanes = fieldOf(fieldOf(spec, 'controlPlane'), 'replicas');
  const pools = fieldOf(spec, 'workers');
  if (controlPlanes !== 1 && controlPlanes !== 3 && controlPlanes !== 5) return undefined;
  if (!Array.isArray(pools)) return undefined;
  const workers = pools.map(replicasOf);
  if (!workers.every((n) => n !== undefined)) return undefined;
  return workers.reduce((sum, n) => sum + n, controlPlanes);
}

/** The API server's host binding (TCP) must not clash with a port mapping's. */
function apiServerPortIsFree(spec: unknown, ctx: z.RefinementCtx): void {
  const networking = fieldOf(spec, 'networking');
  const api = bindingOf({
    listenAddress: fieldOf(networking, 'apiServerAddress'),
    hostPort: fieldOf(networking, 'apiServerPort'),
    protocol: 'TCP',
  });
  const mappings = fieldOf(spec, 'portMappings');
  if (!api || api.port === 0 || !Array.isArray(mappings)) return;
  const clash = mappings.findIndex((mapping: unknown) => {
    const binding = bindingOf(mapping);
    return binding !== undefined && bindingsClash(binding, api);
  });
  if (clash < 0) return;
  ctx.addIssue({
    code: 'custom',
    path: ['networking', 'apiServerPort'],
    message: `apiServerPort ${describeBinding(api)} is also mapped by portMappings[${String(clash)}]; choose another port, or 0 for any free port`,
  });
}

/** Unknown and retired releases are refused with the list of supported ones. */
function isSupportedRelease(version: string, ctx: z.RefinementCtx): void {
  const found = lookUpRelease(version);
  if (!found.ok) ctx.addIssue({ code: 'custom', message: found.message });
}

const specSchema = z
  .strictObject({
    kubernetesVersion: z
      .string()
      .regex(KUBERNETES_VERSION_PATTERN, {
        message: `kubernetesVersion must be a minor such as v${DEFAULT_RELEASE.minor} or a patch such as ${DEFAULT_RELEASE.patch}`,
        abort: true,
      })
      .superRefine(isSupportedRelease)
      .optional()
      .meta({
        description: `Kubernetes release, a minor (v${DEFAULT_RELEASE.minor}) or a patch (${DEFAULT_RELEASE.patch}) from \`slipway releases\`; default: the newest supported release`,
      }),
    nodeImage: z
      .string()
      .max(MAX_IMAGE_REFERENCE, { message: 'nodeImage is too long for an image reference', abort: true })
      .regex(
        IMAGE_REFERENCE_OR_EMPTY_PATTERN,
        `nodeImage must be an image reference such as kindest/node:v1.36.1 or ${HERMETIC_NODE_REPOSITORY}:${DEFAULT_RELEASE.patch}, or "" for the default`,
      )
      .optional()
      .meta({ description: 'node image reference; "" or absent lets the engine choose' }),
    controlPlane: z
      .strictObject({
        replicas: z
          .union([z.literal(1), z.literal(3), z.literal(5)], {
            error: 'control-plane replicas must be 1, 3 or 5 (an odd number keeps etcd quorum)',
          })
          .default(1)
          .meta({ description: 'control-plane nodes: 1, 3 or 5; more than 1 puts the API behind a load balancer' }),
      })
      .default({ replicas: 1 })
      .meta({ description: 'the control-plane nodes' }),
    workers: z
      .array(workerPoolSchema)
      .default(defaultWorkers)
      .superRefine(
        uniqueField(
          'name',
          (name, first) => `pool name ${name} is already used by workers[${String(first)}]; pool names must be unique`,
        ),
        alwaysCheck,
      )
      .meta({ description: 'worker pools; [] for a single-node cluster' }),
    networking: networkingSchema
      .default(DEFAULT_NETWORKING)
      .meta({ description: 'pod and Service ranges, and where the Kubernetes API is published on the host' }),
    portMappings: portMappingsSchema,
    addons: z
      .array(addonRefSchema)
      .default([])
      .superRefine(
        uniqueField('name', (name, first) => `add-on ${name} is already listed at addons[${String(first)}]`),
        alwaysCheck,
      )
      .meta({ description: 'add-ons installed once the cluster is ready, each at most once' }),
  })
  .superRefine(podSubnetHoldsEveryNode, alwaysCheck)
  .superRefine(apiServerPortIsFree, alwaysCheck);

export const clusterSpecSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION, { error: `apiVersion must be ${API_VERSION}` }).meta({ description: API_VERSION }),
  kind: z.literal(KIND, { error: `kind must be ${KIND}` }).meta({ description: KIND }),
  metadata: z
    .strictObject({
      name: dnsLabel('metadata.name', MAX_NAME).meta({
        description: `cluster name: a DNS-1123 label of at most ${String(MAX_NAME)} characters`,
      }),
    })
    .meta({ description: "the cluster's name" }),
  spec: specSchema
    .default({
      controlPlane: { replicas: 1 },
      workers: defaultWorkers,
      networking: DEFAULT_NETWORKING,
      portMappings: [],
      addons: [],
    })
    .meta({ description: 'the cluster; every field is optional (default: one control plane, two workers)' }),
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
