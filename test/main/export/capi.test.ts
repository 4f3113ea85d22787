import { beforeAll, describe, expect, it } from 'vitest';
import { exportSpec } from '../../../main/export/index.js';
import { DEFAULT_EXPORT_KUBERNETES_VERSION } from '../../../main/export/kubernetes-version.js';
import { kubeSchemaErrors, warmKubeSchemas } from './support/kube-schemas.js';
import { exampleSpec, fullSite } from './support/paths.js';
import { objectName, topologyCluster as clusterOf, yamlObjects as objects } from './support/shapes.js';

const site = fullSite();

beforeAll(warmKubeSchemas, 120_000);

describe('export to Cluster API', () => {
  it('maps pools, labels, taints, replicas and ranges onto a v1beta2 topology', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'capi', { site });
    const cluster = clusterOf(result);
    expect(cluster).toMatchObject({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      metadata: { name: 'shop-dev', namespace: 'team-a' },
    });
    expect(cluster.spec.clusterNetwork).toEqual({
      pods: { cidrBlocks: ['10.244.0.0/16'] },
      services: { cidrBlocks: ['10.96.0.0/20'] },
      serviceDomain: 'cluster.local',
    });
    expect(cluster.spec.topology).toMatchObject({
      classRef: { name: 'quick-start' },
      version: 'v1.36.3',
      controlPlane: { replicas: 1 },
    });
    const deployments = cluster.spec.topology.workers.machineDeployments;
    expect(deployments.map((deployment) => [deployment.name, deployment.replicas, deployment.class])).toEqual([
      ['general', 2, 'default-worker'],
      ['gpu', 1, 'default-worker'],
      ['batch', 3, 'default-worker'],
    ]);
    expect(deployments[1]).toMatchObject({
      metadata: { labels: { 'example.com/accelerator': 'nvidia' } },
      taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule', propagation: 'Always' }],
    });
    expect(deployments[2]?.taints).toEqual([
      { key: 'example.com/batch', effect: 'PreferNoSchedule', propagation: 'Always' },
    ]);
  });

  it('reports labels that will not reach Nodes, taints behind a gate and sizes it cannot carry', () => {
    const { issues } = exportSpec(exampleSpec('multi-pool.yaml'), 'capi', { site });
    const found = issues.map((issue) => `${issue.code} ${issue.path}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'LOSSY_MAPPING spec.workers[1].labels',
        'FEATURE_GATE_REQUIRED spec.workers[1].taints',
        'UNSUPPORTED_FIELD spec.workers[0].resources',
      ]),
    );
    const labelIssue = issues.find((issue) => issue.path === 'spec.workers[1].labels');
    expect(labelIssue?.message).toContain("--additional-sync-machine-labels='^example\\.com/accelerator$'");
  });

  it('does not warn about labels in the domains Cluster API syncs to Nodes', () => {
    const spec = exampleSpec('minimal.yaml');
    const pool = spec.spec.workers[0];
    if (!pool) throw new Error('minimal has a default pool');
    pool.labels = { 'node.cluster.x-k8s.io/pool': 'a' };
    const { issues } = exportSpec(spec, 'capi', { site });
    expect(issues.filter((issue) => issue.code === 'LOSSY_MAPPING')).toEqual([]);
  });

  it('emits v1beta1 with topology.class on request, with a deprecation issue', () => {
    const result = exportSpec(exampleSpec('ha.yaml'), 'capi', { site, apiVersion: 'v1beta1' });
    const cluster = clusterOf(result);
    expect(cluster).toMatchObject({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      spec: { topology: { class: 'quick-start', controlPlane: { replicas: 3 } } },
    });
    expect(cluster.spec.topology.classRef).toBeUndefined();
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'DEPRECATED_TARGET', severity: 'warning' }));
    expect(objects(result).flatMap(kubeSchemaErrors)).toEqual([]);
  });

  it('leaves topology taints out of v1beta1 and points each tainted pool to a kubeadm patch', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'capi', { site, apiVersion: 'v1beta1' });
    const deployments = clusterOf(result).spec.topology.workers.machineDeployments;
    expect(deployments.map((deployment) => deployment.taints)).toEqual([undefined, undefined, undefined]);
    const taintIssues = result.issues.filter((found) => found.path.endsWith('.taints'));
    expect(taintIssues.map((found) => `${found.code} ${found.severity} ${found.path}`)).toEqual([
      'UNSUPPORTED_FIELD warning spec.workers[1].taints',
      'UNSUPPORTED_FIELD warning spec.workers[2].taints',
    ]);
    expect(taintIssues[0]?.message).toContain('KubeadmConfigTemplate patch');
    expect(taintIssues[0]?.message).toContain('nodeRegistration.taints');
    expect(objects(result).flatMap(kubeSchemaErrors)).toEqual([]);
  });

  it('keeps topology taints on v1beta2, behind the MachineTaintPropagation gate', () => {
    const { issues } = exportSpec(exampleSpec('multi-pool.yaml'), 'capi', { site });
    const gated = issues.filter((found) => found.path.endsWith('.taints'));
    expect(gated.map((found) => found.code)).toEqual(['FEATURE_GATE_REQUIRED', 'FEATURE_GATE_REQUIRED']);
    expect(gated[0]?.message).toContain('MachineTaintPropagation');
  });

  it('maps add-ons to HelmChartProxy and ClusterResourceSet objects selecting the cluster', () => {
    const result = exportSpec(exampleSpec('addons.yaml'), 'capi', { site });
    const addons = result.documents.find((document) => document.file === 'addons.yaml');
    expect(addons?.format).toBe('yaml');
    const found = objects(result).filter((object) => object.kind !== 'Cluster');
    expect(found.map((object) => `${object.kind} ${objectName(object)}`)).toEqual([
      'HelmChartProxy web-dev-traefik',
      'HelmChartProxy web-dev-headlamp',
      'HelmChartProxy web-dev-metrics-server',
      'ConfigMap web-dev-default-storageclass',
      'ClusterResourceSet web-dev-default-storageclass',
    ]);
    const cluster = clusterOf(result);
    for (const object of found.filter((object) => object.kind !== 'ConfigMap')) {
      expect((object.spec as { clusterSelector: unknown }).clusterSelector).toEqual({
        matchLabels: cluster.metadata.labels,
      });
    }
    const headlamp = found.find((object) => objectName(object) === 'web-dev-headlamp');
    expect((headlamp?.spec as { valuesTemplate: string }).valuesTemplate).toContain('clusterRoleName: view');
    const codes = result.issues
      .filter((issue) => issue.code === 'ADDON_MAPPING')
      .map((issue) => issue.message.split(':')[0]);
    expect(codes).toEqual(['registry', 'ingress', 'csi-hostpath', 'dashboard', 'metrics-server']);
  });

  it('asks for a storage provisioner instead of shipping a StorageClass it cannot know', () => {
    const { capi, ...rest } = site;
    const withoutProvisioner = { ...rest, capi: { ...capi, storageProvisioner: undefined } };
    const result = exportSpec(exampleSpec('addons.yaml'), 'capi', { site: withoutProvisioner });
    expect(objects(result).map((object) => object.kind)).not.toContain('ClusterResourceSet');
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'ADDON_MAPPING',
        severity: 'warning',
        message: expect.stringContaining('capi.storageProvisioner') as string,
      }),
    );
  });

  it('requires the ClusterClass and defaults the namespace and worker class visibly', () => {
    const result = exportSpec(exampleSpec('minimal.yaml'), 'capi', {});
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ code: 'REQUIRES_SITE_INPUT', needsInput: 'capi.clusterClass' }),
    ]);
    expect(result.issues.filter((issue) => issue.code === 'DEFAULTED_VALUE').map((issue) => issue.path)).toEqual([
      'capi.namespace',
      'capi.workerClass',
      'spec.kubernetesVersion',
    ]);
    expect(clusterOf(result).spec.topology.version).toBe(DEFAULT_EXPORT_KUBERNETES_VERSION);
    expect(DEFAULT_EXPORT_KUBERNETES_VERSION).toMatch(/^v1\.\d+\.\d+$/);
  });

  it('leaves workers out for a spec without worker pools, valid against the v1beta2 schema', () => {
    const spec = exampleSpec('minimal.yaml');
    const noWorkers = { ...spec, spec: { ...spec.spec, workers: [] } };
    const cluster = clusterOf(exportSpec(noWorkers, 'capi', { site }));
    expect(cluster.spec.topology).not.toHaveProperty('workers');
    expect(kubeSchemaErrors(cluster)).toEqual([]);
  });

  it('the schema check rejects a misspelt field and a bad enum (it is not vacuous)', () => {
    const cluster = clusterOf(exportSpec(exampleSpec('multi-pool.yaml'), 'capi', { site }));
    const broken = structuredClone(cluster);
    const gpu = broken.spec.topology.workers.machineDeployments[1] as unknown as Record<string, unknown> & {
      taints: { effect: string }[];
    };
    gpu.replica = 2;
    (gpu.taints[0] ?? { effect: '' }).effect = 'NoSchedul';
    const errors = kubeSchemaErrors(broken);
    expect(errors.some((error) => error.includes('replica'))).toBe(true);
    expect(errors.some((error) => error.includes('allowedValues'))).toBe(true);
    expect(errors.some((error) => error.startsWith('schema 1:'))).toBe(true);
  });
});
