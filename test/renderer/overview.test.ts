// The overview shows every cluster at a glance and starts and stops them in place; an
// unreachable engine shows a banner with the fix instead of breaking the page.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../../renderer/src/App.svelte';
import OverviewPage from '../../renderer/src/pages/OverviewPage.svelte';
import { startHarness } from './harness.js';

describe('OverviewPage', () => {
  it('shows each cluster with its state, version and nodes', async () => {
    const { context } = await startHarness();
    render(OverviewPage, { context });
    const demo = screen.getByRole('article', { name: 'demo' });
    expect(within(demo).getByText('Running')).toBeTruthy();
    expect(within(demo).getByText(/v1\.37\.2 · 3 nodes/)).toBeTruthy();
    expect(within(within(demo).getByRole('list', { name: 'Nodes' })).getAllByRole('listitem')).toHaveLength(3);
    expect(within(screen.getByRole('article', { name: 'edge' })).getByText('Stopped')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'ha-lab' })).getByText(/6 nodes/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('2 of 3 running');
  });

  it('stops a cluster from its card and shows the new state', async () => {
    const { context, core } = await startHarness();
    render(OverviewPage, { context });
    await fireEvent.click(screen.getByRole('button', { name: 'Stop demo' }));
    await core.tasks.whenDone('task-1');
    await waitFor(() => {
      expect(within(screen.getByRole('article', { name: 'demo' })).getByText('Stopped')).toBeTruthy();
    });
    expect(screen.getByRole('button', { name: 'Start demo' })).toBeTruthy();
  });

  it('shows a banner with the fix when the engine goes away, and clears it on retry', async () => {
    const { context, engine, core, app } = await startHarness();
    render(App, { props: { app }, context });
    engine.setAvailable(false);
    await core.monitor.refresh();
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('The container engine is unavailable.');
    expect(banner.textContent).toContain('Fix: Start Docker');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Stop demo' }).disabled).toBe(true);
    engine.setAvailable(true);
    await fireEvent.click(within(banner).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => {
      expect(screen.queryByRole('alert')).toBeNull();
    });
  });
});
