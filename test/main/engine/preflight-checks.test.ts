import { DEFAULT_RELEASE, OLDEST_RELEASE } from '../../../main/spec/releases.js';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Conflict, HostProblem, SpecInvalid } from '../../../main/errors.js';
import {
  assertDiskSpace,
  assertPortsFree,
  assertVersion,
  requiredFreeBytes,
} from '../../../main/engine/create/preflight-checks.js';
import { parseKubeVersion, type KubeVersion } from '../../../main/engine/kubeadm/version.js';
import { specOf } from './spec-fixtures.js';

const GiB = 2 ** 30;

function version(text: string): KubeVersion {
  const parsed = parseKubeVersion(text);
  if (!parsed) throw new Error(text);
  return parsed;
}

describe('assertDiskSpace', () => {
  it('refuses too little free space as a host problem naming the directory', async () => {
    const error = await assertDiskSpace('/var/lib/docker', 3, () => Promise.resolve(2 * GiB)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostProblem);
    expect((error as HostProblem).message).toMatch(
      /only 2\.0 GiB free in \/var\/lib\/docker; 3 nodes need about 5 GiB/,
    );
  });

  it('accepts enough space, and skips when nothing can be measured', async () => {
    await expect(assertDiskSpace('/d', 3, () => Promise.resolve(requiredFreeBytes(3)))).resolves.toBeUndefined();
    await expect(assertDiskSpace(undefined, 3, () => Promise.reject(new Error('no')))).resolves.toBeUndefined();
    await expect(assertDiskSpace('/remote', 3, () => Promise.reject(new Error('ENOENT')))).resolves.toBeUndefined();
  });
});

describe('assertPortsFree', () => {
  it('refuses a mapped host port that is in use, naming the field (exit 2)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error = await assertPortsFree(
        specOf('demo', { portMappings: [{ hostPort: port, containerPort: 80 }] }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).exitCode).toBe(2);
      expect((error as Conflict).message).toContain(`host port ${String(port)}/TCP on 127.0.0.1 is in use`);
      await expect(assertPortsFree(specOf('demo', { networking: { apiServerPort: port } }))).rejects.toThrow(
        /apiServerPort|in use/,
      );
    } finally {
      server.close();
    }
  });

  it('accepts free ports', async () => {
    await expect(assertPortsFree(specOf('demo'))).resolves.toBeUndefined();
  });
});

describe('assertVersion', () => {
  const today = new Date('2026-12-04T12:00:00Z');
  const v = version(DEFAULT_RELEASE.patch);

  it('accepts an image of the requested minor or patch, or when none is requested', () => {
    for (const kubernetesVersion of [undefined, `v${DEFAULT_RELEASE.minor}`, DEFAULT_RELEASE.patch]) {
      expect(() => {
        assertVersion(specOf('demo', kubernetesVersion ? { kubernetesVersion } : {}), 'img', v, today);
      }).not.toThrow();
    }
  });

  it('refuses an image whose /kind/version disagrees, naming spec.kubernetesVersion', () => {
    const other = OLDEST_RELEASE;
    const error = catchProblem(() => {
      assertVersion(specOf('demo', { kubernetesVersion: `v${other.minor}` }), 'img', v, today);
    });
    expect(error?.problems[0]?.path).toBe('spec.kubernetesVersion');
    expect(error?.problems[0]?.message).toContain(DEFAULT_RELEASE.patch);
  });

  it('refuses a retired release on the node image, naming spec.nodeImage', () => {
    const error = catchProblem(() => {
      assertVersion(specOf('demo'), 'old-img', version('v1.34.4'), today);
    });
    expect(error?.problems[0]?.path).toBe('spec.nodeImage');
    expect(error?.problems[0]?.message).toContain('not a supported release');
  });

  it('refuses a catalog release once its end of life has passed', () => {
    const oldest = OLDEST_RELEASE;
    const after = new Date(`${oldest.endOfLife}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    const error = catchProblem(() => {
      assertVersion(specOf('demo'), 'img', version(oldest.patch), after);
    });
    expect(error?.problems[0]?.message).toContain(`reached end of life on ${oldest.endOfLife}`);
  });
});

function catchProblem(run: () => void): SpecInvalid | undefined {
  try {
    run();
  } catch (e) {
    return e as SpecInvalid;
  }
  return undefined;
}
