// dockerode, loaded with its two heaviest requires deferred to first use: ssh2 (needed only
// for a DOCKER_HOST of ssh://) and gRPC (only for BuildKit sessions, which Slipway never
// opens). Together they are most of dockerode's load time, which every verb that talks to
// Docker would pay before its first request (BENCHMARKS.md). Each deferred module is replaced
// in Node's module cache by a function that loads the real one on its first call and passes
// the call on, so nothing behaves differently.
import { Module, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Docker from 'dockerode';

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

const require = createRequire(import.meta.url);

/** Puts a stand-in for the CommonJS module at `path` that loads it on its first call. */
function deferFunctionModule(path: string): void {
  if (require.cache[path]) return;
  let real: AnyFunction | undefined;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = function deferred(this: unknown, ...args: unknown[]): unknown {
    if (!real) {
      Reflect.deleteProperty(require.cache, path);
      real = require(path) as AnyFunction;
    }
    return real.apply(this, args);
  };
  require.cache[path] = standIn;
}

let constructor: typeof Docker | undefined;

/** dockerode's Docker class, loaded once with ssh2 and gRPC deferred. */
export function dockerodeClass(): typeof Docker {
  if (constructor) return constructor;
  const dockerodeMain = require.resolve('dockerode');
  const modemMain = createRequire(dockerodeMain).resolve('docker-modem');
  deferFunctionModule(join(dirname(modemMain), 'ssh.js'));
  deferFunctionModule(join(dirname(dockerodeMain), 'session.js'));
  constructor = require(dockerodeMain) as typeof Docker;
  return constructor;
}

/** A client for the local Docker daemon (DOCKER_HOST, else the default socket). */
export function newDocker(): Docker {
  const DockerClass = dockerodeClass();
  return new DockerClass();
}
