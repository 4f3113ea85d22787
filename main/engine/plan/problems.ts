// The engine's limits on a spec's nodes (hostname-length node names, reserved pool names, the
// workers that fit the cluster's /24). The rules live with spec validation (main/spec/
// node-layout.ts), so `slipway validate` applies them too; preflight asks through here.
import type { Problem } from '../../errors.js';
import type { ClusterSpec } from '../../spec/index.js';
import { nodeLayoutProblems } from '../../spec/node-layout.js';
import { formatPath } from '../../spec/problem-path.js';

/** Every engine-level problem with the spec, with paths like the validator's. */
export function planProblems(spec: ClusterSpec): Problem[] {
  return nodeLayoutProblems(spec).map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
