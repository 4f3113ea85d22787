import { beforeAll, describe, expect, it } from 'vitest';
import { exportSpec, type SiteInputs } from '../../../main/export/index.js';
import { capturedClassVariables, classVariableErrors } from './support/class-variables.js';
import { kubeSchemaErrors, warmKubeSchemas } from './support/kube-schemas.js';
import { exampleSpec, fullSite } from './support/paths.js';
import { topologyCluster, yamlObjects } from './support/shapes.js';

beforeAll(warmKubeSchemas, 120_000);

const capture = capturedClassVariables('clusterclass-builtin-generic-v3.7.0.yaml');

function genericSite(release = 'v1.34.1+vmware.4-vkr.5'): SiteInputs {
  const site = fullSite();
  return { ...site, vks: { ...site.vks, class: 'builtin-generic-v3.7.0', release } };
}

function variablesOf(result: ReturnType<typeof exportSpec>) {
  const topology = topologyCluster(result).spec.topology;
  return {
    variables: topology.variables ?? [],
    overrides: topology.workers.machineDeployments.map((deployment) => deployment.variables?.overrides ?? []),
  };
}

describe('export to VKS on builtin-generic-v3.7.0 (vks.class)', () => {
  it('emits a v1beta2 Cluster whose classRef names the class in vmware-system-vks-public', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: genericSite() });
    const cluster = topologyCluster(result);
    expect(cluster.apiVersion).toBe('cluster.x-k8s.io/v1beta2');
    expect(cluster.spec.topology.classRef).toEqual({
      name: 'builtin-generic-v3.7.0',
      namespace: 'vmware-system-vks-public',
    });
    expect(result.documents[0]?.title).toBe(
      'VKS Cluster (cluster.x-k8s.io/v1beta2) on the builtin-generic-v3.7.0 class',
    );
    expect(result.issues.map((issue) => issue.code)).not.toContain('DEPRECATED_TARGET');
    expect(yamlObjects(result).flatMap(kubeSchemaErrors)).toEqual([]);
  });

  it('writes the release NAME (---) when given its VERSION (+), and says so', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: genericSite() });
    expect(topologyCluster(result).spec.topology.version).toBe('v1.34.1---vmware.4-vkr.5');
    const note = result.issues.find((issue) => issue.path === 'vks.release');
    expect(note?.message).toContain('wrote its NAME v1.34.1---vmware.4-vkr.5');
    const named = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: genericSite('v1.34.1---vmware.4-vkr.5') });
    expect(topologyCluster(named).spec.topology.version).toBe('v1.34.1---vmware.4-vkr.5');
    expect(named.issues.filter((issue) => issue.path === 'vks.release')).toEqual([]);
  });

  it('puts pool labels and taints in the node variable, valid against the captured class', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: genericSite() });
    const { variables, overrides } = variablesOf(result);
    expect(variables).toEqual([
      { name: 'vmClass', value: 'best-effort-medium' },
      { name: 'storageClass', value: 'vsan-default-storage-policy' },
    ]);
    const gpu = overrides.find((pool) =>
      pool.some((variable) => variable.name === 'node' && JSON.stringify(variable.value).includes('NoSchedule')),
    );
    expect(gpu?.find((variable) => variable.name === 'node')?.value).toMatchObject({
      taints: [{ key: 'nvidia.com/gpu', value: 'true', effect: 'NoSchedule' }],
    });
    expect(overrides.flat().map((variable) => variable.name)).not.toContain('nodePoolLabels');
    expect(classVariableErrors(capture, variables, overrides)).toEqual([]);
  });

  it('makes workload storage default through vsphereOptions when an add-on brings CSI storage', () => {
    const result = exportSpec(exampleSpec('addons.yaml'), 'vks', { site: genericSite() });
    const { variables, overrides } = variablesOf(result);
    expect(variables).toContainEqual({
      name: 'vsphereOptions',
      value: {
        persistentVolumes: {
          availableStorageClasses: ['vsan-default-storage-policy'],
          defaultStorageClass: 'vsan-default-storage-policy',
        },
      },
    });
    expect(variables.map((variable) => variable.name)).not.toContain('defaultStorageClass');
    expect(classVariableErrors(capture, variables, overrides)).toEqual([]);
  });

  it('the tanzukubernetescluster variables would not pass this class (the check can fail)', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: fullSite() });
    const { variables, overrides } = variablesOf(result);
    expect(classVariableErrors(capture, variables, overrides)).toContainEqual(
      expect.stringContaining('the class has no variable nodePoolLabels'),
    );
  });

  it('warns when asked for v1beta1 on a class served with v1beta2', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'vks', { site: genericSite(), apiVersion: 'v1beta1' });
    expect(topologyCluster(result).spec.topology).toMatchObject({
      class: 'builtin-generic-v3.7.0',
      classNamespace: 'vmware-system-vks-public',
    });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'DEPRECATED_TARGET', severity: 'warning' }));
  });
});
