// Bad input and faults against the real daemon: a busy host port is refused in preflight with
// nothing created; a node container killed mid-create and a Ctrl-C during create both end
// with everything removed.
import { createServer, type Server } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StepFailed } from '../../../main/errors.js';
import { clusterSpecSchema } from '../../../main/spec/index.js';
import {
  docker,
  engine,
  leftovers,
  missingPrerequisite,
  reportMissing,
  run,
  slipway,
  tempKubeconfig,
  uniqueName,
} from './harness.js';

const skip = reportMissing(await missingPrerequisite(), 'engine refusals and faults e2e');

function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

function specFile(name: string, extra: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'slipway-e2e-faults-')), 'spec.yaml');
  writeFileSync(file, `apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: ${name}}\nspec:\n${extra}`);
  return file;
}

describe.skipIf(skip)('refusals and faults', () => {
  const env = { KUBECONFIG: tempKubeconfig() };
  const names: string[] = [];
  afterAll(async () => {
    const e = await engine();
    for (const name of names) await e.deleteCluster(name).catch(() => undefined);
  });

  it('refuses a busy host port in preflight and creates nothing (exit 2)', async () => {
    const name = uniqueName('e2e-port');
    names.push(name);
    const { server, port } = await listen();
    try {
      const file = specFile(name, `  workers: []\n  portMappings: [{hostPort: ${String(port)}, containerPort: 80}]\n`);
      const refused = await run(['create', '-f', file], env);
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain(`host port ${String(port)}/TCP on 127.0.0.1 is in use`);
      expect(refused.stderr).toMatch(/✗ preflight/);
      expect(await leftovers(name)).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('removes everything when a node container is killed mid-create', async () => {
    const name = uniqueName('e2e-kill');
    names.push(name);
    const e = await engine();
    const spec = clusterSpecSchema.parse({
      apiVersion: 'slipway.dev/v1alpha1',
      kind: 'Cluster',
      metadata: { name },
      spec: { workers: [{ name: 'workers', replicas: 1 }] },
    });
    let killed = false;
    const creating = e.createCluster(spec, {
      onProgress: (event) => {
        // Kill the control plane while kubeadm init runs in it.
        if (event.kind === 'step-start' && event.step === 'kubeadm-init') {
          setTimeout(() => {
            killed = true;
            void docker.getContainer(`${name}-control-plane`).kill();
          }, 5000);
        }
      },
    });
    const error = await creating.catch((e: unknown) => e);
    expect(killed).toBe(true);
    expect(error).toBeInstanceOf(StepFailed);
    expect((error as StepFailed).step).toBe('kubeadm-init');
    expect(await leftovers(name)).toEqual([]);
  });

  it('cleans up after Ctrl-C during create', async () => {
    const name = uniqueName('e2e-int');
    names.push(name);
    const child = slipway(['create', '-f', specFile(name, '  workers: [{name: workers, replicas: 1}]\n')], env);
    let stderr = '';
    let interrupted = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // One Ctrl-C while nodes are being provisioned (a second one would force-quit).
      if (stderr.includes('✓ network') && !interrupted) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const result = await child;
    expect(result.stderr).toContain('interrupted: cancelling and cleaning up');
    expect(result.stderr).toMatch(/✓ cleanup/);
    expect(result.exitCode).toBe(1);
    expect(await leftovers(name)).toEqual([]);
  });
});
