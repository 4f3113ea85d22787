// Running a command inside a container through the exec API, with stdin, streamed or collected
// output, and cancellation. Non-zero exits are results, not errors: callers decide.
import type Docker from 'dockerode';
import { PassThrough, Readable, type Duplex } from 'node:stream';
import { Cancelled } from '../../errors.js';
import type { ExecOptions, ExecOutput } from '../provider.js';

/** The one docker-modem method we use; dockerode types its modem as any. */
interface DemuxModem {
  demuxStream(stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): void;
}

function collector(target: NodeJS.WritableStream | undefined): { stream: PassThrough; chunks: Buffer[] } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  if (target) stream.pipe(target, { end: false });
  else stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, chunks };
}

function feedStdin(stream: Duplex, stdin: NonNullable<ExecOptions['stdin']>): void {
  if (typeof stdin === 'string' || stdin instanceof Uint8Array) {
    stream.end(stdin);
    return;
  }
  // Ending the hijacked connection half-closes it, which the daemon turns into EOF on stdin.
  const source = Readable.from(stdin as AsyncIterable<Buffer>);
  // The caller destroys its stdin once the command has exited (`kubectl get` never reads it);
  // the iterator then fails with a premature close that is no error of the command's.
  source.on('error', () => stream.end());
  source.pipe(stream);
}

function finished(stream: Duplex, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      stream.destroy();
      reject(new Cancelled('cancelled while a command was running in a node'));
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    stream.once('end', done);
    stream.once('close', done);
    stream.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

/** The exit code, once the daemon has noticed the process ended (slow on a loaded host). */
async function exitCodeOf(exec: Docker.Exec): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (let delay = 10; ; delay = Math.min(delay * 2, 500)) {
    const info = await exec.inspect();
    if (!info.Running) return info.ExitCode ?? -1;
    if (Date.now() > deadline) return -1;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Run `command` in `container` and wait for it. */
export async function execInContainer(
  container: Docker.Container,
  command: readonly string[],
  options: ExecOptions & { privileged: boolean },
): Promise<ExecOutput> {
  if (options.signal?.aborted) throw new Cancelled('cancelled before a command could run in a node');
  const exec = await container.exec({
    Cmd: [...command],
    AttachStdin: options.stdin !== undefined,
    AttachStdout: true,
    AttachStderr: true,
    Privileged: options.privileged,
  });
  const stream = await exec.start({ hijack: true, stdin: options.stdin !== undefined });
  const out = collector(options.stdout);
  const err = collector(options.stderr);
  (container.modem as DemuxModem).demuxStream(stream, out.stream, err.stream);
  const done = finished(stream, options.signal);
  if (options.stdin !== undefined) feedStdin(stream, options.stdin);
  await done;
  return { exitCode: await exitCodeOf(exec), stdout: Buffer.concat(out.chunks), stderr: Buffer.concat(err.chunks) };
}
