import { describe, expect, it } from 'vitest';
import { exportSpec, type SiteInputs } from '../../../main/export/index.js';
import { walkGkeMessage } from './support/gke-proto-walker.js';
import { expectGolden } from './support/golden.js';
import { exampleSpec, fullSite } from './support/paths.js';
import { jsonBody } from './support/shapes.js';

const site = fullSite();
const zonal: SiteInputs = { ...site, gke: { ...site.gke, location: 'europe-west1-b' } };
const REQUEST = 'google.container.v1.CreateClusterRequest';

interface RestBody {
  parent: string;
  cluster: {
    releaseChannel: { channel: string };
    initialClusterVersion?: string;
    defaultMaxPodsConstraint: { maxPodsPerNode: string };
    nodePools: {
      name: string;
      initialNodeCount: number;
      config?: { machineType?: string; labels?: Record<string, string>; taints?: unknown[] };
    }[];
    addonsConfig?: Record<string, unknown>;
    networkConfig: Record<string, unknown>;
  };
}

function restBody(example: string, siteInputs: SiteInputs = site): RestBody {
  return jsonBody(
    exportSpec(exampleSpec(example), 'gke', { site: siteInputs }),
    'create-cluster-request.json',
  ) as RestBody;
}

describe('export to GKE', () => {
  it('always sets a release channel and sends int64 as strings', () => {
    const body = restBody('minimal.yaml');
    expect(body.parent).toBe('projects/team-a-prod/locations/europe-west1');
    expect(body.cluster.releaseChannel).toEqual({ channel: 'REGULAR' });
    expect(body.cluster.initialClusterVersion).toBeUndefined();
    expect(body.cluster.defaultMaxPodsConstraint).toEqual({ maxPodsPerNode: '110' });
    expect(walkGkeMessage(REQUEST, body)).toEqual([]);
  });

  it('maps pools with machine types, labels and UPPER_SNAKE taint effects', () => {
    const body = restBody('multi-pool.yaml', zonal);
    expect(body.cluster.initialClusterVersion).toBe('1.36');
    expect(body.cluster.nodePools.map((pool) => [pool.name, pool.initialNodeCount, pool.config?.machineType])).toEqual([
      ['general', 2, 'e2-standard-4'],
      ['gpu', 1, 'e2-standard-8'],
      ['batch', 3, 'e2-standard-2'],
    ]);
    expect(body.cluster.nodePools[2]?.config?.taints).toEqual([
      { key: 'example.com/batch', effect: 'PREFER_NO_SCHEDULE' },
    ]);
    expect(walkGkeMessage(REQUEST, body)).toEqual([]);
  });

  it('counts nodes per zone in a regional cluster and says what that does', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'gke', { site });
    const body = jsonBody(result, 'create-cluster-request.json') as RestBody;
    expect(body.cluster.nodePools.map((pool) => pool.initialNodeCount)).toEqual([1, 1, 1]);
    const perZone = result.issues.filter((issue) => issue.path.endsWith('.replicas') && issue.code === 'LOSSY_MAPPING');
    expect(perZone.map((issue) => issue.severity)).toEqual(['warning', 'warning', 'info']);
  });

  it('warns that a zonal cluster cannot replicate the control plane', () => {
    const { issues } = exportSpec(exampleSpec('ha.yaml'), 'gke', { site: zonal });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'LOSSY_MAPPING', path: 'spec.controlPlane.replicas', severity: 'warning' }),
    );
  });

  it('maps ingress to GKE Gateway and csi-hostpath to the PD CSI driver', () => {
    const body = restBody('addons.yaml');
    expect(body.cluster.networkConfig).toEqual({
      datapathProvider: 'ADVANCED_DATAPATH',
      gatewayApiConfig: { channel: 'CHANNEL_STANDARD' },
    });
    expect(body.cluster.addonsConfig).toEqual({
      httpLoadBalancing: { disabled: false },
      gcePersistentDiskCsiDriverConfig: { enabled: true },
    });
    expect(walkGkeMessage(REQUEST, body)).toEqual([]);
  });

  it('warns about a service range larger than a VPC usually spares', () => {
    const { issues } = exportSpec(exampleSpec('minimal.yaml'), 'gke', { site });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'CIDR_REVIEW', severity: 'warning', path: 'spec.networking.serviceSubnet' }),
    );
  });

  it('refuses names GKE does not accept', () => {
    const spec = exampleSpec('minimal.yaml');
    spec.metadata.name = '1st';
    const { issues } = exportSpec(spec, 'gke', { site });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'NAME_NOT_ACCEPTED', severity: 'error', path: 'metadata.name' }),
    );
  });

  it('names both required site inputs', () => {
    const { issues } = exportSpec(exampleSpec('minimal.yaml'), 'gke', {});
    expect(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.needsInput)).toEqual([
      'gke.project',
      'gke.location',
    ]);
  });

  it('gives a control-plane-only spec one small pool, the same in all three renderings, and says why', () => {
    const spec = exampleSpec('minimal.yaml');
    spec.spec.workers = [];
    const result = exportSpec(spec, 'gke', { site: zonal });
    const body = jsonBody(result, 'create-cluster-request.json') as RestBody;
    expect(body.cluster.nodePools.map((pool) => [pool.name, pool.initialNodeCount])).toEqual([['default-pool', 1]]);
    expect(walkGkeMessage(REQUEST, body)).toEqual([]);
    const gcloud = result.documents.find((document) => document.file === 'create-cluster.sh');
    const commands = gcloud?.format === 'shell' ? gcloud.commands.map((command) => command.argv) : [];
    expect(commands).toHaveLength(1);
    expect(commands[0]).toEqual(expect.arrayContaining(['clusters', 'create', '--num-nodes=1']));
    const terraform = jsonBody(result, 'main.tf.json') as {
      resource: { google_container_node_pool?: Record<string, { name: string; node_count: number }> };
    };
    expect(Object.values(terraform.resource.google_container_node_pool ?? {})).toEqual([
      expect.objectContaining({ name: 'default-pool', node_count: 1 }),
    ]);
    const added = result.issues.filter((found) => found.path === 'spec.workers');
    expect(added).toEqual([expect.objectContaining({ code: 'LOSSY_MAPPING', severity: 'warning' })]);
    expect(added[0]?.message).toContain('at least one node pool');
    expect(added[0]?.message).toContain('"default-pool" with 1 node');
  });

  it('counts the added pool per zone in a regional cluster', () => {
    const spec = exampleSpec('minimal.yaml');
    spec.spec.workers = [];
    const { issues } = exportSpec(spec, 'gke', { site });
    expect(issues.find((found) => found.path === 'spec.workers')?.message).toContain('1 node per zone (3 nodes)');
  });

  it('reports that gcloud renames the first pool to default-pool, and only then', () => {
    const { issues } = exportSpec(exampleSpec('multi-pool.yaml'), 'gke', { site });
    expect(issues.filter((found) => found.path === 'spec.workers[0].name')).toEqual([
      expect.objectContaining({
        code: 'LOSSY_MAPPING',
        severity: 'warning',
        message: expect.stringContaining('pool "general" is called "default-pool" in create-cluster.sh') as string,
      }),
    ]);
    const spec = exampleSpec('multi-pool.yaml');
    const first = spec.spec.workers[0];
    if (first) first.name = 'default-pool';
    const renamed = exportSpec(spec, 'gke', { site }).issues;
    expect(renamed.filter((found) => found.path === 'spec.workers[0].name')).toEqual([]);
  });

  it.each(['minimal.yaml', 'multi-pool.yaml', 'addons.yaml'])(
    'matches the golden gcloud and Terraform files for %s',
    (example) => {
      const result = exportSpec(exampleSpec(example), 'gke', { site });
      const stem = example.replace(/\.yaml$/, '');
      expectGolden(`gke/${stem}/create-cluster.sh`, result.files['create-cluster.sh'] ?? '');
      expectGolden(`gke/${stem}/main.tf.json`, result.files['main.tf.json'] ?? '');
    },
  );
});
