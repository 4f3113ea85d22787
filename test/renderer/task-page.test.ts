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

describe('TaskPage steps', () => {
  it('lists every step before it starts, with n of m, and estimates from the previous run', async () => {
    const engine = new FakeEngine({ stepDelayMs: 30 });
    engine.seed(fakeSpec('demo'));
    const { context, core } = await startHarness({ engine });
    await core.dispatch('clusters:stop', { name: 'demo' });
    await core.tasks.whenDone('task-1');
    // The first start has no history; the second is estimated from it.
    await core.dispatch('clusters:start', { name: 'demo' });
    render(TaskPage, { props: { taskId: 'task-2' }, context });
    const steps = screen.getByRole('list', { name: 'Steps of Start demo' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.title')?.textContent),
    ).toEqual(['Starting node containers', 'Waiting for nodes to be Ready']);
    expect(screen.getByText('Step 1 of 2')).toBeTruthy();
    expect(within(steps).getByText('waiting')).toBeTruthy();
    await core.tasks.whenDone('task-2');
    await core.dispatch('clusters:stop', { name: 'demo' });
    await core.tasks.whenDone('task-3');
    await core.dispatch('clusters:start', { name: 'demo' });
    render(TaskPage, { props: { taskId: 'task-4' }, context });
    expect((await screen.findAllByText(/about \d+ ms left/)).length).toBeGreaterThan(0);
    await core.tasks.whenDone('task-4');
  });

  it('lists the real create pipeline up front for an engine without its own plan', async () => {
    const { plannedSteps } = await import('../../main/ipc/task-plans.js');
    // Without its own plan, as the real engine is.
    const real = new FakeEngine({ without: ['plannedSteps'] });
    const ids = plannedSteps(real, { kind: 'create', spec: fakeSpec('demo', 3, 2) }).map((step) => step.id);
    expect(ids).toEqual([
      'preflight',
      'network',
      'provision-nodes',
      'load-balancer',
      'kubeadm-init',
      'install-cni',
      'install-storage',
      'join-nodes',
      'wait-ready',
      'export-kubeconfig',
    ]);
    expect(plannedSteps(real, { kind: 'create', spec: fakeSpec('one', 1, 0) }).map((step) => step.id)).not.toContain(
      'load-balancer',
    );
  });
});

describe('TasksPage', () => {
  it('lists running and finished tasks, each a link to its page', async () => {
    const engine = new FakeEngine({ stepDelayMs: 5000 });
    engine.seed(fakeSpec('demo'));
    engine.seed(fakeSpec('edge'), 'stopped');
    const { context, core } = await startHarness({ engine });
    const { default: TasksPage } = await import('../../renderer/src/pages/TasksPage.svelte');
    engine.failStep = 'stop-nodes';
    await core.dispatch('clusters:stop', { name: 'demo' });
    core.tasks.cancel('task-1');
    await core.tasks.whenDone('task-1');
    await core.dispatch('clusters:start', { name: 'edge' });
    render(TasksPage, { context });
    const links = await screen.findAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Start edge', '#/tasks/task-2'],
      ['Stop demo', '#/tasks/task-1'],
    ]);
    expect(screen.getByText('Cancelled')).toBeTruthy();
    expect(screen.getByText('0 of 2 steps')).toBeTruthy();
    await core.dispose();
  });
});

describe('TaskPage after a failed create', () => {
  it('offers Retry, Edit spec and Diagnostics; Edit spec opens the wizard with that spec', async () => {
    const engine = new FakeEngine();
    engine.failStep = 'kubeadm-init';
    const { context, core, app } = await startHarness({ engine });
    const specText = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: lab\n';
    await core.dispatch('clusters:create', { specText });
    await core.tasks.whenDone('task-1');
    render(TaskPage, { props: { taskId: 'task-1' }, context });
    const next = await screen.findByRole('group', { name: 'What next' });
    expect(within(next).getByRole('link', { name: 'Diagnostics' }).getAttribute('href')).toBe('#/diagnostics');
    await fireEvent.click(within(next).getByRole('button', { name: 'Retry' }));
    await waitFor(() => {
      expect(app.router.path).toBe('/tasks/task-2');
    });
    expect((await core.tasks.whenDone('task-2')).state).toBe('succeeded');
    await fireEvent.click(within(next).getByRole('button', { name: 'Edit spec' }));
    expect(app.router.path).toBe('/create');
    expect(app.createDraft).toBe(specText);
  });

  it('keeps the wizard draft while visiting other pages', async () => {
    const { context, app } = await startHarness();
    const { default: CreatePage } = await import('../../renderer/src/pages/CreatePage.svelte');
    const first = render(CreatePage, { context });
    const name = screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    await fireEvent.input(name, { target: { value: 'kept' } });
    first.unmount();
    render(CreatePage, { context });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('kept');
    expect(app.createDraft).toContain('name: kept');
    await fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('demo-2');
  });
});
