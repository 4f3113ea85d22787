// Host diagnostics as one small checker per file (rancher-desktop's shape): each says whether
// it applies, then checks through probes that tests replace with fakes.
import type { HostInfo, SecurityMode } from '../provider.js';

/** Everything a checker may ask of the host; the real one talks to Docker and the OS. */
export interface HostProbes {
  /** Engine facts, or the error that kept us from getting them. */
  engine(): Promise<{ ok: true; info: HostInfo; endpoint: string } | { ok: false; error: Error }>;
  /** The default node image, if any is present locally. */
  nodeImage(): Promise<string | undefined>;
  /** Privileged or fallback, probed with the default node image (undefined without one). */
  securityMode(): Promise<SecurityMode | undefined>;
  readText(path: string): Promise<string | undefined>;
  /** Free bytes on the filesystem holding path, or undefined when it cannot be measured. */
  freeBytes(path: string): Promise<number | undefined>;
  portFree(address: string, port: number): Promise<boolean>;
  /** Any free port can be bound on this address (loopback works at all). */
  canBind(address: string): Promise<boolean>;
}

export interface CheckOutcome {
  ok: boolean;
  detail: string;
  fix?: string;
}

export interface Checker {
  id: string;
  title: string;
  /** Failing checks that block create are errors; the rest are warnings. */
  severity: 'error' | 'warning';
  applicable(probes: HostProbes): Promise<boolean>;
  check(probes: HostProbes): Promise<CheckOutcome>;
}

/** True when the engine answers (most checks need it). */
export async function engineAnswers(probes: HostProbes): Promise<boolean> {
  return (await probes.engine()).ok;
}
