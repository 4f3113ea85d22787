// Runtime validation of every invoke payload. The renderer is untrusted: main checks each
// payload against these schemas before any handler runs, and a mismatch comes back as an
// INVALID_PAYLOAD error value listing every problem. The `satisfies` clause ties each schema
// to the contract's payload type, so the two cannot drift.
import { z } from 'zod';
import { siteSetKeys } from '../export/site/schema.js';
import { namePatternProblem } from '../spec/name-pattern.js';
import { isPrototypeKey } from '../spec/yaml-keys.js';
import { nestedKeys } from '../addons/parameters.js';
import type { IpcChannel, PayloadOf } from './contract.js';
import { DNS1123_LABEL } from '../lib/dns-names.js';
import { RESTARTABLE_KINDS, WORKLOAD_KINDS } from './workloads/types.js';

const MAX_SPEC_CHARS = 1024 * 1024;
const MAX_PARAMS_JSON_CHARS = 64 * 1024;

const clusterName = z
  .string({ error: 'cluster name must be a string' })
  .min(1, 'cluster name must not be empty')
  .max(32, 'cluster name must be at most 32 characters')
  .regex(DNS1123_LABEL, 'cluster name must be a DNS-1123 label (lower-case letters, digits and -)');

const addonName = z
  .string({ error: 'add-on name must be a string' })
  .min(1, 'add-on name must not be empty')
  .max(63, 'add-on name must be at most 63 characters')
  .regex(DNS1123_LABEL, 'add-on name must be a DNS-1123 label');

const taskId = z
  .string({ error: 'taskId must be a string' })
  .regex(/^task-[0-9]{1,9}$/, 'taskId must look like task-12');

const streamId = z
  .string({ error: 'streamId must be a string' })
  .regex(/^logs-[0-9]{1,9}$/, 'streamId must look like logs-3');

// Keys are checked before zod copies them: zod drops an own `__proto__` key silently, and a
// nested one stays in the value for a later copy to trip over.
const params = z
  .unknown()
  .refine((value) => !nestedKeys(value).some(isPrototypeKey), {
    message: 'params must not use the key __proto__, constructor or prototype at any depth',
  })
  .pipe(z.record(z.string(), z.unknown()))
  .refine((value) => JSON.stringify(value).length <= MAX_PARAMS_JSON_CHARS, {
    message: `params must be at most ${String(MAX_PARAMS_JSON_CHARS)} characters as JSON`,
  });

const specText = z
  .string({ error: 'specText must be YAML text' })
  .max(MAX_SPEC_CHARS, 'specText must be at most 1 MiB');

// Only the site inputs that exist, as `section.key` (the export page's fields).
const siteKeys = new Set(siteSetKeys());
const site = z.record(
  z.string().refine((key) => siteKeys.has(key), {
    message: `site keys must be site inputs: ${[...siteKeys].join(', ')}`,
  }),
  z.string().max(4096, 'site values must be at most 4096 characters'),
);

// A word or a glob, never a RegExp: a hostile pattern must not be able to freeze main.
const podPattern = z.string({ error: 'podPattern must be a string' }).superRefine((pattern, context) => {
  const problem = namePatternProblem(pattern);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `podPattern ${problem}` });
});

const none = z.undefined({ error: 'this channel takes no payload' });
const clusterRef = z.strictObject({ name: clusterName });
const taskRef = z.strictObject({ taskId });
const streamRef = z.strictObject({ streamId });
const addonChange = z.strictObject({ cluster: clusterName, addon: addonName });

const watchId = z
  .string({ error: 'watchId must be a string' })
  .regex(/^watch-[0-9]{1,9}$/, 'watchId must look like watch-3');

const workloadKind = z.enum(WORKLOAD_KINDS, { error: `kind must be one of ${WORKLOAD_KINDS.join(', ')}` });

const kubeName = z
  .string({ error: 'name must be a string' })
  .min(1, 'name must not be empty')
  .max(253, 'name must be at most 253 characters')
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'name must be a Kubernetes object name');

