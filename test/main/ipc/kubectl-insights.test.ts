// Kubectl-based insights over an engine that only offers Engine.kubectl: nodes, pods and
// events parsed from kubectl's JSON, log tails across containers, native methods kept, and
// kubectl failures reported with the command and its stderr.
import { describe, expect, it } from 'vitest';
import type { Engine, KubectlStreams } from '../../../main/engine/types.js';
import { toClusterEvent, withKubectlInsights } from '../../../main/ipc/adapters/kubectl-insights.js';
import { detectEngineExtras, type LogLine } from '../../../main/ipc/engine-extras.js';

const nodes = {
  items: [
    {
      metadata: { name: 'demo-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } },
      status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.34.4' } },
    },
    {
      metadata: { name: 'demo-workers-1', labels: {} },
      status: { conditions: [{ type: 'Ready', status: 'False' }], nodeInfo: { kubeletVersion: 'v1.34.4' } },
    },
  ],
};
const pods = {
  items: [
    {
      metadata: { namespace: 'kube-system', name: 'coredns-abc' },
      spec: { nodeName: 'demo-workers-1', containers: [{ name: 'coredns' }] },
      status: { phase: 'Running', containerStatuses: [{ ready: true, restartCount: 2 }] },
    },
    {
      metadata: { namespace: 'default', name: 'web-1' },
      spec: { containers: [{ name: 'web' }, { name: 'sidecar' }] },
      status: { phase: 'Pending', containerStatuses: [] },
    },
  ],
};
const events = {
  items: [
    {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting\n',
      count: 3,
      lastTimestamp: '2026-11-23T10:05:00Z',
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default' },
    },
    {
      type: 'Normal',
      reason: 'NodeReady',
      message: 'ready',
      eventTime: '2026-11-23T10:00:00Z',
      involvedObject: { kind: 'Node', name: 'demo-workers-1' },
    },
  ],
};

/** An engine that has only kubectl, answering from canned JSON and canned log lines. */
function kubectlOnlyEngine(calls: string[][], failWith?: string): Engine {
  const kubectl = async (_cluster: string, args: readonly string[], streams: KubectlStreams): Promise<number> => {
    calls.push([...args]);
    if (failWith) {
      streams.stderr.write(failWith);
      return 1;
    }
    if (args[0] === 'logs') {
      const container = args.at(-1) ?? '';
      streams.stdout.write(`first from ${container}\nsecond from ${container}\n`);
      await new Promise<void>((resolve) => {
        if (streams.signal?.aborted) resolve();
        streams.signal?.addEventListener('abort', () => {
          resolve();
        });
      });
      return 0;
    }
    const answer = args[1] === 'nodes' ? nodes : args[1] === 'pods' ? pods : events;
    streams.stdout.write(JSON.stringify(answer));
    return 0;
  };
  return { kubectl } as unknown as Engine;
}

describe('withKubectlInsights', () => {
  it('adds nodes, pods and events read with the cluster kubectl', async () => {
    const calls: string[][] = [];
    const engine = withKubectlInsights(kubectlOnlyEngine(calls));
    expect(detectEngineExtras(engine)).toEqual({
      nodeStats: false,
      kubeNodes: true,
      listPods: true,
      listEvents: true,
      followLogs: true,
    });
    expect(await engine.kubeNodes?.('demo')).toEqual([
      { name: 'demo-control-plane', ready: true, kubeletVersion: 'v1.34.4', roles: ['control-plane'] },
      { name: 'demo-workers-1', ready: false, kubeletVersion: 'v1.34.4', roles: [] },
    ]);
    expect(await engine.listPods?.('demo')).toEqual([
      {
        namespace: 'kube-system',
        name: 'coredns-abc',
        node: 'demo-workers-1',
        phase: 'Running',
        ready: true,
        restarts: 2,
      },
      { namespace: 'default', name: 'web-1', node: undefined, phase: 'Pending', ready: false, restarts: 0 },
    ]);
    expect(
      (await engine.listEvents?.('demo'))?.map((event) => [event.at, event.reason, event.object, event.message]),
    ).toEqual([
      ['2026-11-23T10:00:00Z', 'NodeReady', 'Node/demo-workers-1', 'ready'],
      ['2026-11-23T10:05:00Z', 'BackOff', 'Pod/web-1', 'Back-off restarting'],
    ]);
    expect(calls).toEqual([
      ['get', 'nodes', '-o', 'json'],
      ['get', 'pods', '-A', '-o', 'json'],
      ['get', 'events', '-A', '-o', 'json'],
    ]);
  });

  it('keeps the engine own methods and this binding', async () => {
    class NativeEngine {
      private readonly secret = 'native';
      nodeStats(): Promise<string> {
        return Promise.resolve(this.secret);
      }
    }
    const engine = withKubectlInsights(new NativeEngine() as unknown as Engine) as unknown as NativeEngine;
    expect(await engine.nodeStats()).toBe('native');
  });

  it('tails every container of the matching pods until stopped', async () => {
    const calls: string[][] = [];
    const engine = withKubectlInsights(kubectlOnlyEngine(calls));
    const controller = new AbortController();
    const lines: LogLine[] = [];
    const following = engine.followLogs?.('demo', {
      podPattern: 'web-*',
      namespace: 'default',
      tailLines: 5,
      signal: controller.signal,
      onLines: (batch) => lines.push(...batch),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    controller.abort();
    await following;
    expect(calls.filter((call) => call[0] === 'logs')).toEqual([
      ['logs', '-f', '--tail=5', '-n', 'default', 'web-1', '-c', 'web'],
      ['logs', '-f', '--tail=5', '-n', 'default', 'web-1', '-c', 'sidecar'],
    ]);
    expect(lines).toEqual([
      { namespace: 'default', pod: 'web-1', container: 'web', text: 'first from web' },
      { namespace: 'default', pod: 'web-1', container: 'web', text: 'second from web' },
      { namespace: 'default', pod: 'web-1', container: 'sidecar', text: 'first from sidecar' },
      { namespace: 'default', pod: 'web-1', container: 'sidecar', text: 'second from sidecar' },
    ]);
  });

  it('reports a kubectl failure with the command and its stderr', async () => {
    const engine = withKubectlInsights(kubectlOnlyEngine([], 'error: the server is not ready'));
    await expect(engine.listPods?.('demo')).rejects.toMatchObject({
      code: 'COMMAND_FAILED',
      command: ['kubectl', 'get', 'pods', '-A'],
      stderr: 'error: the server is not ready',
    });
  });

  it('falls back to the creation time for events without timestamps', () => {
    expect(toClusterEvent({ metadata: { creationTimestamp: '2026-01-01T00:00:00Z' }, involvedObject: {} })).toEqual({
      at: '2026-01-01T00:00:00Z',
      type: 'Normal',
      reason: '',
      object: '?/?',
      message: '',
    });
  });
});
