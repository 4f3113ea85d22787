// The desktop shell over the real core and the fake engine, with fake Electron ports: the
// tray follows state (icons, animation, menu), tray clicks run through the dispatcher, and
// finished work notifies.
import { describe, expect, it } from 'vitest';
import { startDesktopShell } from '../../../main/app/desktop-shell.js';
import type { IntervalTimers, Notification, TrayMenuItem, TrayPort } from '../../../main/app/ports.js';
import { isLoopbackUrl } from '../../../main/app/tray-actions.js';
import { FakeEngine } from '../../../main/dev/fake-engine/fake-engine.js';
import { fakeSpec } from '../../../main/dev/fake-engine/seed.js';
import { createAppCore } from '../../../main/ipc/app-core.js';
import type { KubectlContexts } from '../../../main/ipc/kubectl-context.js';

class FakeTray implements TrayPort {
  menus: TrayMenuItem[][] = [];
  images: string[] = [];
  tooltips: string[] = [];
  setMenu(items: TrayMenuItem[]): void {
    this.menus.push(items);
  }
  setImage(path: string): void {
    this.images.push(path);
  }
  setToolTip(text: string): void {
    this.tooltips.push(text);
  }
  item(id: string): TrayMenuItem {
    const search = (items: TrayMenuItem[]): TrayMenuItem | undefined =>
      items.map((item) => (item.id === id ? item : item.submenu ? search(item.submenu) : undefined)).find(Boolean);
    const found = search(this.menus.at(-1) ?? []);
    if (!found) throw new Error(`no item ${id}`);
    return found;
  }
}

/** Interval timers the test advances by hand. */
class ManualTimers implements IntervalTimers {
  callbacks = new Map<number, () => void>();
  private next = 1;
  setInterval(callback: () => void): unknown {
    this.callbacks.set(this.next, callback);
    return this.next++;
  }
  clearInterval(handle: unknown): void {
    this.callbacks.delete(handle as number);
  }
  tick(): void {
    for (const callback of [...this.callbacks.values()]) callback();
  }
}

function setup(options: { stepDelayMs?: number; focused?: boolean } = {}) {
  const engine = new FakeEngine({ stepDelayMs: options.stepDelayMs ?? 0 });
  engine.seed(fakeSpec('demo'));
  let context: string | undefined = 'work';
  const kubectl: KubectlContexts = {
    current: () => Promise.resolve(context),
    use: (name) => {
      context = name;
      return Promise.resolve({ path: '/tmp/kubeconfig', context: name });
    },
  };
  const core = createAppCore({ engine, transport: 'in-process', kubectl });
  const tray = new FakeTray();
  const timers = new ManualTimers();
  const notifications: Notification[] = [];
  const clipboard: string[] = [];
  const windows: (string | undefined)[] = [];
  const shell = startDesktopShell({
    core,
    tray,
    timers,
    notifier: { supported: () => true, notify: (notification) => notifications.push(notification) },
    clipboard: { writeText: (text) => clipboard.push(text) },
    shell: { openExternal: () => Promise.resolve() },
    window: { show: (route) => windows.push(route), isFocused: () => options.focused ?? false },
    quit: () => undefined,
    iconDir: '/icons',
    platform: 'linux',
  });
  return { engine, core, tray, timers, notifications, clipboard, windows, shell };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('startDesktopShell', () => {
  it('shows clusters in the tray once the engine answers, with the idle icon', async () => {
    const { core, tray } = setup();
    expect(tray.images).toEqual(['/icons/tray-idle.png']);
    await core.monitor.refresh();
    await settle();
    expect(tray.item('cluster:demo').label).toBe('demo — Running, 3 nodes');
    expect(tray.tooltips.at(-1)).toBe('Slipway — 1 of 1 clusters running');
  });

  it('animates while a tray-started task runs, then notifies and returns to idle', async () => {
    const { core, tray, timers, notifications } = setup({ stepDelayMs: 30 });
    await core.monitor.refresh();
    await settle();
    tray.item('stop:demo').click?.();
    await settle();
    expect(tray.images.at(-1)).toBe('/icons/tray-working-0.png');
    timers.tick();
    timers.tick();
    expect(tray.images.at(-1)).toBe('/icons/tray-working-2.png');
    await core.tasks.whenDone('task-1');
    await settle();
    expect(timers.callbacks.size).toBe(0);
    expect(tray.images.at(-1)).toBe('/icons/tray-idle.png');
    expect(notifications).toEqual([
      { title: 'demo is stopped', body: expect.stringMatching(/^Stop demo finished in \d+\.\d s\.$/) as unknown },
    ]);
    expect(tray.item('cluster:demo').label).toBe('demo — Stopped, 3 nodes');
  });

  it('turns the tray to its error state when the engine goes away, and back', async () => {
    const { core, engine, tray } = setup();
    engine.setAvailable(false);
    await core.monitor.refresh();
    expect(tray.images.at(-1)).toBe('/icons/tray-error.png');
    expect(tray.menus.at(-1)?.[0]?.label).toBe('Container engine unavailable — see diagnostics');
    engine.setAvailable(true);
    await core.monitor.refresh();
    expect(tray.images.at(-1)).toBe('/icons/tray-idle.png');
  });

  it('copies the kubeconfig and switches the kubectl context from the tray', async () => {
    const { core, tray, clipboard, notifications } = setup();
    await core.monitor.refresh();
    await settle();
    expect(tray.item('context:demo').checked).toBe(false);
    tray.item('kubeconfig:demo').click?.();
    tray.item('context:demo').click?.();
    await settle();
    expect(clipboard[0]).toContain('server: https://127.0.0.1:');
    expect(notifications.map((n) => n.title)).toEqual(['Kubeconfig of demo copied', 'kubectl now uses slipway-demo']);
    expect(tray.item('context:demo').checked).toBe(true);
  });

  it('opens the window at a route, and sends users to add-ons when there is no dashboard', async () => {
    const { core, tray, windows, notifications } = setup();
    await core.monitor.refresh();
    await settle();
    tray.item('create').click?.();
    tray.item('dashboard:demo').click?.();
    await settle();
    // This core has no add-on service: the tray says so instead of opening anything.
    expect(windows).toEqual(['/create']);
    expect(notifications.at(-1)?.title).toBe('add-on bundles are not available in this build yet');
  });

  it('opens only loopback http(s) URLs from add-on outputs', () => {
    expect(isLoopbackUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(isLoopbackUrl('https://localhost/')).toBe(true);
    expect(isLoopbackUrl('http://evil.example/')).toBe(false);
    expect(isLoopbackUrl('file:///etc/passwd')).toBe(false);
    expect(isLoopbackUrl('javascript:alert(1)')).toBe(false);
  });
});
