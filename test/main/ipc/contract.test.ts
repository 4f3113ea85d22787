// Pins the IPC contract: the channel set, payload and result types, the schema table's
// agreement with the contract, and the shape of window.slipway. A change here is a change
// every transport and the renderer must follow.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ClusterSummary, DoctorCheck } from '../../../main/engine/types.js';
import type {
  ClusterRef,
  CreateClusterPayload,
  EngineStatus,
  IpcChannel,
  IpcErrorValue,
  IpcEventMap,
  IpcEventName,
  IpcHandlers,
  IpcInvokeMap,
  IpcResponse,
  PayloadOf,
  ResultOf,
  SlipwayApi,
  TaskInfo,
  TaskRef,
} from '../../../main/ipc/contract.js';
import { ipcChannels, payloadSchemas } from '../../../main/ipc/payload-schemas.js';

// Instantiation expressions (typeof api.invoke<C>) need a value to hang on.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
declare const api: SlipwayApi;

const expectedChannels = [
  'app:info',
  'app:features',
  'engine:status',
  'engine:refresh',
  'clusters:list',
  'clusters:get',
  'clusters:create',
  'clusters:start',
  'clusters:stop',
  'clusters:delete',
  'clusters:kubeconfig',
  'clusters:spec',
  'clusters:use-context',
  'clusters:node-stats',
  'clusters:kube-nodes',
  'clusters:pods',
  'clusters:events',
  'tasks:list',
  'tasks:cancel',
  'tasks:dismiss',
  'doctor:run',
  'addons:catalog',
  'addons:list',
  'addons:enable',
  'addons:disable',
  'addons:output',
  'export:targets',
  'export:render',
  'logs:follow',
  'logs:stop',
  'kubectl:current-context',
  'workloads:watch',
  'workloads:unwatch',
  'workloads:describe',
  'workloads:delete',
  'workloads:restart',
  'workloads:logs',
] as const;

describe('IPC contract', () => {
  it('has exactly the pinned invoke channels, at the type level and at run time', () => {
    expectTypeOf<IpcChannel>().toEqualTypeOf<(typeof expectedChannels)[number]>();
    expect([...ipcChannels].sort()).toEqual([...expectedChannels].sort());
  });

  it('pins the event names and their payloads', () => {
    expectTypeOf<IpcEventName>().toEqualTypeOf<
      | 'clusters:changed'
      | 'engine:status'
      | 'tasks:updated'
      | 'tasks:removed'
      | 'logs:lines'
      | 'logs:ended'
      | 'workloads:items'
      | 'workloads:error'
      | 'app:navigate'
    >();
    expectTypeOf<IpcEventMap['clusters:changed']>().toEqualTypeOf<ClusterSummary[]>();
    expectTypeOf<IpcEventMap['tasks:updated']>().toEqualTypeOf<TaskInfo>();
    expectTypeOf<IpcEventMap['engine:status']>().toEqualTypeOf<EngineStatus>();
  });

  it('pins payload and result types of the lifecycle channels', () => {
    expectTypeOf<PayloadOf<'clusters:list'>>().toEqualTypeOf<undefined>();
    expectTypeOf<ResultOf<'clusters:list'>>().toEqualTypeOf<ClusterSummary[]>();
    expectTypeOf<PayloadOf<'clusters:create'>>().toEqualTypeOf<CreateClusterPayload>();
    expectTypeOf<ResultOf<'clusters:create'>>().toEqualTypeOf<TaskRef>();
    expectTypeOf<PayloadOf<'clusters:stop'>>().toEqualTypeOf<ClusterRef>();
    expectTypeOf<ResultOf<'tasks:cancel'>>().toEqualTypeOf<TaskInfo>();
    expectTypeOf<ResultOf<'doctor:run'>>().toEqualTypeOf<DoctorCheck[]>();
    expectTypeOf<IpcInvokeMap['clusters:kubeconfig']>().toEqualTypeOf<(payload: ClusterRef) => string>();
  });

  it('validates exactly the payload type of each channel', () => {
    type SchemaOutputs = { [C in IpcChannel]: z.output<(typeof payloadSchemas)[C]> };
    type ContractPayloads = { [C in IpcChannel]: PayloadOf<C> };
    expectTypeOf<SchemaOutputs>().toEqualTypeOf<ContractPayloads>();
  });

  it('makes every handler asynchronous and typed by its channel', () => {
    expectTypeOf<IpcHandlers['clusters:get']>().toEqualTypeOf<(payload: ClusterRef) => Promise<ClusterSummary>>();
    expectTypeOf<IpcHandlers['tasks:list']>().toEqualTypeOf<(payload: undefined) => Promise<TaskInfo[]>>();
  });

  it('types window.slipway.invoke by channel and returns errors as values', () => {
    type InvokeGet = typeof api.invoke<'clusters:get'>;
    type InvokeList = typeof api.invoke<'clusters:list'>;
    expectTypeOf<Parameters<InvokeGet>>().toEqualTypeOf<[channel: 'clusters:get', payload: ClusterRef]>();
    expectTypeOf<ReturnType<InvokeGet>>().toEqualTypeOf<Promise<IpcResponse<ClusterSummary>>>();
    expectTypeOf<Parameters<InvokeList>>().toEqualTypeOf<[channel: 'clusters:list']>();
    expectTypeOf<IpcResponse<number>>().toEqualTypeOf<{ result: number } | { error: IpcErrorValue }>();
  });
});
