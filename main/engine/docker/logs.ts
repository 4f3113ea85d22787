// Collecting what a bug report needs from one container: its console log, `docker inspect`,
// and directories copied out of it (journal files, pod logs).
import type Docker from 'dockerode';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from './errors.js';
import { firstFileInTar } from './tar-file.js';

/** Write `console.log` and `inspect.json` for a node into dir; returns the files written. */
export async function writeContainerLogs(docker: Docker, name: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const container = docker.getContainer(name);
  const inspect = await container.inspect();
  const inspectFile = join(dir, 'inspect.json');
  await writeFile(inspectFile, `${JSON.stringify(inspect, null, 2)}\n`);
  const log = await container.logs({ stdout: true, stderr: true, timestamps: true, follow: false });
  const logFile = join(dir, 'console.log');
  await writeFile(logFile, log);
  return [inspectFile, logFile];
}

/** Copy `path` out of a container (tar through the archive API) and extract it into dir. */
export async function copyOut(docker: Docker, name: string, path: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const archive = await docker.getContainer(name).getArchive({ path });
  const { execa } = await import('execa'); // only here: `slipway list` should not load it
  await execa('tar', ['-x', '-C', dir], { input: Buffer.concat(await collect(archive)) });
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return chunks;
}

/** One file out of a container through the archive API (works on stopped containers too). */
export async function readContainerFile(docker: Docker, name: string, path: string): Promise<Buffer | undefined> {
  try {
    return firstFileInTar(Buffer.concat(await collect(await docker.getContainer(name).getArchive({ path }))));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
