// The parts of exported objects tests read, typed, so tests stay type-checked.
import type { ApiObject, ExportResult } from '../../../../main/export/index.js';

export interface MachineDeployment {
  class: string;
  name: string;
  replicas: number;
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  taints?: { key: string; value?: string; effect: string; propagation: string }[];
  variables?: { overrides: { name: string; value: unknown }[] };
}

export interface TopologyCluster extends ApiObject {
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    clusterNetwork: unknown;
    topology: {
      class?: string;
      classRef?: { name: string; namespace?: string };
      version: string;
      controlPlane: { replicas: number };
      variables?: { name: string; value: unknown }[];
      workers: { machineDeployments: MachineDeployment[] };
    };
  };
}

/** Every YAML object of an export. */
export function yamlObjects(result: ExportResult): ApiObject[] {
  return result.documents.flatMap((document) => (document.format === 'yaml' ? document.objects : []));
}

/** The exported Cluster, typed. */
export function topologyCluster(result: ExportResult): TopologyCluster {
  const cluster = yamlObjects(result).find((object) => object.kind === 'Cluster');
  if (!cluster) throw new Error('no Cluster exported');
  return cluster as TopologyCluster;
}

/** The body of the JSON document written to `file`. */
export function jsonBody(result: ExportResult, file: string): unknown {
  const document = result.documents.find((candidate) => candidate.file === file);
  if (document?.format !== 'json') throw new Error(`no JSON document ${file}`);
  return document.body;
}

/** Names of an object's metadata, or '' when it has none. */
export function objectName(object: ApiObject): string {
  const metadata = object.metadata as { name?: string } | undefined;
  return metadata?.name ?? '';
}
