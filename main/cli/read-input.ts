// Reads a file named on the command line ('-' for standard input) as UTF-8 text. The size cap
// is enforced while reading, never after: a huge file, a device or an endless pipe is refused
// without being read whole. Every failure becomes a usage error that names the argument.
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Cancelled, UsageError } from '../errors.js';
import { hasControlCharacters, quote } from '../spec/quote.js';

/** Spec, site and kind config files are a few hundred lines; 1 MiB is far beyond any of them. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** `what` for cluster spec files. */
export const CLUSTER_SPEC_FILE = 'a cluster spec YAML file';

export interface ReadInputOptions {
  /** What the file should be, for hints such as "pass the path of <what> to --file". */
  what?: string;
  maxBytes?: number;
  /** Ctrl-C: stops waiting for a named pipe's writer. */
  signal?: AbortSignal;
}

/** A reason to refuse the input, with what to do about it. */
class InputRefused extends Error {
  constructor(
    readonly reason: string,
    readonly hint?: string,
  ) {
    super(reason);
  }
}

export async function readInputFile(path: string, flag: string, options: ReadInputOptions = {}): Promise<string> {
  const what = options.what ?? 'a YAML file';
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  try {
    const bytes =
      path === '-'
        ? await readStreamCapped(process.stdin, maxBytes)
        : await readFileCapped(path, maxBytes, options.signal);
    return decodeUtf8(bytes);
  } catch (error) {
    if (error instanceof Cancelled) throw error;
    const refused = error instanceof InputRefused ? error : refusalFor(error);
    throw new UsageError(`${flag} ${printablePath(path)}: ${refused.reason}`, {
      hint: refused.hint ?? `pass the path of ${what} to ${flag}`,
      cause: error,
    });
  }
}

/** Read a file (or FIFO, or device) up to the cap; a regular file's size is checked first. */
async function readFileCapped(path: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  // Opening a named pipe blocks until a writer comes, in a thread nothing can interrupt.
  if ((await stat(path)).isFIFO()) return readPipeCapped(path, maxBytes, signal);
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputRefused('is a directory, not a file');
    if (stats.size > maxBytes) throw tooLarge(maxBytes);
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(maxBytes);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Read a named pipe without blocking: until a writer has sent something, an empty read means
 * "no writer yet" and is retried, so Ctrl-C (the signal) can stop the wait at any time.
 */
async function readPipeCapped(path: string, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      if (signal?.aborted) throw new Cancelled('stopped waiting for the named pipe to be written');
      const bytesRead = await readAvailable(handle, buffer, length);
      if (bytesRead === 0 && length > 0) break;
      length += bytesRead ?? 0;
      if (length > maxBytes) throw tooLarge(maxBytes);
      if (!bytesRead) await sleep(50, undefined, { signal }).catch(() => undefined);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** Bytes read into the buffer at `offset`; undefined when the writer has not sent more yet. */
async function readAvailable(handle: FileHandle, buffer: Buffer, offset: number): Promise<number | undefined> {
  try {
    return (await handle.read(buffer, offset, buffer.length - offset, null)).bytesRead;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return undefined;
    throw error;
  }
}

/** Read a stream (standard input) and stop as soon as it passes the cap. */
export async function readStreamCapped(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) throw tooLarge(maxBytes);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function decodeUtf8(bytes: Buffer): string {
  try {
    // fatal: invalid bytes are an error, not silently replaced with U+FFFD.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputRefused('is not UTF-8 text', 'save the file as UTF-8');
  }
}

function tooLarge(maxBytes: number): InputRefused {
  const size = maxBytes % 2 ** 20 === 0 ? `${String(maxBytes / 2 ** 20)} MiB` : `${String(maxBytes)} bytes`;
  return new InputRefused(`is larger than ${size}`);
}

/** Plain words for the file-system errors a user can cause. */
function refusalFor(error: unknown): InputRefused {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputRefused('no such file');
  if (code === 'EISDIR') return new InputRefused('is a directory, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new InputRefused('permission denied');
  return new InputRefused(error instanceof Error ? error.message : String(error));
}

/** The path as typed, unless it holds control characters that could forge output lines. */
function printablePath(path: string): string {
  return hasControlCharacters(path) ? quote(path, Number.POSITIVE_INFINITY) : path;
}
