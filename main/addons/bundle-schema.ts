// The add-on bundle format (addons/<name>/addon.yaml) as a Zod schema: the single source of
// the strict loader and of the published schemas/addon.schema.json. Bundles are data: the only
// host work they can ask for is the typed operations in `hostOperations`.
import { z } from 'zod';
import { bundleParametersSchema } from './parameter-schema.js';
import { DNS1123_LABEL } from '../lib/dns-names.js';
import { EXPORT_TARGETS } from '../lib/export-targets.js';

export const BUNDLE_API_VERSION = 'slipway.dev/v1alpha1';
export const BUNDLE_KIND = 'AddonBundle';

const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const capability = /^[a-z0-9]+(\.[a-z0-9-]+)+$/;
/** A value written as `${params.x}` (or another placeholder) that renders to the given type. */
const placeholder = z
  .string()
  .regex(/^\$\{[a-z]+(\.[A-Za-z0-9_-]+)+\}$/, 'must be a placeholder such as ${params.hostPort}');
const templatedPort = z.union([z.int().min(1).max(65535), placeholder], {
  error: 'must be a port 1-65535 or a placeholder such as ${params.httpPort}',
});
const name = (what: string) => z.string().min(1).max(63).regex(DNS1123_LABEL, `${what} must be a DNS-1123 label`);

const imageSchema = z
  .strictObject({
    ref: z
      .string()
      .regex(
        /^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+:[A-Za-z0-9._-]+$/,
        'ref must be registry/repository:tag, e.g. registry.k8s.io/metrics-server/metrics-server:v0.9.0',
      ),
    digest: z
      .string()
      .regex(/^sha256:[a-f0-9]{64}$/, 'digest must be sha256: and 64 hex digits')
      .optional(),
    /** Whether images/addons/build.sh can build it offline; false says why not in `note`. */
    hermetic: z.boolean().default(false),
    note: z.string().optional(),
  })
  .refine((image) => image.ref.startsWith('localhost/') || image.digest !== undefined, {
    message: 'upstream images must be pinned with a digest',
    path: ['digest'],
  });

/** A condition on parameters or on other add-ons, evaluated at render time. */
export const whenSchema = z
  .strictObject({
    param: z.string().optional(),
    equals: z.unknown().optional(),
    in: z.array(z.unknown()).optional(),
    addonEnabled: name('addonEnabled').optional(),
  })
  .refine((when) => (when.param === undefined) !== (when.addonEnabled === undefined), {
    message: 'when needs exactly one of param or addonEnabled',
  });

const requirementSchema = z
  .strictObject({
    addon: name('addon').optional(),
    capability: z.string().regex(capability, 'a capability is dotted lower-case, e.g. ingress.controller').optional(),
    optional: z.boolean().default(false),
    reason: z.string().optional(),
  })
  .refine((req) => (req.addon === undefined) !== (req.capability === undefined), {
    message: 'a requirement names exactly one of addon or capability',
  });

const clusterRequirementsSchema = z
  .strictObject({
    portMappings: z
      .array(
        z.strictObject({
          containerPort: z.int().min(1).max(65535),
          protocol: z.enum(['TCP', 'UDP']).default('TCP'),
          reason: z.string(),
          /** The add-on works without it (HTTPS beside HTTP): leaving it unmapped is a warning. */
          optional: z.boolean().default(false),
        }),
      )
      .default([]),
  })
  .default({ portMappings: [] });

const registryContainerSchema = z.strictObject({
  image: z.string().describe('key in images'),
  name: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  hostPort: templatedPort,
  containerPort: z.int().min(1).max(65535),
  volume: z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/),
  env: z
    .record(z.string().regex(/^REGISTRY_[A-Z0-9_]+$/, 'only REGISTRY_* settings may be passed'), z.string())
    .default({}),
});

