// A cluster's page: nodes with role, version, status and stats; the topology of nodes and
// pods; events; lifecycle actions; logs tailed across pods; and the diagnostics page.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ClusterPage from '../../renderer/src/pages/ClusterPage.svelte';
import DiagnosticsPage from '../../renderer/src/pages/DiagnosticsPage.svelte';
import { FakeEngine } from '../../main/dev/fake-engine/fake-engine.js';
import { createDemoFakeEngine, fakeSpec } from '../../main/dev/fake-engine/seed.js';
import { startHarness } from './harness.js';

describe('ClusterPage', () => {
  it('lists nodes with role, version, Kubernetes status and CPU and memory', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'overview' }, context });
    const table = screen.getAllByRole('table')[0];
    if (!table) throw new Error('no nodes table');
    const row = within(table).getByRole('row', { name: /demo-control-plane/ });
    expect(within(row).getByText('control-plane')).toBeTruthy();
    expect(within(row).getByText('v1.37.2')).toBeTruthy();
    await waitFor(() => {
      expect(within(row).getByText('Ready')).toBeTruthy();
    });
    expect(within(row).getByRole('img', { name: /^CPU of demo-control-plane: \d+\.\d %$/ })).toBeTruthy();
    expect(within(row).getByRole('img', { name: /^Memory of demo-control-plane: \d+(\.\d)? (MiB|GiB)$/ })).toBeTruthy();
  });

  it('draws the topology: every node with the pods scheduled on it', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'overview' }, context });
    const picture = screen.getByRole('figure', { name: 'Cluster topology: nodes and the pods on them' });
    const controlPlane = within(picture).getByRole('region', { name: 'demo-control-plane (control-plane)' });
    await waitFor(() => {
      expect(within(controlPlane).getByText('kube-system/etcd-demo-control-plane Running')).toBeTruthy();
    });
    expect(within(controlPlane).getByText('7 pods')).toBeTruthy();
    expect(within(picture).getAllByRole('region')).toHaveLength(3);
  });

  it('shows recent events, warnings included', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'overview' }, context });
    const events = await screen.findByRole('region', { name: 'Events' });
    await waitFor(() => {
      expect(within(events).getByText('FailedScheduling ×2')).toBeTruthy();
    });
    expect(within(events).getAllByText('NodeReady')).toHaveLength(3);
  });

  it('switches the kubectl context and reports where', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'overview' }, context });
    await fireEvent.click(screen.getByRole('button', { name: 'Use as kubectl context' }));
    expect((await screen.findByText(/kubectl now uses slipway-demo/)).textContent).toContain('/home/me/.kube/config');
  });

  it('asks before deleting, then deletes through a task', async () => {
    const { context, core, engine, app } = await startHarness();
    render(ClusterPage, { props: { name: 'edge', tab: 'overview' }, context });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete edge?' });
    await expect(engine.getCluster('edge')).resolves.toMatchObject({ name: 'edge' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Delete edge' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    await core.tasks.whenDone('task-1');
    await expect(engine.getCluster('edge')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(app.router.path).toBe('/tasks/task-1');
  });

  it('says so when the engine reports no stats, pods or events', async () => {
    const bare = new FakeEngine({ without: ['nodeStats', 'listPods', 'listEvents', 'kubeNodes', 'followLogs'] });
    bare.seed(fakeSpec('plain'));
    const { context } = await startHarness({ engine: bare });
    render(ClusterPage, { props: { name: 'plain', tab: 'overview' }, context });
    const notes = screen.getAllByRole('note').map((note) => note.textContent);
    expect(notes).toEqual([
      expect.stringContaining('CPU and memory charts is not available yet.'),
      expect.stringContaining('Cluster events is not available yet.'),
    ]);
    expect(screen.getAllByText('Pods not reported by this engine')).toHaveLength(3);
  });
});

describe('LogsPage (through the cluster page)', () => {
  it('tails the matching pods, each named before its lines, and refuses a bad pattern', async () => {
    const { context } = await startHarness({ engine: createDemoFakeEngine({ logIntervalMs: 20 }) });
    render(ClusterPage, { props: { name: 'demo', tab: 'logs' }, context });
    const pattern = screen.getByRole('textbox', { name: 'Pod name pattern' });
    await fireEvent.input(pattern, { target: { value: '^([a-z-])*!$' } });
    expect(document.getElementById('log-pods-error')?.textContent).toMatch(/may hold lower-case letters/);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Tail logs' }).disabled).toBe(true);
    await fireEvent.input(pattern, { target: { value: 'coredns' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Tail logs' }));
    const log = screen.getByRole('log', { name: 'Log lines' });
    await waitFor(() => {
      expect(within(log).getAllByText('kube-system/coredns-66bc5c9577-4xk2p').length).toBeGreaterThan(1);
    });
    expect(within(log).queryByText(/etcd/)).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Stop tail' }));
  });
});

describe('DiagnosticsPage', () => {
  it('lists every check with what was found and the fix for failing ones', async () => {
    const { context } = await startHarness();
    render(DiagnosticsPage, { context });
    const summary = await screen.findByText('1 of 3 checks need attention.');
    expect(summary).toBeTruthy();
    const cgroups = screen.getByRole('heading', { name: 'cgroup version' }).closest('li');
    if (!cgroups) throw new Error('no cgroup check');
    expect(within(cgroups).getByText('Warning')).toBeTruthy();
    expect(within(cgroups).getByText(/failCgroupV1: false/)).toBeTruthy();
  });
});

describe('kubectl context indicator', () => {
  it('shows kubectl’s current context in the sidebar and follows a switch', async () => {
    const { context, app } = await startHarness();
    const { default: App } = await import('../../renderer/src/App.svelte');
    render(App, { props: { app }, context });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText('no context')).toBeTruthy();
    app.router.navigate('/clusters/demo');
    await fireEvent.click(await screen.findByRole('button', { name: 'Use as kubectl context' }));
    await waitFor(() => {
      expect(within(nav).getByText('slipway-demo')).toBeTruthy();
    });
  });
});
