// The JSON Schemas Slipway publishes, by repository path. Add a line here for a new schema.
import { addonBundleJsonSchema } from '../main/addons/json-schema.js';
import { clusterSpecJsonSchema } from '../main/spec/index.js';

export function publishedSchemas(): Record<string, Record<string, unknown>> {
  return {
    'schemas/cluster.schema.json': clusterSpecJsonSchema(),
    'schemas/addon.schema.json': addonBundleJsonSchema(),
  };
}