const nodeRegistryMirrorSchema = z.strictObject({
  registryHost: z.string(),
  endpoint: z.string().regex(/^https?:\/\//, 'endpoint must be an http(s) URL'),
});

const hostOperationSchema = z.union([
  z.strictObject({ registryContainer: registryContainerSchema }),
  z.strictObject({ nodeRegistryMirror: nodeRegistryMirrorSchema }),
]);

const phaseSchema = z.strictObject({
  name: name('phase name'),
  manifests: z.array(z.string().regex(/^manifests\/[A-Za-z0-9._/-]+$/, 'manifest paths live under manifests/')).min(1),
  when: whenSchema.optional(),
});

const objectRef = z.strictObject({ namespace: z.string().optional(), name: z.string() });

const readinessCheckSchema = z.union([
  z.strictObject({ rollout: objectRef.extend({ kind: z.enum(['Deployment', 'DaemonSet', 'StatefulSet']) }) }),
  z.strictObject({
    condition: objectRef.extend({
      apiVersion: z.string(),
      kind: z.string(),
      type: z.string(),
      status: z.enum(['True', 'False']).default('True'),
    }),
  }),
  z.strictObject({ csiNodeDriver: z.strictObject({ driver: z.string(), nodes: z.literal('all').default('all') }) }),
  z.strictObject({ http: z.strictObject({ url: z.string(), expectStatus: z.array(z.int()).min(1) }) }),
  z.strictObject({ nodeFile: z.strictObject({ path: z.string().startsWith('/etc/containerd/certs.d/') }) }),
]);

const outputSchema = z.union([
  z.strictObject({ name: z.string(), description: z.string(), url: z.string(), when: whenSchema.optional() }),
  z.strictObject({ name: z.string(), description: z.string(), value: z.string(), when: whenSchema.optional() }),
  z.strictObject({
    name: z.string(),
    description: z.string(),
    token: z.strictObject({
      serviceAccount: objectRef.required(),
      expirationSeconds: z.int().min(600).max(86400).default(3600),
    }),
  }),
  z.strictObject({
    name: z.string(),
    description: z.string(),
    portForward: z.strictObject({
      service: objectRef.required(),
      port: z.int().min(1).max(65535),
      path: z.string().default('/'),
    }),
  }),
]);

const uninstallSchema = z
  .strictObject({
    /** Data that disable must not delete without confirmation (`--yes`). */
    dataChecks: z
      .array(
        z.union([
          z.strictObject({ persistentVolumesOfDriver: z.string() }),
          z.strictObject({ hostVolume: z.string() }),
          z.strictObject({ customResources: z.literal(true) }),
        ]),
      )
      .default([]),
    note: z.string().optional(),
  })
  .default({ dataChecks: [] });

const exportHintSchema = z.strictObject({
  action: z.enum(['keep', 'replace', 'omit', 'builtin']),
  with: z.string().optional(),
  note: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const addonBundleSchema = z.strictObject({
  apiVersion: z.literal(BUNDLE_API_VERSION, { error: `apiVersion must be ${BUNDLE_API_VERSION}` }),
  kind: z.literal(BUNDLE_KIND, { error: `kind must be ${BUNDLE_KIND}` }),
  metadata: z.strictObject({
    name: name('metadata.name'),
    version: z.string().regex(semver, 'version must be semver, e.g. 1.0.0'),
    displayName: z.string().min(1),
    description: z.string().min(1),
    upstream: z
      .array(z.strictObject({ name: z.string(), version: z.string(), source: z.string().optional() }))
      .default([]),
    license: z.string().optional(),
  }),
  images: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'image keys are lower-case words'), imageSchema).default({}),
  parameters: bundleParametersSchema,
  provides: z
    .array(z.string().regex(capability, 'a capability is dotted lower-case, e.g. ingress.controller'))
    .default([]),
  requires: z.array(requirementSchema).default([]),
  conflicts: z.array(z.string().regex(capability)).default([]),
  clusterRequirements: clusterRequirementsSchema,
  permissions: z
    .strictObject({
      hostPaths: z.array(z.string().startsWith('/')).default([]),
      privileged: z.boolean().default(false),
      namespaces: z.array(z.string()).default([]),
    })
    .default({ hostPaths: [], privileged: false, namespaces: [] }),
  hostOperations: z.array(hostOperationSchema).default([]),
  phases: z.array(phaseSchema).default([]),
  readiness: z
    .strictObject({
      timeoutSeconds: z.int().min(10).max(1800).default(300),
      checks: z.array(readinessCheckSchema).default([]),
    })
    .default({ timeoutSeconds: 300, checks: [] }),
  outputs: z.array(outputSchema).default([]),
  uninstall: uninstallSchema,
  exports: z.partialRecord(z.enum(EXPORT_TARGETS), exportHintSchema).default({}),
});

export type AddonBundleDocument = z.output<typeof addonBundleSchema>;
export type BundleImage = AddonBundleDocument['images'][string];
export type When = z.output<typeof whenSchema>;
export type Phase = AddonBundleDocument['phases'][number];
export type HostOperation = AddonBundleDocument['hostOperations'][number];
export type ReadinessCheck = AddonBundleDocument['readiness']['checks'][number];
export type OutputDeclaration = AddonBundleDocument['outputs'][number];
export type DataCheck = AddonBundleDocument['uninstall']['dataChecks'][number];
