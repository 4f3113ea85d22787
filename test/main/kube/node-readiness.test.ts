import { describe, expect, it } from 'vitest';
import { classifyNodes, type NodeLike } from '../../../main/kube/node-readiness.js';

function node(name: string, ready: 'True' | 'False' | undefined, heartbeat = '2026-11-23T10:00:00Z'): NodeLike {
  return {
    metadata: { name },
    status: { conditions: ready ? [{ type: 'Ready', status: ready, lastHeartbeatTime: new Date(heartbeat) }] : [] },
  };
}

describe('classifyNodes', () => {
  it('sorts expected nodes into Ready, not Ready and not registered', () => {
    const nodes = [node('a', 'True'), node('b', 'False'), node('c', undefined), node('extra', 'True')];
    expect(classifyNodes(nodes, ['a', 'b', 'c', 'd'])).toEqual({ ready: ['a'], notReady: ['b', 'c'], missing: ['d'] });
  });

  it('does not trust a Ready status reported before the node was started again', () => {
    const since = Date.parse('2026-11-23T10:00:10Z');
    const nodes = [
      node('stale', 'True', '2026-11-23T10:00:00Z'),
      node('fresh', 'True', '2026-11-23T10:00:12Z'),
      node('running', 'True', '2026-11-23T09:00:00Z'),
    ];
    expect(
      classifyNodes(nodes, ['stale', 'fresh', 'running'], { fresh: { since, nodes: ['stale', 'fresh'] } }),
    ).toEqual({
      ready: ['fresh', 'running'],
      notReady: ['stale'],
      missing: [],
    });
  });
});
