// Waiting until a freshly started node's init is far enough for kubeadm: we follow the
// container's log until the entrypoint's readiness line (kind waits the same way).
import type Docker from 'dockerode';
import { Cancelled, SlipwayError } from '../../errors.js';

/** kind's pattern: systemd reached multi-user, or the cgroup v1 setup line that precedes it. */
export const BOOT_PATTERN = /Reached target .*Multi-User System|detected cgroup v1/;

/** Resolve once a log line matches `pattern`; reject on timeout, exit or abort. */
export async function waitForLogLine(
  container: Docker.Container,
  pattern: RegExp,
  options: { timeoutMs: number; signal?: AbortSignal; what: string },
): Promise<void> {
  const stream = (await container.logs({ follow: true, stdout: true, stderr: true })) as NodeJS.ReadableStream & {
    destroy(): void;
  };
  let text = '';
  await new Promise<void>((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => {
      finish(new Cancelled(`cancelled while ${options.what} was starting`));
    };
    const timer = setTimeout(() => {
      const tail = text.trim().split('\n').slice(-5).join(' | ');
      finish(
        new SlipwayError(
          `${options.what} did not finish booting within ${String(options.timeoutMs / 1000)}s; last log lines: ${tail}`,
        ),
      );
    }, options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) {
      onAbort();
      return;
    }
    stream.on('data', (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-64 * 1024);
      if (pattern.test(text)) finish();
    });
    stream.on('end', () => {
      finish(
        new SlipwayError(`${options.what} exited while booting: ${text.trim().split('\n').slice(-5).join(' | ')}`),
      );
    });
    stream.on('error', (error: Error) => {
      finish(error);
    });
  });
}
