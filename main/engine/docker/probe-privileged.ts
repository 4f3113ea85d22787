// Does `--privileged` work on this host? Docker 20.10 grants every capability it knows of to
// privileged containers, and runc fails when the host lacks one (CAP_SYS_RESOURCE, moby#42906).
// A throw-away container from the node image answers; the engine caches the result.
import type Docker from 'dockerode';
import { Label } from '../labels.js';
import type { SecurityMode } from '../provider.js';
import { dockerMessage } from './errors.js';
import { isCapabilityRefusal } from './security-flags.js';

export interface ProbeResult {
  mode: SecurityMode;
  /** Why the fallback was chosen, for the log and `doctor`. */
  reason?: string;
}

/** Start a privileged container running /bin/true and see whether runc accepts it. */
export async function probePrivileged(docker: Docker, image: string): Promise<ProbeResult> {
  const container = await docker.createContainer({
    Image: image,
    Entrypoint: ['/bin/true'],
    Cmd: [],
    Labels: { [Label.probe]: 'true' },
    HostConfig: { Privileged: true },
  });
  try {
    await container.start();
    await container.wait();
    return { mode: 'privileged' };
  } catch (error) {
    const message = dockerMessage(error);
    return {
      mode: 'fallback',
      reason: isCapabilityRefusal(message)
        ? 'the host lacks a capability Docker grants privileged containers'
        : message,
    };
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
