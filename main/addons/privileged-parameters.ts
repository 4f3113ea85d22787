// Parameters a bundle marks `x-slipway-privileged` (the dashboard's `role`) grant more than
// the least-privilege default. Choosing another value than the default must be confirmed:
// the UI asks, the CLI wants --yes. This finds the choices that need confirming.
import type { BundleParameters, ParameterSchema } from './parameter-schema.js';
import type { ParameterValues } from './parameters.js';

/** One privileged parameter set to something other than its default. */
export interface PrivilegedChoice {
  /** Dotted parameter path, e.g. `role`. */
  path: string;
  value: unknown;
  default: unknown;
}

/** Every privileged parameter in `values` that differs from its default. */
export function privilegedChoices(
  schema: BundleParameters | ParameterSchema,
  values: ParameterValues,
): PrivilegedChoice[] {
  const choices: PrivilegedChoice[] = [];
  const walk = (node: ParameterSchema, value: unknown, path: string[]) => {
    if (node['x-slipway-privileged'] === true && value !== undefined && value !== node.default) {
      choices.push({ path: path.join('.'), value, default: node.default });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (Object.hasOwn(value, key)) walk(child, (value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  walk(schema, values, []);
  return choices;
}
