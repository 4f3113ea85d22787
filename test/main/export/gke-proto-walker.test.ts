// The descriptor walker must catch what the GKE REST front end rejects, or the GKE schema
// tests prove nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkGkeMessage } from './support/gke-proto-walker.js';
import { requireSharedDir, researchExamplesDir } from './support/paths.js';

const REQUEST = 'google.container.v1.CreateClusterRequest';

function example(file: string): unknown {
  requireSharedDir();
  return JSON.parse(readFileSync(join(researchExamplesDir, file), 'utf8')) as unknown;
}

describe('GKE descriptor walker', () => {
  it('accepts the machine-checked research example', () => {
    expect(walkGkeMessage(REQUEST, example('gke-create-request.json'))).toEqual([]);
  });

  it('catches every planted fault in gke-bad.json', () => {
    const problems = walkGkeMessage(REQUEST, example('gke-bad.json'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'unknown-field', path: '.cluster.nodePools[0].config.machine_type' }),
        expect.objectContaining({ kind: 'bad-enum', path: '.cluster.nodePools[1].config.taints[0].effect' }),
        expect.objectContaining({ kind: 'output-only', path: '.cluster.currentMasterVersion' }),
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it('requires int64 values as strings and int32 values as numbers', () => {
    const body = {
      cluster: {
        name: 'c',
        defaultMaxPodsConstraint: { maxPodsPerNode: 110 },
        nodePools: [{ name: 'p', initialNodeCount: '2' }],
      },
    };
    expect(walkGkeMessage(REQUEST, body)).toEqual([
      expect.objectContaining({ kind: 'wrong-type', path: '.cluster.defaultMaxPodsConstraint.maxPodsPerNode' }),
      expect.objectContaining({ kind: 'wrong-type', path: '.cluster.nodePools[0].initialNodeCount' }),
    ]);
    const fixed = {
      cluster: {
        name: 'c',
        defaultMaxPodsConstraint: { maxPodsPerNode: '110' },
        nodePools: [{ name: 'p', initialNodeCount: 2 }],
      },
    };
    expect(walkGkeMessage(REQUEST, fixed)).toEqual([]);
  });

  it('rejects numeric enums, wrong containers and deprecated fields', () => {
    const body = {
      zone: 'europe-west1-b',
      cluster: { releaseChannel: { channel: 2 }, resourceLabels: ['a'], nodePools: {}, autopilot: { enabled: 'yes' } },
    };
    const kinds = walkGkeMessage(REQUEST, body).map((problem) => `${problem.kind} ${problem.path}`);
    expect(kinds).toEqual([
      'deprecated .zone',
      'bad-enum .cluster.releaseChannel.channel',
      'wrong-type .cluster.resourceLabels',
      'wrong-type .cluster.nodePools',
      'wrong-type .cluster.autopilot.enabled',
    ]);
  });
});
