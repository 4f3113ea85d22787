// A worker pool of the cluster spec: name, replica count, node labels, taints and resources.
import { z } from 'zod';
import {
  LABEL_VALUE_PATTERN,
  NODE_LABEL_KEY_PATTERN,
  QUALIFIED_NAME_PATTERN,
  labelValueMessage,
  qualifiedNameProblems,
} from './label-rules.js';
import { alwaysCheck, fieldOf } from './list-checks.js';
import { nodeResourcesSchema } from './node-resources.js';
import { quote } from './quote.js';
import { DNS1123_LABEL } from '../lib/dns-names.js';

/** Longest cluster and pool name: both go into node names, which are hostnames. */
export const MAX_NAME = 32;
export const DEFAULT_POOL_REPLICAS = 2;
export const MAX_POOL_REPLICAS = 20;

/** A DNS-1123 label of at most `max` characters (`what` names the field in messages). */
export const dnsLabel = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${String(max)} characters`)
    .regex(
      DNS1123_LABEL,
      `${what} must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit`,
    );

/**
 * A pool's replica count read defensively from a value that may have other problems: the
 * default when absent, undefined when the schema refuses it (so cross-field checks do not
 * report it a second time).
 */
export function replicasOf(pool: unknown): number | undefined {
  const replicas = fieldOf(pool, 'replicas') ?? DEFAULT_POOL_REPLICAS;
  const valid =
    typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0 && replicas <= MAX_POOL_REPLICAS;
  return valid ? replicas : undefined;
}

const nodeLabels = z
  .record(
    z.string().meta({ pattern: NODE_LABEL_KEY_PATTERN }),
    z
      .string({ error: 'label values must be strings (quote numbers and booleans)' })
      .regex(LABEL_VALUE_PATTERN, { error: (issue) => labelValueMessage('label value', issue.input) }),
  )
  .superRefine((labels: unknown, ctx) => {
    // Runs even when the labels are not a mapping at all (alwaysCheck): then there are no keys.
    if (labels === null || typeof labels !== 'object') return;
    // A key's problems point at the key itself (params.atKey), not at its value.
    for (const key of Object.keys(labels)) {
      for (const message of qualifiedNameProblems(key, true))
        ctx.addIssue({ code: 'custom', message, path: [key], params: { atKey: true } });
    }
  }, alwaysCheck);

const taint = z.strictObject({
  key: z
    .string()
    .superRefine((key, ctx) => {
      for (const message of qualifiedNameProblems(key, false)) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ description: 'taint key: `name` or `prefix/name`', pattern: QUALIFIED_NAME_PATTERN }),
  value: z
    .string()
    .regex(LABEL_VALUE_PATTERN, { error: (issue) => labelValueMessage('taint value', issue.input) })
    .optional()
    .meta({ description: 'taint value, following the label value rules' }),
  effect: z
    .enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute'], {
      error: 'effect must be one of NoSchedule, PreferNoSchedule, NoExecute',
    })
    .meta({ description: 'what the taint does to pods that do not tolerate it' }),
});

/** Kubernetes refuses a node with two taints of the same key and effect. */
function uniqueTaints(taints: readonly unknown[], ctx: z.RefinementCtx<unknown[]>): void {
  if (!Array.isArray(taints)) return;
  const seen = new Map<string, number>();
  taints.forEach((item: unknown, index) => {
    const key = fieldOf(item, 'key');
    const effect = fieldOf(item, 'effect');
    if (typeof key !== 'string' || typeof effect !== 'string') return;
    const identity = JSON.stringify([key, effect]);
    const first = seen.get(identity);
    if (first === undefined) seen.set(identity, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: [index, 'key'],
        message: `taint ${quote(key)} with effect ${quote(effect)} is already set by taints[${String(first)}]; a key and effect can be set once`,
      });
  });
}

export const workerPoolSchema = z.strictObject({
  name: dnsLabel('a worker pool name', MAX_NAME).meta({
    description: 'pool name: a DNS-1123 label, unique in the cluster; node names are CLUSTER-POOL-N',
  }),
  replicas: z
    .int('replicas must be a whole number')
    .min(0, 'replicas must be at least 0')
    .max(MAX_POOL_REPLICAS, `replicas must be at most ${String(MAX_POOL_REPLICAS)} per pool`)
    .default(DEFAULT_POOL_REPLICAS)
    .meta({ description: `number of nodes in the pool, 0 to ${String(MAX_POOL_REPLICAS)}` }),
  labels: nodeLabels.default({}).meta({
    description: 'node labels; keys may not use the kubernetes.io or k8s.io prefixes',
  }),
  taints: z
    .array(taint)
    .default([])
    .superRefine(uniqueTaints, alwaysCheck)
    .meta({ description: 'node taints, each key and effect at most once' }),
  resources: nodeResourcesSchema,
});
