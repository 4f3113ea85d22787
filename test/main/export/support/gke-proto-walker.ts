// Walks a GKE REST JSON body against the google.container.v1 descriptor shipped in
// @google-cloud/container (build/protos/protos.json), the way the REST front end parses
// proto3 JSON: unknown fields, bad enum names, wrong scalar types (int64 must be a string),
// output-only and deprecated fields are all problems.
import { createRequire } from 'node:module';

interface FieldDescriptor {
  type: string;
  rule?: 'repeated';
  keyType?: string;
  options?: Record<string, unknown>;
}

interface Namespace {
  fields?: Record<string, FieldDescriptor>;
  values?: Record<string, number>;
  nested?: Record<string, Namespace>;
}

export interface WalkProblem {
  path: string;
  kind: 'unknown-field' | 'bad-enum' | 'wrong-type' | 'output-only' | 'deprecated';
  message: string;
}

const require = createRequire(import.meta.url);
const root = require('@google-cloud/container/build/protos/protos.json') as Namespace;

const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
// Well-known types have their own JSON forms.
const WELL_KNOWN: Record<string, string> = {
  'google.protobuf.BoolValue': 'bool',
  'google.protobuf.StringValue': 'string',
  'google.protobuf.Int32Value': 'int32',
  'google.protobuf.Int64Value': 'int64',
  'google.protobuf.DoubleValue': 'double',
  'google.protobuf.Duration': 'string',
  'google.protobuf.Timestamp': 'string',
};

function lookup(path: readonly string[]): Namespace | undefined {
  let node: Namespace | undefined = root;
  for (const part of path) node = node?.nested?.[part];
  return node;
}

/** Resolve a type name as protobuf does: innermost scope first, then outwards. */
function resolve(scope: readonly string[], name: string): { path: string[]; node: Namespace } | undefined {
  for (let cut = scope.length; cut >= 0; cut--) {
    const path = [...scope.slice(0, cut), ...name.split('.')];
    const node = lookup(path);
    if (node) return { path, node };
  }
  return undefined;
}

/** Problems of `value` as a message of the fully qualified type (e.g. google.container.v1.CreateClusterRequest). */
export function walkGkeMessage(typeName: string, value: unknown): WalkProblem[] {
  const path = typeName.split('.');
  const node = lookup(path);
  if (!node) throw new Error(`no type ${typeName} in the descriptor`);
  const problems: WalkProblem[] = [];
  walkMessage(path, node, value, '', problems);
  return problems;
}

function walkMessage(scope: string[], node: Namespace, value: unknown, at: string, problems: WalkProblem[]): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ path: at, kind: 'wrong-type', message: `expected an object (${scope.join('.')})` });
    return;
  }
  const byJsonName = new Map(
    Object.entries(node.fields ?? {}).map(([name, field]) => [
      typeof field.options?.json_name === 'string' ? field.options.json_name : name,
      field,
    ]),
  );
  for (const [key, child] of Object.entries(value)) {
    const field = byJsonName.get(key);
    const path = `${at}.${key}`;
    if (!field) {
      problems.push({ path, kind: 'unknown-field', message: `unknown field "${key}" in ${scope.join('.')}` });
      continue;
    }
    if (field.options?.['(google.api.field_behavior)'] === 'OUTPUT_ONLY')
      problems.push({ path, kind: 'output-only', message: `"${key}" is output only` });
    if (field.options?.deprecated === true)
      problems.push({ path, kind: 'deprecated', message: `"${key}" is deprecated` });
    walkField(scope, field, child, path, problems);
  }
}

function walkField(scope: string[], field: FieldDescriptor, value: unknown, at: string, problems: WalkProblem[]): void {
  if (field.keyType !== undefined) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      problems.push({ path: at, kind: 'wrong-type', message: 'expected a map (object)' });
    else
      for (const [key, item] of Object.entries(value))
        walkValue(scope, field.type, item, `${at}[${JSON.stringify(key)}]`, problems);
    return;
  }
  if (field.rule === 'repeated') {
    if (!Array.isArray(value)) problems.push({ path: at, kind: 'wrong-type', message: 'expected a list' });
    else
      value.forEach((item: unknown, index) => {
        walkValue(scope, field.type, item, `${at}[${String(index)}]`, problems);
      });
    return;
  }
  walkValue(scope, field.type, value, at, problems);
}

function walkValue(scope: string[], type: string, value: unknown, at: string, problems: WalkProblem[]): void {
  const scalarProblem = checkScalar(type, value);
  if (scalarProblem !== undefined) {
    if (scalarProblem !== '') problems.push({ path: at, kind: 'wrong-type', message: scalarProblem });
    return;
  }
  const resolved = resolve(scope, type);
  if (!resolved) throw new Error(`cannot resolve type ${type} from ${scope.join('.')}`);
  const wellKnown = WELL_KNOWN[resolved.path.join('.')];
  if (wellKnown !== undefined) {
    const problem = checkScalar(wellKnown, value);
    if (problem !== undefined && problem !== '') problems.push({ path: at, kind: 'wrong-type', message: problem });
    return;
  }
  if (resolved.node.values !== undefined) {
    if (typeof value !== 'string' || !(value in resolved.node.values)) {
      problems.push({
        path: at,
        kind: 'bad-enum',
        message: `${JSON.stringify(value)} is not a value of ${resolved.path.join('.')} (${Object.keys(resolved.node.values).join(', ')})`,
      });
    }
    return;
  }
  walkMessage(resolved.path, resolved.node, value, at, problems);
}

/** undefined: not a scalar type; '': a valid scalar; otherwise the problem. */
function checkScalar(type: string, value: unknown): string | undefined {
  if (type === 'string' || type === 'bytes')
    return typeof value === 'string' ? '' : `expected a string, got ${JSON.stringify(value)}`;
  if (type === 'bool') return typeof value === 'boolean' ? '' : `expected a boolean, got ${JSON.stringify(value)}`;
  if (type === 'double' || type === 'float')
    return typeof value === 'number' ? '' : `expected a number, got ${JSON.stringify(value)}`;
  if (INT32.has(type))
    return Number.isInteger(value) ? '' : `expected an integer (${type}), got ${JSON.stringify(value)}`;
  if (INT64.has(type))
    return typeof value === 'string' && /^-?\d+$/.test(value)
      ? ''
      : `expected ${type} as a decimal string, got ${JSON.stringify(value)}`;
  return undefined;
}
