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
    const fill = await screen.findByRole('button', { name: 'Fill in VM class' });
    await fireEvent.click(fill);
    const input = screen.getByRole('textbox', { name: 'VM class' });
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'best-effort-medium' } });
    await waitFor(() => {
      expect(screen.queryByRole('button', { name: 'Fill in VM class' })).toBeNull();
    });
  });

  it('shows a site value the schema rejects next to its field', async () => {
    const { context } = await startHarness();
    render(ExportPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('radio', { name: /GKE/ }));
    await fireEvent.input(await screen.findByRole('textbox', { name: 'Project' }), {
      target: { value: 'Not A Project' },
    });
    await waitFor(() => {
      expect(document.getElementById('site-gke.project-error')?.textContent).toMatch(/Project must be a project ID/);
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

describe('ExportPage wording', () => {
  it('says what to fill in, in words: no CLI flags, correct plurals', async () => {
    const { context } = await startHarness();
    render(ExportPage, { context });
    await fireEvent.click(await screen.findByRole('radio', { name: /vSphere Kubernetes Service/ }));
    await screen.findByRole('button', { name: 'Fill in VM class' }, { timeout: 3000 });
    const issues = screen.getByRole('heading', { name: /^Issues/ });
    const errors = Number(/(\d+) errors?/.exec(issues.textContent)?.[1]);
    expect(issues.textContent).toContain(errors === 1 ? '1 error ·' : `${String(errors)} errors ·`);
    const list = issues.parentElement?.textContent ?? '';
    expect(list).not.toMatch(/--site|--set|`/);
    expect(list).toContain('fill it in under Site inputs');
    // Filling all but one leaves "1 error", never "1 errors".
    for (const name of ['Namespace', 'Storage class', 'Release']) {
      await fireEvent.input(screen.getByRole('textbox', { name }), { target: { value: 'dev' } });
    }
    await waitFor(() => {
      expect(screen.getByRole('heading', { name: /^Issues/ }).textContent).toMatch(/\b1 error ·/);
    });
  });

  it('links docs/export.md to the in-app page instead of printing the path', async () => {
    const { default: ErrorPanel } = await import('../../renderer/src/components/ErrorPanel.svelte');
    render(ErrorPanel, {
      props: {
        error: {
          code: 'SPEC_INVALID',
          name: 'SiteInvalid',
          message: 'the site needs `vks.vmClass`',
          hint: 'see "Site inputs" in docs/export.md',
        },
      },
    });
    expect(screen.getByRole('link', { name: 'docs/export.md' }).getAttribute('href')).toBe('#/docs/export');
    expect(screen.getByRole('alert').textContent).not.toContain('`');
  });

  it('has headings in order on its own page (h1, then h2)', async () => {
    const { context } = await startHarness();
    render(ExportPage, { context });
    await screen.findByRole('heading', { name: /^Issues/ }, { timeout: 3000 });
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((heading) => Number(heading.tagName[1]));
    levels.reduce((previous, level) => {
      expect(level - previous).toBeLessThanOrEqual(1);
      return level;
    });
  });
});
