// The create wizard keeps form and YAML in sync, shows the spec's own messages next to the
// field before submit, and starts a create task whose steps show live.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CreatePage from '../../renderer/src/pages/CreatePage.svelte';
import TaskPage from '../../renderer/src/pages/TaskPage.svelte';
import { FakeEngine } from '../../main/dev/fake-engine/fake-engine.js';
import { startHarness } from './harness.js';

const yaml = () => screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'YAML' });
const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });

describe('CreatePage', () => {
  it('starts from a valid default spec with a free name', async () => {
    const { context } = await startHarness();
    render(CreatePage, { context });
    expect(field('Name').value).toBe('demo-2');
    expect(yaml().value).toContain('name: demo-2');
    expect(screen.getByText('✓ Valid: 1 control plane, 2 workers')).toBeTruthy();
  });

  it('shows an invalid name next to the field, with the spec message, before submit', async () => {
    const { context, core } = await startHarness();
    render(CreatePage, { context });
    await fireEvent.input(field('Name'), { target: { value: 'Bad_Name' } });
    const name = field('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById('name-error')?.textContent ?? '';
    expect(message).toMatch(/DNS-1123 label/);
    expect(name.getAttribute('aria-describedby')).toContain('name-error');
    expect(yaml().value).toContain('name: Bad_Name');
    await fireEvent.click(screen.getByRole('button', { name: 'Create cluster' }));
    expect(core.tasks.list()).toEqual([]);
    expect(document.activeElement).toBe(name);
  });

  it('shows a worker pool problem next to that pool', async () => {
    const { context } = await startHarness();
    render(CreatePage, { context });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Nodes' }), { target: { value: '25' } });
    expect(document.getElementById('pool-0-replicas-error')?.textContent).toBe('replicas must be at most 20 per pool');
  });

  it('updates the form from YAML edits and keeps YAML-only fields on form edits', async () => {
    const { context } = await startHarness();
    render(CreatePage, { context });
    const text = yaml().value.replace('replicas: 2', 'replicas: 3\n      labels:\n        tier: web');
    await fireEvent.input(yaml(), { target: { value: text } });
    expect(screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Nodes' }).value).toBe('3');
    await fireEvent.input(field('Name'), { target: { value: 'web' } });
    expect(yaml().value).toContain('tier: web');
    expect(yaml().value).toContain('name: web');
    await fireEvent.click(screen.getByRole('button', { name: 'Add a worker pool' }));
    expect(yaml().value).toContain('name: pool-1');
    // The default add-ons start checked; unchecking one takes it out of the YAML.
    expect(yaml().value).toMatch(/addons:\n\s+- name: registry\n\s+- name: metrics-server/);
    await fireEvent.click(screen.getByRole('checkbox', { name: 'registry' }));
    expect(yaml().value).toMatch(/addons:\n\s+- name: metrics-server\n/);
    expect(yaml().value).not.toContain('name: registry');
  });

  it('explains when the YAML does not parse, with the line', async () => {
    const { context } = await startHarness();
    render(CreatePage, { context });
    await fireEvent.input(yaml(), { target: { value: 'metadata: [unclosed\n' } });
    expect(screen.getByText(/The YAML does not parse/)).toBeTruthy();
    expect(screen.getByText(/line 2:/)).toBeTruthy();
    expect(screen.getByText(/YAML syntax: Flow sequence/)).toBeTruthy();
  });

  it('creates the cluster and shows its steps with timings until it is Ready', async () => {
    const { context, core, app } = await startHarness({ engine: new FakeEngine({ stepDelayMs: 5 }) });
    const view = render(CreatePage, { context });
    await fireEvent.click(screen.getByRole('button', { name: 'Create cluster' }));
    await waitFor(() => {
      expect(app.router.path).toBe('/tasks/task-1');
    });
    view.unmount();
    render(TaskPage, { props: { taskId: 'task-1' }, context });
    await core.tasks.whenDone('task-1');
    const steps = await screen.findByRole('list', { name: 'Steps of Create demo' });
    await waitFor(() => {
      expect(within(steps).getAllByRole('listitem')).toHaveLength(9);
    });
    expect(within(steps).getByText('Initialising the control plane (kubeadm init)')).toBeTruthy();
    expect(within(steps).getAllByText('done')).toHaveLength(9);
    expect(within(steps).getAllByText(/^\d+ ms$|^\d+\.\d s$/)).toHaveLength(9);
    expect((await screen.findByRole('status', { name: '' })).textContent).toContain('demo is Ready');
  });

  it('shows the engine refusing a taken name as an error', async () => {
    const { context } = await startHarness();
    render(CreatePage, { context });
    await fireEvent.input(field('Name'), { target: { value: 'demo' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create cluster' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('a cluster named demo already exists');
    expect(alert.textContent).toContain('choose another metadata.name');
  });
});
