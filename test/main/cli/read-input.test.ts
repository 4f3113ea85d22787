// Reading -f/--site/FILE arguments: size cap enforced while reading, UTF-8 only, and every
// failure a one-line usage error (exit 2) that names the argument.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cancelled, UsageError } from '../../../main/errors.js';
import { MAX_INPUT_BYTES, readInputFile, readStreamCapped } from '../../../main/cli/read-input.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'slipway-read-'));
}

async function refusal(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('readInputFile', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const file = join(tempDir(), 'spec.yaml');
    writeFileSync(file, '\uFEFFkind: Cluster # ü\n');
    expect(await readInputFile(file, '--file')).toBe('kind: Cluster # ü\n');
  });

  it('says what file it wants in the hint, with a generic default', async () => {
    const missing = join(tempDir(), 'nope.yaml');
    const generic = await refusal(readInputFile(missing, '--site'));
    expect(generic.message).toBe(`--site ${missing}: no such file`);
    expect(generic.hint).toBe('pass the path of a YAML file to --site');
    const specific = await refusal(readInputFile(missing, '-f', { what: 'a cluster spec YAML file' }));
    expect(specific.hint).toBe('pass the path of a cluster spec YAML file to -f');
    expect(specific.exitCode).toBe(2);
  });

  it('refuses a directory in plain words', async () => {
    const dir = tempDir();
    const error = await refusal(readInputFile(dir, '-f'));
    expect(error.message).toBe(`-f ${dir}: is a directory, not a file`);
  });

  it('refuses a file over the cap from its size, before reading it', async () => {
    const file = join(tempDir(), 'big.yaml');
    writeFileSync(file, 'a'.repeat(MAX_INPUT_BYTES + 1));
    expect((await refusal(readInputFile(file, '-f'))).message).toBe(`-f ${file}: is larger than 1 MiB`);
    writeFileSync(file, 'a'.repeat(11));
    expect((await refusal(readInputFile(file, '-f', { maxBytes: 10 }))).message).toBe(
      `-f ${file}: is larger than 10 bytes`,
    );
  });

  it('stops reading an endless device at the cap', async () => {
    const error = await refusal(readInputFile('/dev/zero', '-f', { maxBytes: 4096 }));
    expect(error.message).toBe('-f /dev/zero: is larger than 4096 bytes');
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', async () => {
    const file = join(tempDir(), 'latin1.yaml');
    writeFileSync(file, Buffer.from([0x6b, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    const error = await refusal(readInputFile(file, '-f'));
    expect(error.message).toBe(`-f ${file}: is not UTF-8 text`);
    expect(error.hint).toBe('save the file as UTF-8');
  });

  it('quotes a path holding control characters', async () => {
    const error = await refusal(readInputFile('/nonexistent/a\nerror: forged', '-f'));
    expect(error.message).toBe('-f "/nonexistent/a\\nerror: forged": no such file');
  });
});

describe('readStreamCapped', () => {
  it('stops pulling from the stream once past the cap', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        await Promise.resolve();
        yield Buffer.alloc(1000);
      }
    }
    await expect(readStreamCapped(endless(), 4500)).rejects.toThrow('is larger than 4500 bytes');
    expect(pulled).toBe(5);
  });

  it('joins the chunks of a stream within the cap', async () => {
    async function* chunks() {
      await Promise.resolve();
      yield Buffer.from('kind: ');
      yield 'Cluster';
    }
    expect((await readStreamCapped(chunks(), 100)).toString('utf8')).toBe('kind: Cluster');
  });
});

describe('readInputFile on a named pipe', () => {
  function fifo(): string {
    const path = join(tempDir(), 'spec.fifo');
    execFileSync('mkfifo', [path]);
    return path;
  }

  it('stops waiting for a writer that never comes when the signal aborts', async () => {
    const path = fifo();
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 200);
    const error = await readInputFile(path, '--file', { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Cancelled);
  });

  it('reads what a writer sends once it comes', async () => {
    const path = fifo();
    const writer = spawn('sh', ['-c', `sleep 0.3; printf 'kind: Cluster\\n' > '${path}'`]);
    expect(await readInputFile(path, '--file', { signal: new AbortController().signal })).toBe('kind: Cluster\n');
    writer.kill();
  });

  it('refuses a pipe that sends more than the cap', async () => {
    const path = fifo();
    const writer = spawn('sh', ['-c', `head -c 5000 /dev/zero | tr '\\0' a > '${path}'`]);
    const error = await refusal(readInputFile(path, '--file', { maxBytes: 1000 }));
    expect(error.message).toBe(`--file ${path}: is larger than 1000 bytes`);
    writer.kill();
  });
});
