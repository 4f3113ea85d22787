// Node images on the host: presence, a bounded pull, facts read from the image's files without
// starting it, and `docker save` archives for `image load`.
import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { NotFound, UsageError } from '../../errors.js';
import { Label } from '../labels.js';
import type { ImageFacts } from '../provider.js';
import { isNotFound } from './errors.js';
import { firstFileInTar } from './tar-file.js';

export async function imagePresent(docker: Docker, ref: string): Promise<boolean> {
  try {
    await docker.getImage(ref).inspect();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

/** Pull with a deadline; offline hosts answer false instead of hanging. */
export async function pullImage(
  docker: Docker,
  ref: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<boolean> {
  const deadline = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])]);
  try {
    const stream = await docker.pull(ref, { abortSignal: deadline });
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(stream, (error: Error | null) => {
        if (error) reject(error);
        else resolve();
      });
    });
    return await imagePresent(docker, ref);
  } catch {
    return false;
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Read one file of an image through a created-but-never-started container. */
export async function readImageFile(docker: Docker, ref: string, path: string): Promise<Buffer | undefined> {
  const container = await docker.createContainer({
    Image: ref,
    Entrypoint: ['/bin/true'],
    Cmd: [],
    Labels: { [Label.probe]: 'true' },
  });
  try {
    return firstFileInTar(await readAll(await container.getArchive({ path })));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  } finally {
    await container.remove({ force: true, v: true });
  }
}

/** The Kubernetes version a kind-compatible node image carries in /kind/version. */
export async function nodeImageFacts(docker: Docker, ref: string): Promise<ImageFacts> {
  const info = await docker
    .getImage(ref)
    .inspect()
    .catch((error: unknown) => {
      if (isNotFound(error)) throw new NotFound(`node image ${ref} is not present`);
      throw error;
    });
  const version = await readImageFile(docker, ref, '/kind/version');
  if (!version) {
    throw new UsageError(`${ref} is not a kind-compatible node image: it has no /kind/version`, {
      hint: 'use a kindest/node image or build ours with `npm run images:node`',
    });
  }
  return { kubernetesVersion: version.toString('utf8').trim(), id: info.Id };
}

/** `docker save` of several images as one archive stream. */
export async function saveImages(docker: Docker, refs: readonly string[]): Promise<Readable> {
  for (const ref of refs) {
    if (!(await imagePresent(docker, ref)))
      throw new NotFound(`image ${ref} is not present on the host`, {
        hint: `pull or build it first (docker image ls ${ref})`,
      });
  }
  // dockerode's typings lack getImages (GET /images/get?names=...).
  const withGetImages = docker as unknown as { getImages(opts: { names: string[] }): Promise<Readable> };
  return withGetImages.getImages({ names: [...refs] });
}
