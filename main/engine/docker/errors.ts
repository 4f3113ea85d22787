// Translating dockerode failures into Slipway's typed errors at the provider boundary.
import { EngineUnavailable } from '../../errors.js';

interface DockerErrorShape {
  code?: string;
  statusCode?: number;
  json?: { message?: string } | null;
  message?: string;
  address?: string;
}

function shape(error: unknown): DockerErrorShape {
  return error !== null && typeof error === 'object' ? error : {};
}

/** The daemon's own message, without dockerode's "(HTTP code 500) server error - " prefix. */
export function dockerMessage(error: unknown): string {
  const s = shape(error);
  return s.json?.message ?? s.message ?? String(error);
}

export function isNotFound(error: unknown): boolean {
  return shape(error).statusCode === 404;
}

/** True when the daemon socket cannot be reached at all. */
export function isUnreachable(error: unknown): boolean {
  const code = shape(error).code;
  return code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'EACCES' || code === 'ECONNRESET' || code === 'EPIPE';
}

/** An EngineUnavailable naming the socket and how to start Docker. */
export function engineUnavailable(error: unknown, socket: string): EngineUnavailable {
  const code = shape(error).code ?? 'no answer';
  const hint =
    code === 'EACCES'
      ? `add your user to the docker group or run as root`
      : 'start it with `dockerd` (or `sudo systemctl start docker`), or point DOCKER_HOST at a running engine';
  return new EngineUnavailable(`Docker is not reachable at ${socket} (${code})`, { cause: error, hint });
}

/** Run a Docker call, turning an unreachable daemon into EngineUnavailable. */
export async function withDocker<T>(socket: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnreachable(error)) throw engineUnavailable(error, socket);
    throw error;
  }
}
