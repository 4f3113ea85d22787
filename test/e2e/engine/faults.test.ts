// Fault injection on real clusters (real Docker, real kubeadm, the hermetic node image): an
// abort at each step of create, a host port taken between preflight and publishing, and a
// kill -9 of the CLI mid-create followed by the next command. Each ends with one clear error
// and no container or network left (after kill -9, the next create names the leftovers and
// how to remove them, and delete removes them). Run alone: `flock /work/.e2e.lock npx vitest
// run --project e2e test/e2e/engine/faults.test.ts`.
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cancelled, StepFailed } from '../../../main/errors.js';
import { pickFreePort } from '../../../main/engine/host-ports.js';
import { clusterSpecSchema, type ClusterSpec } from '../../../main/spec/index.js';
import { eventually } from '../eventually.js';
import {
  engine,
  leftovers,
  missingPrerequisite,
  NODE_IMAGE,
  reportMissing,
  run,
  slipway,
  tempKubeconfig,
  uniqueName,
} from './harness.js';

const skip = reportMissing(await missingPrerequisite(), 'engine fault-injection e2e');

function specOf(name: string, extra: Record<string, unknown> = {}): ClusterSpec {
  return clusterSpecSchema.parse({
    apiVersion: 'slipway.dev/v1alpha1',
    kind: 'Cluster',
    metadata: { name },
    spec: { workers: [{ name: 'workers', replicas: 1 }], ...extra },
  });
}

describe.skipIf(skip)('faults injected into create', () => {
  // The engine writes the kubeconfig named by $KUBECONFIG: never the user's in this test.
  const kubeconfig = tempKubeconfig();
  process.env.KUBECONFIG = kubeconfig;
  const names: string[] = [];
  afterAll(async () => {
    const e = await engine();
    for (const name of names) await e.deleteCluster(name).catch(() => undefined);
  });

  // Each step the create pipeline runs for a 1+1 cluster, up to the first that needs kubeadm.
  it.each(['network', 'provision-nodes', 'kubeadm-init', 'join-nodes'])(
    'an abort when step %s starts is cancelled cleanly, leaving nothing behind',
    async (step) => {
      const name = uniqueName(`e2e-ab-${step.slice(0, 4)}`);
      names.push(name);
      const e = await engine();
      const controller = new AbortController();
      const error = await e
        .createCluster(specOf(name), {
          image: NODE_IMAGE,
          signal: controller.signal,
          onProgress: (event) => {
            if (event.kind === 'step-start' && event.step === step)
              setTimeout(() => {
                controller.abort();
              }, 1000);
          },
        })
        .catch((caught: unknown) => caught);
      expect(controller.signal.aborted).toBe(true);
      expect(error instanceof Cancelled || (error instanceof StepFailed && error.cause instanceof Cancelled)).toBe(
        true,
      );
      expect(await leftovers(name)).toEqual([]);
      expect(readFileOr(kubeconfig)).not.toContain(`slipway-${name}`);
    },
  );

  it('fails with the port named when a mapped host port is taken just before it is published', async () => {
    const name = uniqueName('e2e-race');
    names.push(name);
    const port = await pickFreePort('127.0.0.1');
    const e = await engine();
    const thief = createServer();
    try {
      const error = await e
        .createCluster(specOf(name, { workers: [], portMappings: [{ hostPort: port, containerPort: 80 }] }), {
          image: NODE_IMAGE,
          onProgress: (event) => {
            // Preflight found the port free; take it before the node publishes it.
            if (event.kind === 'step-start' && event.step === 'provision-nodes') thief.listen(port, '127.0.0.1');
          },
        })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      const text = `${(error as Error).message} ${String((error as Error).cause)}`;
      expect(text).toContain(String(port));
      expect(await leftovers(name)).toEqual([]);
    } finally {
      thief.close();
    }
  });

  it('after kill -9 of the CLI mid-create, the next create names the leftovers and delete removes them', async () => {
    const name = uniqueName('e2e-kill9');
    names.push(name);
    const env = { KUBECONFIG: kubeconfig };
    const file = join(mkdtempSync(join(tmpdir(), 'slipway-e2e-kill9-')), 'spec.yaml');
    writeFileSync(
      file,
      `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: ${name}}\nspec:\n  workers: []\n`,
    );
    const child = slipway(['create', '-f', file, '--image', NODE_IMAGE], env);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('kubeadm')) child.kill('SIGKILL');
    });
    await child.catch(() => undefined);
    expect(child.killed || child.exitCode === null).toBe(true);
    await eventually('the killed create to leave containers', async () =>
      (await leftovers(name)).length > 0 ? true : undefined,
    );
    const again = await run(['create', '-f', file, '--image', NODE_IMAGE], env);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain(`cluster "${name}" already exists`);
    expect(again.stderr).toContain(`slipway delete ${name}`);
    const removed = await run(['delete', name], env);
    expect(removed.exitCode).toBe(0);
    expect(await leftovers(name)).toEqual([]);
  });
});

function readFileOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
