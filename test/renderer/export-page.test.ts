// The export page previews real exporter output with highlighting, lists issues, leads to
// the site input an issue needs, and says plainly when export is not in the build.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ExportPage from '../../renderer/src/pages/ExportPage.svelte';
import { startHarness } from './harness.js';

describe('ExportPage', () => {
  it('previews the Cluster API documents of a cluster, highlighted', async () => {
    const { context } = await startHarness();
    render(ExportPage, { props: { cluster: 'demo' }, context });
    const documents = await screen.findByRole('tablist', { name: 'Exported documents' });
    expect(within(documents).getAllByRole('tab').length).toBeGreaterThan(0);
    const first = (within(documents).getAllByRole('tab')[0]?.textContent ?? '').trim();
    const code = await screen.findByRole('region', { name: first });
    expect(code.textContent).toContain('kind: Cluster');
    expect(code.querySelector('.t-key')?.textContent).toBeTruthy();
    expect(screen.getByRole('heading', { name: /Issues/ })).toBeTruthy();
  });

  it('lists the site inputs a target needs and clears the issue once filled in', async () => {
    const { context } = await startHarness();
    render(ExportPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('radio', { name: /vSphere Kubernetes Service/ }));
    const fill = await screen.findByRole('button', { name: 'Fill in vks.vmClass' });
    await fireEvent.click(fill);
    const input = screen.getByRole('textbox', { name: 'vks.vmClass' });
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'best-effort-medium' } });
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Fill in vks.vmClass' })).toBeNull();
    });
  });

  it('shows a site value the schema rejects next to its field', async () => {
    const { context } = await startHarness();
    render(ExportPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('radio', { name: /GKE/ }));
    await fireEvent.input(await screen.findByRole('textbox', { name: 'gke.project' }), {
      target: { value: 'Not A Project' },
    });
    await waitFor(() => {
      expect(document.getElementById('site-gke.project-error')?.textContent).toMatch(
        /gke.project must be a project ID/,
      );
    });
  });

  it('exports a pasted spec without a cluster', async () => {
    const { context } = await startHarness();
    render(ExportPage, { context });
    await fireEvent.click(await screen.findByRole('radio', { name: /kind/ }));
    const code = await screen.findByRole('region', { name: 'kind-config.yaml' }, { timeout: 3000 });
    expect(code.textContent).toContain('apiVersion: kind.x-k8s.io/v1alpha4');
  });

  it('says plainly when export is not available in this build', async () => {
    const { context } = await startHarness({ features: { export: false } });
    render(ExportPage, { props: { cluster: 'demo' }, context });
    expect(screen.getByRole('note').textContent).toContain('Export is not available yet.');
  });
});
