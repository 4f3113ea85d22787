// Validates the variables of an exported topology Cluster against a ClusterClass's variable
// schemas as a Supervisor serves them (status.variables[].definitions[].schema), the way the
// topology webhook does: unknown variables and missing required ones are errors, and each
// value must match its schema. x-kubernetes-* keywords are accepted and ignored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

interface ClassVariable {
  name: string;
  definitions: { required: boolean; schema: { openAPIV3Schema: Record<string, unknown> } }[];
}

const ajv = new Ajv({ strict: false, allErrors: true });
for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string'])
  ajv.addKeyword({ keyword, schemaType: 'boolean' });

export interface ClassVariableSchemas {
  required: string[];
  validators: Map<string, ValidateFunction>;
}

/** The variable schemas of a captured ClusterClass in test/main/export/fixtures/. */
export function capturedClassVariables(file: string): ClassVariableSchemas {
  const clusterClass = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', file), 'utf8')) as {
    status: { variables: ClassVariable[] };
  };
  const validators = new Map<string, ValidateFunction>();
  const required: string[] = [];
  for (const variable of clusterClass.status.variables) {
    const definition = variable.definitions[0];
    if (!definition) continue;
    validators.set(variable.name, ajv.compile(definition.schema.openAPIV3Schema));
    if (definition.required) required.push(variable.name);
  }
  return { required, validators };
}

/** Every problem of cluster-level variables and per-pool overrides against the class. */
export function classVariableErrors(
  schemas: ClassVariableSchemas,
  variables: { name: string; value: unknown }[],
  overrides: { name: string; value: unknown }[][],
): string[] {
  const problems: string[] = [];
  const check = (where: string, variable: { name: string; value: unknown }) => {
    const validate = schemas.validators.get(variable.name);
    if (!validate) problems.push(`${where}: the class has no variable ${variable.name}`);
    else if (!validate(variable.value)) problems.push(`${where} ${variable.name}: ${ajv.errorsText(validate.errors)}`);
  };
  for (const variable of variables) check('variables', variable);
  overrides.forEach((pool, index) => {
    for (const variable of pool) check(`machineDeployments[${String(index)}] overrides`, variable);
  });
  const given = new Set(variables.map((variable) => variable.name));
  for (const name of schemas.required) if (!given.has(name)) problems.push(`variables: ${name} is required`);
  return problems;
}
