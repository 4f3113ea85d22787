// The published JSON Schema of the cluster spec, generated from the same Zod source as the
// loader. schemas/cluster.schema.json is this output; a test fails when the file is stale.
import { z } from 'zod';
import { clusterSpecSchema } from './schema.js';

export function clusterSpecJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(clusterSpecSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://slipway.dev/schemas/cluster.schema.json',
    title: 'Slipway Cluster',
    description: 'A local Kubernetes cluster for Slipway (apiVersion slipway.dev/v1alpha1, kind Cluster).',
  };
}
