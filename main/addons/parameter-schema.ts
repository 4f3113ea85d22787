// The parameters of a bundle are a JSON Schema restricted to the subset that is also OpenAPI
// v3 (no if/then, no $ref, no oneOf), so a bundle exports cleanly to Helm's values.schema.json
// and Carvel's valuesSchema. This Zod schema is what enforces the subset.
import { z } from 'zod';

/** One node of a parameter schema (the OpenAPI-v3-compatible JSON Schema subset). */
export interface ParameterSchema {
  type: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: ParameterSchema;
  properties?: Record<string, ParameterSchema>;
  required?: string[];
  additionalProperties?: boolean;
  /** Marks a parameter that grants more privilege, so the UI can ask before using it. */
  'x-slipway-privileged'?: boolean;
}

const validRegex = (pattern: string) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

export const parameterSchemaNode: z.ZodType<ParameterSchema> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['object', 'string', 'integer', 'number', 'boolean', 'array'], {
      error: 'type must be one of object, string, integer, number, boolean, array',
    }),
    title: z.string().optional(),
    description: z.string().optional(),
    default: z.unknown().optional(),
    enum: z.array(z.unknown()).min(1, 'enum must list at least one value').optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(0).optional(),
    pattern: z.string().refine(validRegex, 'pattern must be a valid regular expression').optional(),
    items: parameterSchemaNode.optional(),
    properties: z
      .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'parameter names are lowerCamelCase'), parameterSchemaNode)
      .optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.boolean().optional(),
    'x-slipway-privileged': z.boolean().optional(),
  }),
);

/** The top level: always an object that rejects unknown parameters. */
export const bundleParametersSchema = z
  .strictObject({
    type: z.literal('object', { error: 'parameters.type must be object' }),
    additionalProperties: z.literal(false, {
      error: 'parameters.additionalProperties must be false, so that a misspelt --set key is an error',
    }),
    properties: z
      .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'parameter names are lowerCamelCase'), parameterSchemaNode)
      .default({}),
    required: z.array(z.string()).optional(),
    description: z.string().optional(),
  })
  .default({ type: 'object', additionalProperties: false, properties: {} });

export type BundleParameters = z.output<typeof bundleParametersSchema>;
