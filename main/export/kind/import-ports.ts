// Port mappings from kind nodes. Slipway publishes them from one node (the ingress-ready one),
// so mappings are gathered from every node and moves are reported.
import { formatPath } from '../../spec/problem-path.js';
import { issue } from '../issues.js';
import type { ExportIssue } from '../types.js';
import { effectiveLabels } from './import-patches.js';
import { INGRESS_READY_LABEL } from './pool-label.js';
import type { KindNode } from './schema.js';

export interface ImportedPortMapping {
  hostPort: number;
  containerPort: number;
  protocol: 'TCP' | 'UDP';
  listenAddress: string;
}

// kind listens on every interface unless told otherwise; Slipway publishes on loopback only
// unless asked, so an imported mapping without an address stays local (with a warning).
const KIND_DEFAULT_LISTEN_ADDRESS = '0.0.0.0';
const LOCAL_LISTEN_ADDRESS = '127.0.0.1';

/** Every port mapping Slipway can publish, with issues for the rest. */
export function importPortMappings(nodes: readonly KindNode[], issues: ExportIssue[]): ImportedPortMapping[] {
  const ingressNode = nodes.findIndex(
    (node) => node.role === 'worker' && effectiveLabels(node)[INGRESS_READY_LABEL] === 'true',
  );
  const publishing = ingressNode >= 0 ? ingressNode : nodes.findIndex((node) => node.role === 'control-plane');
  return nodes.flatMap((node, nodeIndex) =>
    (node.extraPortMappings ?? []).flatMap((mapping, index): ImportedPortMapping[] => {
      const path = formatPath(['nodes', nodeIndex, 'extraPortMappings', index]);
      if (mapping.hostPort === undefined || mapping.hostPort <= 0) {
        issues.push(
          issue(
            'UNSUPPORTED_FIELD',
            'warning',
            path,
            `container port ${String(mapping.containerPort)} has no fixed host port; Slipway maps fixed ports only, so it is dropped`,
          ),
        );
        return [];
      }
      if (mapping.protocol === 'SCTP') {
        issues.push(
          issue(
            'UNSUPPORTED_FIELD',
            'warning',
            path,
            `SCTP port ${String(mapping.hostPort)} is dropped: Slipway maps TCP and UDP`,
          ),
        );
        return [];
      }
      if (nodeIndex !== publishing) {
        issues.push(
          issue(
            'LOSSY_MAPPING',
            'warning',
            path,
            `host port ${String(mapping.hostPort)} moves to the node labelled ingress-ready=true (or the first control plane), where Slipway publishes ports`,
          ),
        );
      }
      if (mapping.listenAddress === undefined) {
        issues.push(
          issue(
            'DEFAULTED_VALUE',
            'warning',
            path,
            `host port ${String(mapping.hostPort)} listened on ${KIND_DEFAULT_LISTEN_ADDRESS} (every interface) in kind; it now listens on ${LOCAL_LISTEN_ADDRESS} only: set listenAddress ${KIND_DEFAULT_LISTEN_ADDRESS} to reach it from other machines`,
          ),
        );
      }
      return [
        {
          hostPort: mapping.hostPort,
          containerPort: mapping.containerPort,
          protocol: mapping.protocol ?? 'TCP',
          listenAddress: mapping.listenAddress ?? LOCAL_LISTEN_ADDRESS,
        },
      ];
    }),
  );
}
