// Handlers for what an engine may optionally tell about a running cluster: node stats,
// Kubernetes node status, pods and events. Missing capabilities answer NOT_AVAILABLE so
// the UI can say so instead of drawing empty charts.
import type { IpcHandlers } from '../contract.js';
import type { EngineWithExtras } from '../engine-extras.js';
import { FeatureUnavailable } from '../ipc-errors.js';

type InsightChannels = 'clusters:node-stats' | 'clusters:kube-nodes' | 'clusters:pods' | 'clusters:events';

/** Handlers for the optional per-cluster insight channels. */
export function createInsightHandlers(engine: EngineWithExtras): Pick<IpcHandlers, InsightChannels> {
  return {
    'clusters:node-stats': ({ name }) => {
      if (!engine.nodeStats) return unavailable('node CPU and memory stats');
      return engine.nodeStats(name);
    },
    'clusters:kube-nodes': ({ name }) => {
      if (!engine.kubeNodes) return unavailable('Kubernetes node status');
      return engine.kubeNodes(name);
    },
    'clusters:pods': ({ name }) => {
      if (!engine.listPods) return unavailable('the pod list');
      return engine.listPods(name);
    },
    'clusters:events': ({ name }) => {
      if (!engine.listEvents) return unavailable('cluster events');
      return engine.listEvents(name);
    },
  };
}

function unavailable(what: string): Promise<never> {
  return Promise.reject(new FeatureUnavailable(`this engine does not report ${what} yet`));
}
