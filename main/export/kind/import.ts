// `slipway import --from kind`: reads a kind config strictly and turns it into a Slipway spec,
// reporting every field that cannot come along.
import { SpecInvalid } from '../../errors.js';
import { API_VERSION, KIND, validateClusterSpecValue, type ClusterSpec } from '../../spec/index.js';
import { DEFAULT_RELEASE, lookUpRelease } from '../../spec/releases.js';
import { parseYamlDocument } from '../../spec/yaml-document.js';
import { issue } from '../issues.js';
import type { ExportIssue } from '../types.js';
import { zodIssuesToProblems } from '../zod-problems.js';
import { controlPlaneIssues } from './import-control-plane.js';
import { workerPools } from './import-nodes.js';
import { importPortMappings } from './import-ports.js';
import { kindConfigSchema, type KindConfig, type KindNode } from './schema.js';

export interface KindImport {
  /** The spec as a user would write it (only what the kind config said). */
  specInput: Record<string, unknown>;
  /** The same spec validated, with defaults applied. */
  spec: ClusterSpec;
  issues: ExportIssue[];
}

// kind's own defaults for what a config leaves out.
const KIND_DEFAULT_NAME = 'kind';
const KIND_DEFAULT_NODES: KindNode[] = [{ role: 'control-plane' }];
const KINDEST_IMAGE = /^(?:docker\.io\/)?kindest\/node:(v1\.\d+\.\d+)(?:@sha256:[0-9a-f]{64})?$/;

/** Import a kind config's text, or throw SpecInvalid listing every problem. */
export function importKindConfig(text: string, sourceName = 'kind config'): KindImport {
  const parsed = parseYamlDocument(text);
  if (parsed.problems.length > 0) throw new SpecInvalid(parsed.problems, { source: sourceName });
  const result = kindConfigSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) throw new SpecInvalid(zodIssuesToProblems(result.error.issues, parsed), { source: sourceName });
  const issues: ExportIssue[] = [];
  const specInput = specFromKind(result.data, issues);
  const validated = validateClusterSpecValue(specInput);
  if (!validated.ok) {
    throw new SpecInvalid(validated.problems, {
      source: `${sourceName} (as a Slipway spec)`,
      hint: 'the kind config holds values a Slipway spec does not accept; adjust them and import again',
    });
  }
  return { specInput, spec: validated.spec, issues };
}

function specFromKind(config: KindConfig, issues: ExportIssue[]): Record<string, unknown> {
  const nodes = config.nodes ?? KIND_DEFAULT_NODES;
  controlPlaneIssues(nodes, issues);
  const pools = workerPools(nodes, issues);
  const portMappings = importPortMappings(nodes, issues);
  clusterLevelIssues(config, issues);
  return {
    apiVersion: API_VERSION,
    kind: KIND,
    metadata: { name: config.name ?? KIND_DEFAULT_NAME },
    spec: {
      ...imageFields(nodes, issues),
      controlPlane: { replicas: controlPlaneReplicas(nodes, issues) },
      workers: pools,
      ...networkingFields(config),
      ...(portMappings.length > 0 && { portMappings }),
    },
  };
}

function controlPlaneReplicas(nodes: readonly KindNode[], issues: ExportIssue[]): number {
  const count = nodes.filter((node) => node.role === 'control-plane').length;
  if (count === 1 || count === 3 || count === 5) return count;
  const chosen = count < 1 ? 1 : Math.min(5, count % 2 === 0 ? count + 1 : count);
  issues.push(
    issue(
      'ODD_CONTROL_PLANE',
      'warning',
      'nodes',
      `the config has ${String(count)} control-plane nodes; Slipway accepts 1, 3 or 5 (etcd quorum). The imported spec uses ${String(chosen)}; edit it if that is not what you want`,
    ),
  );
  return chosen;
}

function imageFields(nodes: readonly KindNode[], issues: ExportIssue[]): Record<string, string> {
  const images = [...new Set(nodes.map((node) => node.image).filter((image) => image !== undefined))];
  const [image] = images;
  if (images.length > 1)
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        'nodes',
        `nodes use different images (${images.join(', ')}); a Slipway cluster runs one image, ${image ?? ''}`,
      ),
    );
  if (image === undefined) return {};
  const version = KINDEST_IMAGE.exec(image)?.[1];
  if (version === undefined) return { nodeImage: image };
  const found = lookUpRelease(version);
  if (!found.ok) {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        'nodes[0].image',
        `${image}: ${found.message}. The spec leaves the release open (Slipway's default, ${DEFAULT_RELEASE.patch}); set spec.kubernetesVersion to choose one`,
      ),
    );
    return {};
  }
  // A tag alone, or kind's own pin for that release: the version says it all.
  return !image.includes('@') || image === found.request.release.kindest?.image
    ? { kubernetesVersion: version }
    : { kubernetesVersion: version, nodeImage: image };
}

function networkingFields(config: KindConfig): Record<string, unknown> {
  const { apiServerAddress, apiServerPort, podSubnet, serviceSubnet } = config.networking ?? {};
  const networking = {
    ...(podSubnet !== undefined && { podSubnet }),
    ...(serviceSubnet !== undefined && { serviceSubnet }),
    ...(apiServerAddress !== undefined && { apiServerAddress }),
    ...(apiServerPort !== undefined && apiServerPort > 0 && { apiServerPort }),
  };
  return Object.keys(networking).length > 0 ? { networking } : {};
}

const DROPPED_CLUSTER_FIELDS = [
  'featureGates',
  'runtimeConfig',
  'kubeadmConfigPatches',
  'kubeadmConfigPatchesJSON6902',
  'containerdConfigPatches',
  'containerdConfigPatchesJSON6902',
] as const;
const DROPPED_NETWORK_FIELDS = ['disableDefaultCNI', 'kubeProxyMode', 'dnsSearch'] as const;

function clusterLevelIssues(config: KindConfig, issues: ExportIssue[]): void {
  for (const field of DROPPED_CLUSTER_FIELDS) {
    if (config[field] !== undefined)
      issues.push(
        issue('UNSUPPORTED_FIELD', 'warning', field, `${field} is not part of a Slipway spec; it is dropped`),
      );
  }
  const networking = config.networking ?? {};
  for (const field of DROPPED_NETWORK_FIELDS) {
    if (networking[field] !== undefined)
      issues.push(
        issue(
          'UNSUPPORTED_FIELD',
          'warning',
          `networking.${field}`,
          `networking.${field} is not part of a Slipway spec; it is dropped`,
        ),
      );
  }
  if (networking.ipFamily !== undefined && networking.ipFamily !== 'ipv4') {
    issues.push(
      issue(
        'UNSUPPORTED_FIELD',
        'warning',
        'networking.ipFamily',
        `Slipway clusters are IPv4; ipFamily ${networking.ipFamily} is dropped`,
      ),
    );
  }
}
