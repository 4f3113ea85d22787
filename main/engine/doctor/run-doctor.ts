// Runs every applicable checker and reports them as DoctorChecks, in a fixed order.
import type { DoctorCheck } from '../types.js';
import { cgroupVersion } from './cgroup-version.js';
import { diskSpace } from './disk-space.js';
import { engineReachable } from './engine-reachable.js';
import { freePorts } from './free-ports.js';
import { inotifyLimits } from './inotify-limits.js';
import { nodeImagePresent } from './node-image.js';
import { privilegedMode } from './privileged-mode.js';
import type { Checker, HostProbes } from './types.js';

export const CHECKERS: readonly Checker[] = [
  engineReachable,
  nodeImagePresent,
  privilegedMode,
  cgroupVersion,
  freePorts,
  diskSpace,
  inotifyLimits,
];

/** Run the checkers that apply; a checker that throws is reported as failed, not fatal. */
export async function runDoctor(probes: HostProbes, checkers: readonly Checker[] = CHECKERS): Promise<DoctorCheck[]> {
  const results: DoctorCheck[] = [];
  for (const checker of checkers) {
    if (!(await checker.applicable(probes))) continue;
    const outcome = await checker
      .check(probes)
      .catch((error: unknown) => ({ ok: false, detail: `check failed: ${(error as Error).message}` }));
    results.push({ id: checker.id, title: checker.title, severity: checker.severity, ...outcome });
  }
  return results;
}
