// The JSON Schemas Slipway publishes, by repository path. Add a line here for a new schema.
import { clusterSpecJsonSchema } from '../main/spec/index.js';

export function publishedSchemas(): Record<string, Record<string, unknown>> {
  return {
    'schemas/cluster.schema.json': clusterSpecJsonSchema(),
  };
}
