// The window's security policy and the notification rules, as plain data and predicates.
import { describe, expect, it } from 'vitest';
import { notificationFor } from '../../../main/app/task-notifications.js';
import {
  allowNavigation,
  appAssetPath,
  appUrlFor,
  externalOpenFor,
  isAppUrl,
  secureWebPreferences,
} from '../../../main/app/window-policy.js';
import type { TaskInfo } from '../../../main/ipc/contract.js';
import { RENDERER_CSP } from '../../../main/ipc/renderer-policy.js';

describe('window policy', () => {
  it('isolates and sandboxes the renderer with no Node integration', () => {
    expect(secureWebPreferences('/app/dist/app/preload.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('allows navigation only inside the app', () => {
    expect(allowNavigation(appUrlFor('/create'))).toBe(true);
    expect(appUrlFor('clusters/demo')).toBe('slipway://app/index.html#/clusters/demo');
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'slipway://evil/index.html',
      'http://127.0.0.1:5173/',
      'not a url',
    ]) {
      expect(allowNavigation(url)).toBe(false);
    }
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('never opens new windows; allow-listed https and loopback links go to the browser, the rest nowhere', () => {
    expect(externalOpenFor('https://kubernetes.io/docs/')).toBe('browser');
    expect(externalOpenFor('http://127.0.0.1:41234/')).toBe('browser');
    expect(externalOpenFor('http://headlamp.localhost/')).toBe('browser');
    expect(externalOpenFor('https://evil.example/phish')).toBe('refuse');
    expect(externalOpenFor('https://kubernetes.io.evil.example/')).toBe('refuse');
    expect(externalOpenFor('https://user:pass@kubernetes.io/')).toBe('refuse');
    expect(externalOpenFor('http://kubernetes.io/')).toBe('refuse');
    expect(externalOpenFor('http://example.com/')).toBe('refuse');
    expect(externalOpenFor('file:///etc/passwd')).toBe('refuse');
    expect(externalOpenFor('javascript:alert(1)')).toBe('refuse');
  });

  it('serves only files inside the renderer folder from slipway://app/', () => {
    expect(appAssetPath('/app/renderer/dist', 'slipway://app/')).toBe('/app/renderer/dist/index.html');
    expect(appAssetPath('/app/renderer/dist/', 'slipway://app/assets/index-abc.js')).toBe(
      '/app/renderer/dist/assets/index-abc.js',
    );
    // The URL parser resolves literal dot segments before we see them: they stay inside.
    expect(appAssetPath('/app/renderer/dist', 'slipway://app/../package.json')).toBe('/app/renderer/dist/package.json');
    expect(appAssetPath('/app/renderer/dist', 'slipway://app/%2e%2e/%2e%2e/etc/passwd')).toBe(
      '/app/renderer/dist/etc/passwd',
    );
    for (const url of [
      'slipway://app/..%2f..%2fpackage.json',
      'slipway://app/a%5c..%5c..%5cx',
      'slipway://other/index.html',
      'https://app/index.html',
    ]) {
      expect(appAssetPath('/app/renderer/dist', url)).toBeUndefined();
    }
  });

  it('has a strict CSP: own scripts only, no inline or eval, no remote content', () => {
    expect(RENDERER_CSP).toContain("default-src 'none'");
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});

describe('notificationFor', () => {
  const base: TaskInfo = {
    id: 'task-1',
    kind: 'create',
    title: 'Create demo',
    cluster: 'demo',
    state: 'succeeded',
    cancelRequested: false,
    steps: [],
    log: [],
    startedAt: 0,
    endedAt: 83_000,
  };

  it('announces long work that succeeded, with its duration', () => {
    expect(notificationFor(base, true)).toEqual({
      title: 'demo is ready',
      body: 'Create demo finished in 1 min 23 s.',
    });
  });

  it('stays quiet for quick work while the window has focus, but not when it is in the background', () => {
    const quick = { ...base, kind: 'stop' as const, title: 'Stop demo', endedAt: 1200 };
    expect(notificationFor(quick, true)).toBeUndefined();
    expect(notificationFor(quick, false)).toEqual({ title: 'demo is stopped', body: 'Stop demo finished in 1.2 s.' });
  });

  it('always reports failures with the failed step and the hint', () => {
    const failed: TaskInfo = {
      ...base,
      state: 'failed',
      endedAt: 10,
      error: { code: 'STEP_FAILED', name: 'StepFailed', message: 'cni: timeout', step: 'cni', hint: 'See the logs' },
    };
    expect(notificationFor(failed, true)).toEqual({ title: 'Create demo failed at step cni', body: 'See the logs' });
    expect(notificationFor({ ...base, state: 'running' }, false)).toBeUndefined();
  });
});
