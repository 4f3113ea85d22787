// The published JSON Schema of addon.yaml (schemas/addon.schema.json), generated from the same
// Zod source as the loader; a test fails when the file is stale.
import { z } from 'zod';
import { addonBundleSchema } from './bundle-schema.js';

/** JSON Schema (draft-07) of an add-on bundle's addon.yaml. */
export function addonBundleJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(addonBundleSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' });
  return {
    ...schema,
    $id: 'https://slipway.dev/schemas/addon.schema.json',
    title: 'Slipway add-on bundle',
    description: 'addons/<name>/addon.yaml (apiVersion slipway.dev/v1alpha1, kind AddonBundle).',
  };
}
