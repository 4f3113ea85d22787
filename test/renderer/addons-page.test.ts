// The add-ons page: a parameters form generated from each bundle's JSON Schema with the
// schema's limits shown next to the field, enable and disable as tasks, tokens masked
// until revealed, and a plain "not available" when the build has no add-on service.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import AddonsPage from '../../renderer/src/pages/AddonsPage.svelte';
import { startHarness } from './harness.js';

describe('AddonsPage', () => {
  it('lists the catalogue with each add-on state on the cluster', async () => {
    const { context } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    const registry = await screen.findByRole('article', { name: /Local registry/ });
    expect(within(registry).getByText('Enabled')).toBeTruthy();
    expect(within(registry).getByText('localhost:5001')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: /Headlamp dashboard/ })).getByText('Disabled')).toBeTruthy();
  });

  it('generates the parameters form from the schema and enables the add-on', async () => {
    const { context, core } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Headlamp dashboard…' }));
    const form = screen.getByRole('form', { name: 'Parameters of Headlamp dashboard' });
    const role = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Role — grants more privilege' });
    expect(role.value).toBe('view');
    // Labels are words, not keys; descriptions show `code` as code, without backticks.
    expect(within(form).getByRole('checkbox', { name: 'Default class' })).toBeTruthy();
    const hint = document.getElementById('param-dashboard-role-hint');
    expect(hint?.textContent).not.toContain('`');
    expect(hint?.querySelector('code')?.textContent).toBe('view');
    await fireEvent.change(role, { target: { value: 'edit' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Enable Headlamp dashboard' }));
    // A role above the default is confirmed first.
    const dialog = screen.getByRole('dialog', { name: 'Grant more privilege to Headlamp dashboard?' });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Grant and enable' }));
    await core.tasks.whenDone('task-1');
    const card = screen.getByRole('article', { name: /Headlamp dashboard/ });
    await waitFor(() => {
      expect(within(card).getByText('Enabled')).toBeTruthy();
    });
    expect(within(card).getByText(/Role: edit/)).toBeTruthy();
  });

  it('shows a value outside the schema next to its field and will not enable', async () => {
    const { context } = await startHarness();
    render(AddonsPage, { props: { cluster: 'ha-lab' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Local registry…' }));
    const port = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Host port' });
    expect(port.value).toBe('5001');
    await fireEvent.input(port, { target: { value: '80' } });
    expect(screen.getByText('Host port must be at least 1024')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Enable Local registry' }).disabled).toBe(true);
  });

  it('asks before granting cluster-admin and sends nothing when the user goes back', async () => {
    const { context, core } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Headlamp dashboard…' }));
    const form = screen.getByRole('form', { name: 'Parameters of Headlamp dashboard' });
    await fireEvent.change(within(form).getByRole('combobox', { name: 'Role — grants more privilege' }), {
      target: { value: 'cluster-admin' },
    });
    await fireEvent.click(within(form).getByRole('button', { name: 'Enable Headlamp dashboard' }));
    const dialog = screen.getByRole('dialog', { name: 'Grant more privilege to Headlamp dashboard?' });
    expect(within(dialog).getByText('cluster-admin')).toBeTruthy();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Go back' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(core.tasks.list()).toEqual([]);
  });

  it('reports a value off the pattern in words, never the regular expression', async () => {
    const { context } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Headlamp dashboard…' }));
    await fireEvent.input(screen.getByRole('textbox', { name: 'Host' }), { target: { value: 'Not A Host' } });
    const problem = document.getElementById('param-dashboard-host-error')?.textContent ?? '';
    expect(problem).toBe('Host is not in the expected format');
    expect(problem).not.toMatch(/[\^$]/);
  });

  it('mints a token only when asked and masks it until shown', async () => {
    const { context, core } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Headlamp dashboard…' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Enable Headlamp dashboard' }));
    await core.tasks.whenDone('task-1');
    await fireEvent.click(await screen.findByRole('button', { name: 'Mint token' }));
    const masked = await screen.findByText(/^•+$/);
    expect(masked.textContent).not.toContain('eyJ');
    await fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByText('eyJhbGciOiJSUzI1NiJ9.fake-ui-token')).toBeTruthy();
  });

  it('asks what to do with data when disabling an add-on that holds some', async () => {
    const { context, core } = await startHarness();
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Disable Local registry' }));
    expect((await core.tasks.whenDone('task-1')).error?.code).toBe('CONFLICT');
    const choice = await screen.findByRole('group', { name: "What to do with Local registry's data" });
    expect(choice.parentElement?.textContent).toContain('choose to keep or delete its data');
    await fireEvent.click(within(choice).getByRole('button', { name: 'Disable, keep data' }));
    expect((await core.tasks.whenDone('task-2')).state).toBe('succeeded');
    await waitFor(() => {
      expect(within(screen.getByRole('article', { name: /Local registry/ })).getByText('Disabled')).toBeTruthy();
    });
  });

  it('says plainly when add-ons are not available in this build', async () => {
    const { context } = await startHarness({ features: { addons: false } });
    render(AddonsPage, { props: { cluster: 'demo' }, context });
    expect(screen.getByRole('note').textContent).toContain('Add-on bundles is not available yet.');
    expect(screen.queryByRole('article')).toBeNull();
  });
});
