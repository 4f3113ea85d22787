// The dispatcher is where untrusted renderer input meets main: every malformed payload must
// come back as a typed INVALID_PAYLOAD value, never reach a handler and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandFailed, EngineUnavailable, SpecInvalid, StepFailed } from '../../../main/errors.js';
import type { IpcErrorValue, IpcHandlers, IpcResponse } from '../../../main/ipc/contract.js';
import { createDispatcher, type DispatchLogEntry } from '../../../main/ipc/dispatcher.js';
import { ipcChannels } from '../../../main/ipc/payload-schemas.js';

/** A handler table that records calls and answers each channel with its own name. */
function recordingHandlers(calls: string[]): IpcHandlers {
  return Object.fromEntries(
    ipcChannels.map((channel) => [
      channel,
      (payload: unknown) => {
        calls.push(channel);
        return Promise.resolve({ channel, payload });
      },
    ]),
  ) as unknown as IpcHandlers;
}

function errorOf(response: IpcResponse<unknown>): IpcErrorValue {
  if (!('error' in response)) throw new Error(`expected an error, got ${JSON.stringify(response)}`);
  return response.error;
}

describe('createDispatcher', () => {
  it('runs the handler for a valid payload and wraps its value in {result}', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher({ handlers: recordingHandlers(calls) });
    expect(await dispatch('clusters:get', { name: 'demo' })).toEqual({
      result: { channel: 'clusters:get', payload: { name: 'demo' } },
    });
    expect(await dispatch('clusters:list', undefined)).toEqual({
      result: { channel: 'clusters:list', payload: undefined },
    });
    expect(calls).toEqual(['clusters:get', 'clusters:list']);
  });

  it.each([
    ['clusters:get', { name: 'Bad_Name' }, 'name'],
    ['clusters:get', { name: 'demo', extra: true }, ''],
    ['clusters:get', 'demo', ''],
    ['clusters:get', undefined, ''],
    ['clusters:list', { name: 'demo' }, ''],
    ['clusters:create', { specText: 42 }, 'specText'],
    ['clusters:create', { specText: 'x'.repeat(1024 * 1024 + 1) }, 'specText'],
    ['clusters:create', { specText: 'a: 1', retain: 'yes' }, 'retain'],
    ['tasks:cancel', { taskId: '../../etc' }, 'taskId'],
    ['logs:follow', { cluster: 'demo', podPattern: '([' }, 'podPattern'],
    ['logs:follow', { cluster: 'demo', podPattern: '^([a-z-]|[a-z0-9-])*!$' }, 'podPattern'],
    ['export:render', { source: { cluster: 'demo', specText: 'x' }, target: 'capi', site: {} }, 'source'],
    ['addons:enable', { cluster: 'demo', addon: 'registry', params: { blob: 'x'.repeat(70_000) } }, 'params'],
    [
      'addons:enable',
      { cluster: 'demo', addon: 'registry', params: JSON.parse('{"__proto__":{"a":1}}') as unknown },
      'params',
    ],
    [
      'addons:enable',
      { cluster: 'demo', addon: 'registry', params: { a: { constructor: { prototype: 1 } } } },
      'params',
    ],
    [
      'export:render',
      { source: { cluster: 'demo' }, target: 'capi', site: { '__proto__.isAdmin': 'yes' } },
      'site["__proto__.isAdmin"]',
    ],
    [
      'export:render',
      { source: { cluster: 'demo' }, target: 'capi', site: { 'vks.unknown': 'x' } },
      'site["vks.unknown"]',
    ],
  ])('rejects %s with payload %j as INVALID_PAYLOAD at %j', async (channel, payload, path) => {
    const calls: string[] = [];
    const dispatch = createDispatcher({ handlers: recordingHandlers(calls) });
    const error = errorOf(await dispatch(channel, payload));
    expect(error.code).toBe('INVALID_PAYLOAD');
    expect(error.name).toBe('InvalidPayload');
    expect(error.problems?.map((problem) => problem.path)).toContain(path);
    expect(calls).toEqual([]);
  });

  it('rejects unknown channels, including prototype keys, without calling anything', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher({ handlers: recordingHandlers(calls) });
    for (const channel of ['clusters:format', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(errorOf(await dispatch(channel, undefined)).code).toBe('UNKNOWN_CHANNEL');
    }
    expect(calls).toEqual([]);
  });

  it('turns thrown typed errors into values with their codes, hints and details', async () => {
    const failing = (error: Error) => () => Promise.reject(error);
    const handlers = {
      ...recordingHandlers([]),
      'clusters:list': failing(new EngineUnavailable('docker is down', { hint: 'start docker' })),
      'clusters:create': failing(new SpecInvalid([{ path: 'metadata.name', message: 'is required (string)' }])),
      'clusters:start': failing(
        new StepFailed(
          'wait-ready',
          new CommandFailed({ command: ['kubectl', 'wait'], exitCode: 1, stderr: 'timed out' }),
        ),
      ),
      'clusters:stop': failing(new TypeError('boom')),
    } as IpcHandlers;
    const dispatch = createDispatcher({ handlers });

    expect(errorOf(await dispatch('clusters:list', undefined))).toEqual({
      code: 'ENGINE_UNAVAILABLE',
      name: 'EngineUnavailable',
      message: 'docker is down',
      hint: 'start docker',
    });
    expect(errorOf(await dispatch('clusters:create', { specText: 'x' })).problems).toEqual([
      { path: 'metadata.name', message: 'is required (string)' },
    ]);
    const step = errorOf(await dispatch('clusters:start', { name: 'demo' }));
    expect(step).toMatchObject({
      code: 'STEP_FAILED',
      step: 'wait-ready',
      command: ['kubectl', 'wait'],
      stderr: 'timed out',
    });
    expect(errorOf(await dispatch('clusters:stop', { name: 'demo' }))).toEqual({
      code: 'INTERNAL',
      name: 'SlipwayError',
      message: 'boom',
    });
  });

  it('logs the channel, duration and error code, never the payload', async () => {
    const entries: DispatchLogEntry[] = [];
    let clock = 100;
    const dispatch = createDispatcher({
      handlers: recordingHandlers([]),
      log: (entry) => entries.push(entry),
      now: () => (clock += 5),
    });
    await dispatch('clusters:kubeconfig', { name: 'secret-cluster' });
    await dispatch('clusters:kubeconfig', { token: 'hunter2' });
    expect(entries).toEqual([
      { channel: 'clusters:kubeconfig', durationMs: 5 },
      { channel: 'clusters:kubeconfig', durationMs: 5, errorCode: 'INVALID_PAYLOAD' },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/hunter2|secret-cluster/);
  });

  it('never throws and always answers {result} or {error} for arbitrary input', async () => {
    const dispatch = createDispatcher({ handlers: recordingHandlers([]) });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...ipcChannels), fc.string()),
        fc.anything(),
        async (channel, payload) => {
          const response = await dispatch(channel, payload);
          expect(Object.keys(response)).toHaveLength(1);
          expect('result' in response || 'error' in response).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
