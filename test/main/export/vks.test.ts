import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/errors.js';
import { exportSpec, missingSiteInputs, type SiteInputs } from '../../../main/export/index.js';
import { kubeSchemaErrors, warmKubeSchemas } from './support/kube-schemas.js';
import { exampleSpec, fullSite } from './support/paths.js';
import { topologyCluster, yamlObjects } from './support/shapes.js';

const site = fullSite();

beforeAll(warmKubeSchemas, 120_000);

function overrides(result: ReturnType<typeof exportSpec>, pool: string): Record<string, unknown> {
  const deployment = topologyCluster(result).spec.topology.workers.machineDeployments.find(
    (candidate) => candidate.name === pool,
  );
  return Object.fromEntries(
    (deployment?.variables?.overrides ?? []).map((override) => [override.name, override.value]),
  );
}

describe('export to VKS', () => {
  it('emits a Cluster on the tanzukubernetescluster class with the release and class variables', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site });
    const cluster = topologyCluster(result);
    expect(cluster).toMatchObject({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      metadata: { name: 'shop-dev', namespace: 'team-a-vsphere-ns' },
    });
    expect(cluster.spec.topology).toMatchObject({
      class: 'tanzukubernetescluster',
      version: 'v1.36.3---vmware.1-vkr.1',
    });
    expect(cluster.spec.topology.variables).toEqual([
      { name: 'vmClass', value: 'best-effort-medium' },
      { name: 'storageClass', value: 'vsan-default-storage-policy' },
    ]);
    expect(
      cluster.spec.topology.workers.machineDeployments.every((deployment) => deployment.class === 'node-pool'),
    ).toBe(true);
    expect(yamlObjects(result).flatMap(kubeSchemaErrors)).toEqual([]);
  });

  it('sets per-pool overrides: the nearest VM class, labels and taints', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site });
    expect(overrides(result, 'general')).toEqual({
      vmClass: 'best-effort-large',
      nodePoolLabels: [{ key: 'tier', value: 'general' }],
    });
    expect(overrides(result, 'gpu')).toMatchObject({
      vmClass: 'best-effort-2xlarge',
      nodePoolTaints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    });
    expect(overrides(result, 'batch')).toMatchObject({
      vmClass: 'best-effort-small',
      nodePoolTaints: [{ key: 'example.com/batch', effect: 'PreferNoSchedule' }],
    });
    const lossy = result.issues.filter((issue) => issue.code === 'LOSSY_MAPPING').map((issue) => issue.path);
    // general (4 CPUs, 16Gi) matches best-effort-large exactly; gpu and batch are rounded up.
    expect(lossy).toEqual(['spec.workers[1].resources', 'spec.workers[2].resources']);
  });

  it('without a size table keeps the default VM class and says so', () => {
    const { vks, ...rest } = site;
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', {
      site: { ...rest, vks: { ...vks, vmClasses: undefined } },
    });
    expect(overrides(result, 'general')).not.toHaveProperty('vmClass');
    const lossy = result.issues.filter((issue) => issue.code === 'LOSSY_MAPPING');
    expect(lossy).toHaveLength(3);
    expect(lossy[0]?.message).toContain('vks.vmClasses');
  });

  it('names every missing site input', () => {
    const result = exportSpec(exampleSpec('minimal.yaml'), 'vks', { site: { vks: { vmClass: 'best-effort-small' } } });
    expect(missingSiteInputs(result)).toEqual(['vks.namespace', 'vks.storageClass', 'vks.release']);
  });

  it('refuses five control planes, which VKS does not accept', () => {
    const spec = exampleSpec('ha.yaml');
    spec.spec.controlPlane.replicas = 5;
    const { issues } = exportSpec(spec, 'vks', { site });
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'ODD_CONTROL_PLANE', severity: 'error', path: 'spec.controlPlane.replicas' }),
    );
  });

  it('reports a release that is not a build of the spec version', () => {
    const { issues } = exportSpec(exampleSpec('ha.yaml'), 'vks', {
      site: { ...site, vks: { ...site.vks, release: 'v1.30.1---vmware.1-fips-tkg.5' } },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'LOSSY_MAPPING',
        path: 'spec.kubernetesVersion',
        message: expect.stringContaining('v1.30.1') as string,
      }),
    );
  });

  it('makes the storage class the default when csi-hostpath is enabled', () => {
    const cluster = topologyCluster(exportSpec(exampleSpec('addons.yaml'), 'vks', { site }));
    expect(cluster.spec.topology.variables).toContainEqual({
      name: 'defaultStorageClass',
      value: 'vsan-default-storage-policy',
    });
  });

  it('emits classRef with --api-version v1beta2', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site, apiVersion: 'v1beta2' });
    expect(topologyCluster(result).spec.topology.classRef).toEqual({ name: 'tanzukubernetescluster' });
    expect(result.issues.map((issue) => issue.code)).not.toContain('DEPRECATED_TARGET');
    expect(yamlObjects(result).flatMap(kubeSchemaErrors)).toEqual([]);
  });

  it('emits a TanzuKubernetesCluster v1alpha3 with --legacy-tkc, deprecated', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site, legacyTkc: true });
    const [tkc] = yamlObjects(result);
    expect(tkc).toMatchObject({
      apiVersion: 'run.tanzu.vmware.com/v1alpha3',
      kind: 'TanzuKubernetesCluster',
      spec: {
        topology: {
          controlPlane: {
            replicas: 1,
            vmClass: 'best-effort-medium',
            storageClass: 'vsan-default-storage-policy',
            tkr: { reference: { name: 'v1.36.3---vmware.1-vkr.1' } },
          },
          nodePools: [
            { name: 'general', replicas: 2, vmClass: 'best-effort-large', labels: { tier: 'general' } },
            {
              name: 'gpu',
              replicas: 1,
              vmClass: 'best-effort-2xlarge',
              taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
            },
            { name: 'batch', replicas: 3, vmClass: 'best-effort-small' },
          ],
        },
        settings: { network: { pods: { cidrBlocks: ['10.244.0.0/16'] }, services: { cidrBlocks: ['10.96.0.0/20'] } } },
      },
    });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'DEPRECATED_TARGET', severity: 'warning' }));
    expect(yamlObjects(result).flatMap(kubeSchemaErrors)).toEqual([]);
    const misspelt = structuredClone(tkc) as unknown as {
      spec: { topology: { nodePools: Record<string, unknown>[] } };
    };
    misspelt.spec.topology.nodePools[0] = { ...misspelt.spec.topology.nodePools[0], vmclass: 'x' };
    expect(kubeSchemaErrors(misspelt as never).join('\n')).toContain('vmclass');
  });

  it('rejects --legacy-tkc with --api-version', () => {
    expect(() =>
      exportSpec(exampleSpec('minimal.yaml'), 'vks', { site, legacyTkc: true, apiVersion: 'v1beta2' }),
    ).toThrow(UsageError);
  });

  it('fills placeholders for missing inputs so a preview still renders', () => {
    const empty: SiteInputs = {};
    const cluster = topologyCluster(exportSpec(exampleSpec('minimal.yaml'), 'vks', { site: empty }));
    expect(cluster.metadata.namespace).toBe('<vks.namespace>');
  });
});
