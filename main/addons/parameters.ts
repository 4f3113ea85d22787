// Parameter values of an add-on: parsed from `--set key=value`, validated against the bundle's
// JSON Schema with Ajv, defaults applied. Every problem names the bundle and the parameter.
import { Ajv, type ErrorObject } from 'ajv';
import { SpecInvalid, UsageError, type Problem } from '../errors.js';
import { escapeControlCharacters } from '../spec/quote.js';
import { isPrototypeKey } from '../spec/yaml-keys.js';
import type { BundleParameters, ParameterSchema } from './parameter-schema.js';

export type ParameterValues = Record<string, unknown>;

/** Validate values against a bundle's parameter schema and return them with defaults filled in. */
export function resolveParameters(
  bundleName: string,
  schema: BundleParameters,
  values: ParameterValues,
): ParameterValues {
  const problems = parameterProblems(schema, values);
  if (problems.length > 0) {
    throw new SpecInvalid(problems, {
      source: `add-on ${bundleName}`,
      hint: `see the parameters with \`slipway addons list --output json\` or docs/addons.md#${bundleName}`,
    });
  }
  const withDefaults = structuredClone(values);
  makeAjv().validate(schema, withDefaults);
  return withDefaults;
}

/** Problems of `values` against `schema` (empty when valid); never throws. */
export function parameterProblems(schema: BundleParameters | ParameterSchema, values: unknown): Problem[] {
  const ajv = makeAjv();
  const copy = structuredClone(values);
  if (ajv.validate(schema, copy)) return [];
  return (ajv.errors ?? []).map(errorToProblem);
}

function makeAjv(): Ajv {
  return new Ajv({ allErrors: true, useDefaults: true, strict: true, keywords: ['x-slipway-privileged'] });
}

function errorToProblem(error: ErrorObject): Problem {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty?: string }).additionalProperty);
    return { path: `params.${joinPath(base, extra)}`, message: 'unknown parameter; check its spelling' };
  }
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty?: string }).missingProperty);
    return { path: `params.${joinPath(base, missing)}`, message: 'is required' };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues ?? [];
    return { path: `params.${base}`, message: `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { path: base === '' ? 'params' : `params.${base}`, message: error.message ?? 'is invalid' };
}

function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Parse `--set key=value` pairs. Values are read as JSON when they parse (numbers, booleans,
 * lists), else as strings; `a.b=1` sets a nested value.
 */
export function parseSetFlags(pairs: readonly string[]): ParameterValues {
  const values: ParameterValues = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0)
      throw new UsageError(`--set ${escapeControlCharacters(pair)}: expected key=value`, {
        hint: 'for example --set role=admin',
      });
    const keys = pair.slice(0, at).split('.');
    const value = parseScalar(pair.slice(at + 1));
    const internal = [...keys, ...nestedKeys(value)].find(isPrototypeKey);
    if (internal !== undefined) {
      throw new UsageError(`--set ${escapeControlCharacters(pair)}: "${internal}" is not a parameter name`, {
        hint: 'see the parameters with `slipway addons list --output json`',
      });
    }
    setNested(values, keys, value);
  }
  return values;
}

function parseScalar(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return text;
  }
}

/** Every mapping key inside a parsed value (JSON values may nest objects). */
export function nestedKeys(value: unknown): string[] {
  const keys: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    if (!Array.isArray(current)) keys.push(...Object.keys(current));
    stack.push(...(Object.values(current) as unknown[]));
  }
  return keys;
}

function setNested(target: ParameterValues, keys: string[], value: unknown): void {
  let current = target;
  keys.slice(0, -1).forEach((key) => {
    const next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
    current = current[key] as ParameterValues;
  });
  current[keys[keys.length - 1] ?? ''] = value;
}
