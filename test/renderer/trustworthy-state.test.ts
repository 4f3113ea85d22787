// What the window shows must match what is true now: nothing of the previous cluster after a
// switch, a new tail replaces the old lines, a failed export shows no stale preview, an
// unreachable engine makes states unknown, a lost bridge shows a reconnecting screen, and a
// cluster being created is not shown as Running.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { FakeEngine } from '../../main/dev/fake-engine/fake-engine.js';
import { createDemoFakeEngine, fakeSpec } from '../../main/dev/fake-engine/seed.js';
import type { ConnectionState, SlipwayApi } from '../../main/ipc/contract.js';
import App from '../../renderer/src/App.svelte';
import ClusterPage from '../../renderer/src/pages/ClusterPage.svelte';
import ExportPage from '../../renderer/src/pages/ExportPage.svelte';
import OverviewPage from '../../renderer/src/pages/OverviewPage.svelte';
import { APP_STATE_KEY, AppState } from '../../renderer/src/state/app-state.svelte.js';
import { Router } from '../../renderer/src/state/router.svelte.js';
import { startHarness } from './harness.js';

const logLines = () =>
  within(screen.getByRole('log', { name: 'Log lines' }))
    .queryAllByText(/^kube-system\//)
    .map((pod) => pod.parentElement?.textContent ?? '');

describe('switching clusters', () => {
  it('drops the previous cluster’s events', async () => {
    const { context } = await startHarness();
    const view = render(ClusterPage, { props: { name: 'demo', tab: 'overview' }, context });
    const events = await screen.findByRole('region', { name: 'Events' });
    await waitFor(() => {
      expect(within(events).getAllByText(/Node\/demo-control-plane/).length).toBeGreaterThan(0);
    });
    // edge is stopped, so nothing new is polled: only stale state could show demo's events.
    await view.rerender({ name: 'edge', tab: 'overview' });
    expect(screen.queryAllByText(/Node\/demo-control-plane/)).toEqual([]);
  });

  it('drops the previous cluster’s log lines and filters', async () => {
    const { context } = await startHarness({ engine: createDemoFakeEngine({ logIntervalMs: 20 }) });
    const view = render(ClusterPage, { props: { name: 'demo', tab: 'logs' }, context });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Pod name pattern' }), {
      target: { value: 'kube-proxy-*' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Tail logs' }));
    await waitFor(() => {
      expect(logLines().length).toBeGreaterThan(0);
    });
    await view.rerender({ name: 'ha-lab', tab: 'logs' });
    expect(logLines()).toEqual([]);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Pod name pattern' }).value).toBe('');
    expect(screen.getByRole('button', { name: 'Tail logs' })).toBeTruthy();
  });
});

describe('the log tail', () => {
  it('replaces its lines on Restart tail instead of appending', async () => {
    const { context } = await startHarness({ engine: createDemoFakeEngine({ logIntervalMs: 5000 }) });
    render(ClusterPage, { props: { name: 'demo', tab: 'logs' }, context });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Pod name pattern' }), {
      target: { value: 'coredns-66bc5c9577-4xk2p' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Tail logs' }));
    // The fake tail starts with the same three lines every time.
    await waitFor(() => {
      expect(logLines()).toHaveLength(3);
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Restart tail' }));
    await waitFor(() => {
      expect(logLines()).toHaveLength(3);
    });
    expect(new Set(logLines()).size).toBe(3);
  });
});

describe('the export preview', () => {
  it('is removed when the input becomes invalid, leaving only the error', async () => {
    const { context } = await startHarness();
    render(ExportPage, { context });
    await fireEvent.click(await screen.findByRole('radio', { name: /kind/ }));
    await screen.findByRole('region', { name: 'kind-config.yaml' }, { timeout: 3000 });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Cluster spec (YAML)' }), {
      target: { value: 'kind: Cluster\nmetadata: [' },
    });
    await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(screen.queryByRole('region', { name: 'kind-config.yaml' })).toBeNull();
    expect(screen.queryByRole('tablist', { name: 'Exported documents' })).toBeNull();
  });
});

describe('while the engine is unreachable', () => {
  it('shows every cluster as unknown, not as it last was', async () => {
    const { context, engine, core } = await startHarness();
    render(OverviewPage, { context });
    const demo = screen.getByRole('article', { name: 'demo' });
    expect(within(demo).getByText('Running')).toBeTruthy();
    engine.setAvailable(false);
    await core.monitor.refresh();
    await waitFor(() => {
      expect(within(demo).getByText('Unknown (engine unreachable)')).toBeTruthy();
    });
    expect(within(demo).queryByText('Running')).toBeNull();
    expect(within(screen.getByRole('article', { name: 'edge' })).queryByText('Stopped')).toBeNull();
  });
});

describe('a cluster being created', () => {
  it('shows Creating… with a link to its task on the card and a busy dot in the sidebar', async () => {
    const engine = new FakeEngine({ stepDelayMs: 5000 });
    engine.seed(fakeSpec('demo'));
    const { context, core, app } = await startHarness({ engine });
    render(App, { props: { app }, context });
    const response = await core.dispatch('clusters:create', {
      specText: 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: lab\n',
    });
    expect(response).toEqual({ result: { taskId: 'task-1' } });
    await app.refreshClusters();
    const card = await screen.findByRole('article', { name: 'lab' });
    expect(within(card).getByText('Creating…')).toBeTruthy();
    expect(within(card).queryByText('Running')).toBeNull();
    expect(
      within(card)
        .getByRole('link', { name: /Creating… Show the task/ })
        .getAttribute('href'),
    ).toBe('#/tasks/task-1');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const link = within(nav).getByRole('link', { name: /^lab/ });
    expect(link.querySelector('.state-dot')?.classList.contains('busy')).toBe(true);
    expect(link.textContent).toContain('(Creating…)');
    // The running-task line is a link to that task.
    expect(within(nav).getByRole('link', { name: '1 task running' }).getAttribute('href')).toBe('#/tasks/task-1');
    await core.dispose();
  });
});

describe('when the bridge goes away', () => {
  it('covers the window with a reconnecting screen, and reloads everything when it is back', async () => {
    const { core, app: inner } = await startHarness();
    const connection = new Set<(state: ConnectionState) => void>();
    // The in-process API with the one thing only the bridge has: losing the connection.
    const api: SlipwayApi = {
      transport: 'bridge',
      invoke: (channel, ...args) => inner.api.invoke(channel, ...args),
      on: (event, listener) => inner.api.on(event, listener),
      onConnection: (listener) => {
        connection.add(listener);
        return () => connection.delete(listener);
      },
    };
    const app = new AppState(api, new Router({ location: { hash: '#/' }, addEventListener: () => undefined }));
    await app.start();
    render(App, { props: { app }, context: new Map([[APP_STATE_KEY, app]]) });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    for (const listener of connection) listener('reconnecting');
    const screenLost = await screen.findByRole('alertdialog', { name: 'Lost the connection to Slipway' });
    expect(within(screenLost).getByText(/Reconnecting…/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Lost the connection to Slipway');
    // A cluster deleted while the bridge was away is gone once it is back.
    await core.dispatch('clusters:delete', { name: 'edge' });
    await core.tasks.whenDone('task-1');
    for (const listener of connection) listener('connected');
    await waitFor(() => {
      expect(screen.queryByRole('alertdialog')).toBeNull();
    });
    await waitFor(() => {
      expect(app.clusters.map((cluster) => cluster.name)).toEqual(['demo', 'ha-lab']);
    });
  });
});
