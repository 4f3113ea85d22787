// The workloads tab: live lists from watches (a deleted pod is replaced before your eyes),
// namespaces to filter by, describe with YAML and events, delete only after confirming,
// rollout restart, and a pod's log with search, timestamps and line numbers.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ClusterPage from '../../renderer/src/pages/ClusterPage.svelte';
import { startHarness } from './harness.js';

const table = (name: string) => screen.getByRole('table', { name });
const podNames = () =>
  within(table('Pods'))
    .queryAllByRole('rowheader')
    .map((cell) => cell.textContent.trim());

describe('WorkloadsPage', () => {
  it('lists pods live and shows a deleted Deployment pod replaced, after confirming', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context });
    await waitFor(() => {
      expect(podNames()).toContain('db-0');
    });
    const web = podNames().filter((name) => name.startsWith('web-'));
    expect(web).toHaveLength(3);
    const victim = web[0] ?? '';
    await fireEvent.click(screen.getByRole('button', { name: `Delete ${victim}…` }));
    const dialog = screen.getByRole('dialog', { name: `Delete pod ${victim}?` });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(podNames()).toContain(victim);
    await fireEvent.click(screen.getByRole('button', { name: `Delete ${victim}…` }));
    await fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: `Delete ${victim}` }));
    await waitFor(() => {
      expect(podNames()).not.toContain(victim);
    });
    await waitFor(() => {
      expect(podNames().filter((name) => name.startsWith('web-'))).toHaveLength(3);
    });
  });

  it('filters by namespace and switches kinds with the arrow keys', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context });
    const namespace = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Namespace' });
    await waitFor(() => {
      expect(within(namespace).getByRole('option', { name: 'shop' })).toBeTruthy();
    });
    await fireEvent.change(namespace, { target: { value: 'shop' } });
    await waitFor(() => {
      expect(podNames().every((name) => name.startsWith('web-') || name === 'db-0')).toBe(true);
    });
    const pods = screen.getByRole('tab', { name: 'Pods' });
    pods.focus();
    await fireEvent.keyDown(pods.parentElement as HTMLElement, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Deployments' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => {
      expect(within(table('Deployments')).getByRole('rowheader', { name: 'web' })).toBeTruthy();
    });
    expect(within(table('Deployments')).getByText('3/3')).toBeTruthy();
  });

  it('describes an object with its YAML and events', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context });
    await waitFor(() => {
      expect(podNames()).toContain('db-0');
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Describe db-0' }));
    const yaml = await screen.findByRole('region', { name: 'YAML of db-0' });
    expect(yaml.textContent).toContain('kind: Pod');
    expect(screen.getByText(/Successfully assigned shop\/db-0/)).toBeTruthy();
  });

  it('restarts a rollout: every pod is replaced', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context });
    await waitFor(() => {
      expect(podNames().filter((name) => name.startsWith('web-'))).toHaveLength(3);
    });
    const before = podNames().filter((name) => name.startsWith('web-'));
    await fireEvent.click(screen.getByRole('tab', { name: 'Deployments' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Restart web' }));
    expect(await screen.findByText(/Restarting web/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('tab', { name: 'Pods' }));
    await waitFor(() => {
      const after = podNames().filter((name) => name.startsWith('web-'));
      expect(after).toHaveLength(3);
      expect(after.some((name) => before.includes(name))).toBe(false);
    });
  });

  it('shows a pod log with line numbers, search and timestamps', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context });
    await waitFor(() => {
      expect(podNames()).toContain('db-0');
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Logs of db-0' }));
    const log = await screen.findByRole('log', { name: 'Log of db-0' });
    await waitFor(() => {
      expect(within(log).getByText('(line 1)', { exact: false })).toBeTruthy();
    });
    expect(log.querySelector('.n')?.textContent).toBe('1');
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'listening' } });
    await waitFor(() => {
      expect(
        within(log)
          .getAllByText('listening')
          .every((mark) => mark.tagName === 'MARK'),
      ).toBe(true);
    });
    expect(screen.getByText(/lines match/)).toBeTruthy();
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Timestamps' }));
    await waitFor(() => {
      expect(log.textContent).toMatch(/2026-01-01T12:00:00\.000Z/);
    });
  });

  it('says so for a stopped cluster and when the build has no workload views', async () => {
    const { context } = await startHarness();
    render(ClusterPage, { props: { name: 'edge', tab: 'workloads' }, context });
    expect(screen.getByText('Start edge to see its workloads.')).toBeTruthy();
    const bare = await startHarness({ features: { workloads: false } });
    render(ClusterPage, { props: { name: 'demo', tab: 'workloads' }, context: bare.context });
    expect(screen.getByRole('note').textContent).toContain('Workload lists is not available yet.');
  });
});
