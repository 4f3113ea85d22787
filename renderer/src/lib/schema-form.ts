// Turns an add-on's parameter JSON Schema (the OpenAPI-compatible subset bundles use) into
// form fields, their defaults, and messages for values the schema rejects. Main validates
// the parameters again when the add-on is enabled.
import type { JsonSchema } from '../../../main/ipc/feature-services.js';
import { humanizeKey } from './gui-wording.js';

export interface SchemaField {
  key: string;
  /** Property names from the root, e.g. ['auth', 'mode']. */
  path: string[];
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'list' | 'object';
  title: string;
  description?: string;
  required: boolean;
  defaultValue?: unknown;
  options?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  /** Grants more privilege; the form asks before using it. */
  privileged: boolean;
  children: SchemaField[];
}

type Node = JsonSchema & {
  type?: string;
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  'x-slipway-privileged'?: boolean;
};

function kindOf(node: Node): SchemaField['kind'] {
  if (Array.isArray(node.enum)) return 'enum';
  switch (node.type) {
    case 'integer':
    case 'number':
    case 'boolean':
    case 'object':
      return node.type;
    case 'array':
      return 'list';
    default:
      return 'string';
  }
}

/** The fields of an object schema, in declaration order. */
export function schemaFields(schema: JsonSchema, path: string[] = []): SchemaField[] {
  const node = schema as Node;
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([key, child]) => {
    const kind = kindOf(child);
    return {
      key,
      path: [...path, key],
      kind,
      title: child.title ?? humanizeKey(key),
      ...(child.description ? { description: child.description } : {}),
      required: required.has(key),
      ...(child.default !== undefined ? { defaultValue: child.default } : {}),
      ...(child.enum ? { options: child.enum } : {}),
      ...(child.minimum !== undefined ? { minimum: child.minimum } : {}),
      ...(child.maximum !== undefined ? { maximum: child.maximum } : {}),
      ...(child.minLength !== undefined ? { minLength: child.minLength } : {}),
      ...(child.maxLength !== undefined ? { maxLength: child.maxLength } : {}),
      ...(child.pattern !== undefined ? { pattern: child.pattern } : {}),
      privileged: child['x-slipway-privileged'] === true,
      children: kind === 'object' ? schemaFields(child, [...path, key]) : [],
    };
  });
}

/** The default value of every field, nested like the parameters. */
export function defaultValues(fields: SchemaField[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.kind === 'object')
      values[field.key] = { ...defaultValues(field.children), ...(field.defaultValue ?? {}) };
    else if (field.defaultValue !== undefined) values[field.key] = field.defaultValue;
  }
  return values;
}

/** What a form control's text means for a field (numbers parsed, lists split by line). */
export function coerceInput(field: SchemaField, raw: string | boolean): unknown {
  if (field.kind === 'boolean') return raw === true;
  const text = String(raw);
  if (text.trim() === '') return undefined;
  if (field.kind === 'integer' || field.kind === 'number') return Number(text);
  if (field.kind === 'list')
    return text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  if (field.kind === 'enum') return field.options?.find((option) => String(option) === text) ?? text;
  return text;
}

/** Why a value does not fit its field, or undefined when it does. */
export function fieldProblem(field: SchemaField, value: unknown): string | undefined {
  if (value === undefined) return field.required ? `${field.title} is required` : undefined;
  if (field.kind === 'integer' || field.kind === 'number') {
    if (typeof value !== 'number' || Number.isNaN(value)) return `${field.title} must be a number`;
    if (field.kind === 'integer' && !Number.isInteger(value)) return `${field.title} must be a whole number`;
    if (field.minimum !== undefined && value < field.minimum)
      return `${field.title} must be at least ${String(field.minimum)}`;
    if (field.maximum !== undefined && value > field.maximum)
      return `${field.title} must be at most ${String(field.maximum)}`;
  }
  if (field.kind === 'string' && typeof value === 'string') {
    if (field.minLength !== undefined && value.length < field.minLength)
      return `${field.title} must have at least ${String(field.minLength)} characters`;
    if (field.maxLength !== undefined && value.length > field.maxLength)
      return `${field.title} must have at most ${String(field.maxLength)} characters`;
    if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value))
      // A regular expression means nothing to most readers; the description says what fits.
      return `${field.title} is not in the expected format`;
  }
  return undefined;
}

/** Privileged fields whose value differs from their default: what the user must confirm. */
export function privilegedChoices(
  fields: SchemaField[],
  values: Record<string, unknown>,
): { field: SchemaField; value: unknown }[] {
  return fields.flatMap((field) => {
    const value = values[field.key];
    if (field.kind === 'object') return privilegedChoices(field.children, (value ?? {}) as Record<string, unknown>);
    if (!field.privileged || value === undefined || value === false) return [];
    return JSON.stringify(value) === JSON.stringify(field.defaultValue) ? [] : [{ field, value }];
  });
}

/** Every problem in a set of values, keyed by dotted path. */
export function valueProblems(fields: SchemaField[], values: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.kind === 'object')
      Object.assign(problems, valueProblems(field.children, (value ?? {}) as Record<string, unknown>));
    else {
      const problem = fieldProblem(field, value);
      if (problem) problems[field.path.join('.')] = problem;
    }
  }
  return problems;
}
