// Large specs from the renderer are validated in a worker thread: main keeps answering while
// a 1 MiB hostile spec is checked, and a spec that takes too long is refused, not waited on.
import { describe, expect, it } from 'vitest';
import { SpecInvalid } from '../../../main/errors.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import { createFileKubectlContexts } from '../../../main/ipc/kubectl-context.js';
import { validatedSpec, validateInWorker } from '../../../main/ipc/spec-validation.js';
import { probeWhile } from './support/probe.js';

const header = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata: {name: big}\nspec:\n';

function hugeSpec(): string {
  let text = header;
  for (let index = 0; text.length < 1024 * 1024 - 20; index++) text += `  k${String(index)}: 1\n`;
  return text;
}

describe('spec validation off the event loop', { timeout: 120_000 }, () => {
  it('validates a small spec inline with its defaults', async () => {
    const spec = await validatedSpec(`${header}  workers: []\n`);
    expect(spec.metadata.name).toBe('big');
  });

  it('reports every problem of a huge spec from the worker, with lines', async () => {
    // A generous budget: this checks the worker's report, not its speed on a loaded machine.
    const error = await validatedSpec(hugeSpec(), 110_000).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SpecInvalid);
    const problems = (error as SpecInvalid).problems;
    // The first thousand, then a count of the rest.
    expect(problems).toHaveLength(1001);
    expect(problems[0]).toMatchObject({ path: 'spec.k0', line: 5 });
    expect(problems[1000]?.message).toMatch(/^and \d{5} more problems$/);
  });

  it('refuses a spec whose check outlasts the budget', async () => {
    const result = await validateInWorker(hugeSpec(), 1);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringMatching(/took longer than/) as unknown }],
    });
  });

  it('keeps answering other calls within 200 ms while clusters:create checks a 1 MiB spec', async () => {
    const core = createAppCore({
      engine: new FakeEngine(),
      transport: 'in-process',
      kubectl: createFileKubectlContexts('/nonexistent/kubeconfig'),
      version: '9.9.9',
      platform: 'linux',
    });
    const text = hugeSpec();
    const { result, p95Ms, probes } = await probeWhile(core.dispatch, () =>
      core.dispatch('clusters:create', { specText: text }),
    );
    expect('error' in result && result.error.code).toBe('SPEC_INVALID');
    expect(probes).toBeGreaterThan(3);
    expect(p95Ms).toBeLessThan(200);
  });
});
