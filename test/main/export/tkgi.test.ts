import { describe, expect, it } from 'vitest';
import { exportSpec } from '../../../main/export/index.js';
import { expectGolden } from './support/golden.js';
import { exampleSpec, fullSite } from './support/paths.js';
import { jsonBody } from './support/shapes.js';

const site = fullSite();

describe('export to TKGI', () => {
  it('uses the plan and a worker count for a plain single-pool cluster', () => {
    const result = exportSpec(exampleSpec('minimal.yaml'), 'tkgi', { site });
    expect(result.documents.map((document) => document.file)).toEqual([
      'create-cluster.sh',
      'create-cluster-request.json',
    ]);
    const [shell] = result.documents;
    expect(shell?.format === 'shell' && shell.commands.map((command) => command.argv)).toEqual([
      [
        'tkgi',
        'create-cluster',
        'minimal',
        '--external-hostname',
        'shop-dev.k8s.example.com',
        '--plan',
        'small',
        '--num-nodes',
        '2',
        '--wait',
      ],
    ]);
    expect(jsonBody(result, 'create-cluster-request.json')).toEqual({
      name: 'minimal',
      plan_name: 'small',
      parameters: {
        kubernetes_master_host: 'shop-dev.k8s.example.com',
        kubernetes_master_port: 8443,
        kubernetes_worker_instances: 2,
      },
    });
  });

  it('writes a compute profile for several pools with sizes, labels and taints in TKGI string form', () => {
    const result = exportSpec(exampleSpec('multi-pool.yaml'), 'tkgi', { site });
    expect(jsonBody(result, 'compute-profile.json')).toMatchObject({
      name: 'shop-dev-profile',
      parameters: {
        cluster_customization: {
          control_plane: { instances: 1 },
          node_pools: [
            {
              name: 'general',
              instances: 2,
              cpu: 4,
              memory_in_mb: 16384,
              ephemeral_disk_in_mb: 32768,
              node_labels: 'tier=general',
            },
            { name: 'gpu', instances: 1, cpu: 8, memory_in_mb: 32768, node_taints: 'nvidia.com/gpu=true:NoSchedule' },
            {
              name: 'batch',
              instances: 3,
              cpu: 2,
              memory_in_mb: 3072,
              node_taints: 'example.com/batch:PreferNoSchedule',
            },
          ],
        },
      },
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'LOSSY_MAPPING',
        path: 'spec.workers[2].resources',
        message: expect.stringContaining('1.5 rounded up to 2') as string,
      }),
    );
  });

  it('reports what TKGI fixes per installation instead of dropping it silently', () => {
    const { issues } = exportSpec(exampleSpec('multi-pool.yaml'), 'tkgi', { site });
    const fixed = issues.filter((issue) => issue.code === 'VALUE_FIXED_BY_PLATFORM');
    expect(fixed.map((issue) => [issue.severity, issue.path])).toEqual([
      ['warning', 'spec.kubernetesVersion'],
      ['info', ''],
      ['warning', 'spec.networking'],
    ]);
    expect(fixed[2]?.message).toContain('10.96.0.0/20');
  });

  it('uses a compute profile for an HA control plane', () => {
    const result = exportSpec(exampleSpec('ha.yaml'), 'tkgi', { site });
    expect(jsonBody(result, 'compute-profile.json')).toMatchObject({
      parameters: { cluster_customization: { control_plane: { instances: 3 } } },
    });
  });

  it('names both required site inputs', () => {
    const { issues } = exportSpec(exampleSpec('minimal.yaml'), 'tkgi', {});
    expect(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.needsInput)).toEqual([
      'tkgi.plan',
      'tkgi.externalHostname',
    ]);
  });

  it.each(['minimal.yaml', 'multi-pool.yaml', 'addons.yaml'])('matches the golden files for %s', (example) => {
    const result = exportSpec(exampleSpec(example), 'tkgi', { site });
    const stem = example.replace(/\.yaml$/, '');
    for (const [file, content] of Object.entries(result.files)) expectGolden(`tkgi/${stem}/${file}`, content);
  });
});
