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
    const access = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'access' });
    expect(access.value).toBe('view');
    expect(within(form).getByRole('checkbox', { name: 'admin — grants more privilege' })).toBeTruthy();
    await fireEvent.change(access, { target: { value: 'admin' } });
    await fireEvent.click(within(form).getByRole('button', { name: 'Enable Headlamp dashboard' }));
    await core.tasks.whenDone('task-1');
    const card = screen.getByRole('article', { name: /Headlamp dashboard/ });
    await waitFor(() => {
      expect(within(card).getByText('Enabled')).toBeTruthy();
    });
    expect(within(card).getByText('{"access":"admin","admin":false}')).toBeTruthy();
  });

  it('shows a value outside the schema next to its field and will not enable', async () => {
    const { context } = await startHarness();
    render(AddonsPage, { props: { cluster: 'ha-lab' }, context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Enable Local registry…' }));
    const port = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'hostPort' });
    expect(port.value).toBe('5001');
    await fireEvent.input(port, { target: { value: '80' } });
    expect(screen.getByText('hostPort must be at least 1024')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Enable Local registry' }).disabled).toBe(true);
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
