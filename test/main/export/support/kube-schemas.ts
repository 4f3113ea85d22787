// Validates exported Kubernetes objects twice: against the strict JSON Schemas (datreeio
// catalogue) and against the CRDs' own openAPIV3Schema made strict the way kubectl's
// server-side field validation is (unknown fields rejected). Unknown kinds fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import type { ApiObject } from '../../../../main/export/index.js';
import { requireSharedDir, schemasDir } from './paths.js';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

function jsonSchema(file: string): ValidateFunction {
  return ajv.compile(JSON.parse(readFileSync(join(schemasDir, 'json', file), 'utf8')) as object);
}

interface Crd {
  spec: { versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[] };
}

/** The openAPIV3Schema of one CRD version, with additionalProperties: false added everywhere open. */
function crdSchema(file: string, version: string): ValidateFunction {
  const crd = parse(readFileSync(join(schemasDir, 'crds', file), 'utf8')) as Crd;
  const found = crd.spec.versions.find((entry) => entry.name === version);
  if (!found) throw new Error(`${file} has no version ${version}`);
  return ajv.compile(closeObjects(structuredClone(found.schema.openAPIV3Schema)));
}

/** Reject unknown fields in every object schema that lists its properties. */
export function closeObjects(schema: Record<string, unknown>): Record<string, unknown> {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (
    properties !== undefined &&
    schema.additionalProperties === undefined &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    schema.additionalProperties = false;
  }
  for (const child of Object.values(properties ?? {})) closeObjects(child);
  if (isSchema(schema.items)) closeObjects(schema.items);
  if (isSchema(schema.additionalProperties)) closeObjects(schema.additionalProperties);
  return schema;
}

function isSchema(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// Core objects have no CRD; these small strict schemas cover the fields exporters write.
const metadata = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string' },
    namespace: { type: 'string' },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
  additionalProperties: false,
};
const configMap = ajv.compile({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'v1' },
    kind: { const: 'ConfigMap' },
    metadata,
    data: { type: 'object', additionalProperties: { type: 'string' } },
  },
});
const storageClass = ajv.compile({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'provisioner'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'storage.k8s.io/v1' },
    kind: { const: 'StorageClass' },
    metadata,
    provisioner: { type: 'string', minLength: 1 },
    parameters: { type: 'object', additionalProperties: { type: 'string' } },
    reclaimPolicy: { enum: ['Delete', 'Retain'] },
    volumeBindingMode: { enum: ['Immediate', 'WaitForFirstConsumer'] },
    allowVolumeExpansion: { type: 'boolean' },
  },
});

let validators: Map<string, () => ValidateFunction[]> | undefined;
const compiled = new Map<string, ValidateFunction[]>();

// Compiling the large CAPI schemas takes seconds on a busy machine, so each is compiled on
// first use; tests warm them in beforeAll with a generous timeout.
function loadValidators(): Map<string, () => ValidateFunction[]> {
  requireSharedDir();
  const clusters = 'capi-v1.14.0-cluster.x-k8s.io_clusters.yaml';
  const resourceSets = 'capi-v1.14.0-addons.cluster.x-k8s.io_clusterresourcesets.yaml';
  const tkc = 'tanzu-framework-v1alpha2-run.tanzu.vmware.com_tanzukubernetesclusters.yaml';
  const capi = 'cluster.x-k8s.io';
  const addons = 'addons.cluster.x-k8s.io';
  return new Map<string, () => ValidateFunction[]>([
    [`${capi}/v1beta2 Cluster`, () => [jsonSchema(`${capi}/cluster_v1beta2.json`), crdSchema(clusters, 'v1beta2')]],
    [`${capi}/v1beta1 Cluster`, () => [jsonSchema(`${capi}/cluster_v1beta1.json`), crdSchema(clusters, 'v1beta1')]],
    [
      `${addons}/v1beta2 ClusterResourceSet`,
      () => [jsonSchema(`${addons}/clusterresourceset_v1beta2.json`), crdSchema(resourceSets, 'v1beta2')],
    ],
    [`${addons}/v1beta1 ClusterResourceSet`, () => [crdSchema(resourceSets, 'v1beta1')]],
    [`${addons}/v1alpha1 HelmChartProxy`, () => [jsonSchema(`${addons}/helmchartproxy_v1alpha1.json`)]],
    // No public v1alpha3 CRD exists: the v1alpha2 CRD is the structural approximation.
    ['run.tanzu.vmware.com/v1alpha3 TanzuKubernetesCluster', () => [crdSchema(tkc, 'v1alpha2')]],
    ['v1 ConfigMap', () => [configMap]],
    ['storage.k8s.io/v1 StorageClass', () => [storageClass]],
  ]);
}

/** Every schema error of an object, as `schema#: /path message` lines; [] when valid. */
export function kubeSchemaErrors(object: ApiObject): string[] {
  validators ??= loadValidators();
  const key = `${object.apiVersion} ${object.kind}`;
  const compile = validators.get(key);
  if (!compile) return [`no schema for ${key}`];
  const found = compiled.get(key) ?? compile();
  compiled.set(key, found);
  return found.flatMap((validate, index) =>
    validate(object)
      ? []
      : (validate.errors ?? []).map(
          (error) =>
            `schema ${String(index)}: ${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
        ),
  );
}

/** Compile every schema now (call from beforeAll with a long timeout). */
export function warmKubeSchemas(): void {
  validators ??= loadValidators();
  for (const [key, compile] of validators) if (!compiled.has(key)) compiled.set(key, compile());
}
