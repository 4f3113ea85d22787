// A running task can be cancelled from its page; a failed one shows the failed step, the
// error and its fix.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { FakeEngine } from '../../main/dev/fake-engine/fake-engine.js';
import { fakeSpec } from '../../main/dev/fake-engine/seed.js';
import TaskPage from '../../renderer/src/pages/TaskPage.svelte';
import { startHarness } from './harness.js';

describe('TaskPage', () => {
  it('cancels a running task and says so', async () => {
    const engine = new FakeEngine({ stepDelayMs: 5000 });
    engine.seed(fakeSpec('demo'));
    const { context, core } = await startHarness({ engine });
    core.tasks.start({
      kind: 'stop',
      title: 'Stop demo',
      cluster: 'demo',
      run: (options) => engine.stopCluster('demo', options),
    });
    render(TaskPage, { props: { taskId: 'task-1' }, context });
    await screen.findByText('Stopping node containers');
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await core.tasks.whenDone('task-1');
    await waitFor(() => {
      expect(screen.getByText('Cancelled')).toBeTruthy();
    });
    expect(within(screen.getByRole('list', { name: 'Steps of Stop demo' })).getByText('failed')).toBeTruthy();
    expect((await engine.getCluster('demo')).state).toBe('running');
  });

  it('shows the failed step with the error and its details', async () => {
    const engine = new FakeEngine();
    engine.seed(fakeSpec('demo'));
    engine.failStep = 'wait-ready';
    const { context, core } = await startHarness({ engine });
    await core.dispatch('clusters:start', { name: 'demo' });
    render(TaskPage, { props: { taskId: 'task-1' }, context });
    await core.tasks.whenDone('task-1');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Start demo failed:');
    expect(alert.textContent).toContain('wait-ready: fake failure in wait-ready');
    expect(within(alert).getByText('wait-ready', { selector: 'code' })).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
  });
});