const namespaceName = z.string().max(63).regex(DNS1123_LABEL, 'namespace must be a DNS-1123 label');

const workloadRef = z.strictObject({
  cluster: clusterName,
  kind: workloadKind,
  namespace: namespaceName.optional(),
  name: kubeName,
});

/** One schema per invoke channel. */
export const payloadSchemas = {
  'app:info': none,
  'app:features': none,
  'engine:status': none,
  'engine:refresh': none,
  'clusters:list': none,
  'clusters:get': clusterRef,
  'clusters:create': z.strictObject({
    specText,
    image: z.string().min(1).max(512, 'image must be at most 512 characters').optional(),
    retain: z.boolean({ error: 'retain must be true or false' }).optional(),
  }),
  'clusters:start': clusterRef,
  'clusters:stop': clusterRef,
  'clusters:delete': clusterRef,
  'clusters:kubeconfig': clusterRef,
  'clusters:spec': clusterRef,
  'clusters:use-context': clusterRef,
  'kubectl:current-context': none,
  'clusters:node-stats': clusterRef,
  'clusters:kube-nodes': clusterRef,
  'clusters:pods': clusterRef,
  'clusters:events': clusterRef,
  'tasks:list': none,
  'tasks:cancel': taskRef,
  'tasks:dismiss': taskRef,
  'doctor:run': none,
  'addons:catalog': none,
  'addons:list': clusterRef,
  'addons:enable': addonChange.extend({ params }),
  'addons:disable': addonChange.extend({
    data: z.enum(['keep', 'delete'], { error: 'data must be keep or delete' }).optional(),
  }),
  'addons:output': addonChange.extend({
    output: z
      .string()
      .min(1)
      .max(63)
      .regex(/^[A-Za-z0-9][-A-Za-z0-9_.]*$/, 'output must be an output name'),
  }),
  'export:targets': none,
  'export:render': z.strictObject({
    source: z.union([z.strictObject({ cluster: clusterName }), z.strictObject({ specText })], {
      error: 'source must be {cluster} or {specText}',
    }),
    target: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[a-z0-9-]+$/, 'target must be an id such as capi or gke'),
    site,
    options: z
      .strictObject({
        apiVersion: z.enum(['v1beta1', 'v1beta2'], { error: 'apiVersion must be v1beta1 or v1beta2' }).optional(),
        legacyTkc: z.boolean().optional(),
      })
      .optional(),
  }),
  'logs:follow': z.strictObject({
    cluster: clusterName,
    namespace: z.string().max(63).regex(DNS1123_LABEL, 'namespace must be a DNS-1123 label').optional(),
    podPattern: podPattern.optional(),
    tailLines: z.int().min(0).max(1000).optional(),
  }),
  'logs:stop': streamRef,
  'workloads:watch': z.strictObject({ cluster: clusterName, kind: workloadKind, namespace: namespaceName.optional() }),
  'workloads:unwatch': z.strictObject({ watchId }),
  'workloads:describe': workloadRef,
  'workloads:delete': workloadRef,
  'workloads:restart': workloadRef.refine((ref) => RESTARTABLE_KINDS.includes(ref.kind), {
    message: 'only deployments, statefulsets and daemonsets can be restarted',
    path: ['kind'],
  }),
  'workloads:logs': z.strictObject({
    cluster: clusterName,
    namespace: namespaceName,
    pod: kubeName,
    container: z.string().max(63).regex(DNS1123_LABEL, 'container must be a DNS-1123 label').optional(),
    tailLines: z.int().min(0).max(10_000).optional(),
    timestamps: z.boolean().optional(),
    follow: z.boolean().optional(),
  }),
} satisfies { [C in IpcChannel]: z.ZodType<PayloadOf<C>> };

/** Every invoke channel, from the schema table (the runtime twin of IpcInvokeMap's keys). */
export const ipcChannels = Object.keys(payloadSchemas) as IpcChannel[];

/** Whether a string names an invoke channel. */
export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && Object.hasOwn(payloadSchemas, value);
}
