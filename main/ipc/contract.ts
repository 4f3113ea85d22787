// The one typed contract between the renderer and main: every invoke channel with its
// payload and result, and every event main pushes. Main (ipcMain), the preload
// (window.slipway), the loopback bridge and the renderer all use these types; tests pin them
// with expectTypeOf so a change shows up in review. Errors travel as values ({error}),
// because Electron's invoke would flatten a thrown error into a string.
import type { ClusterSummary, DoctorCheck } from '../engine/types.js';
import type { Problem } from '../errors.js';
import type { ClusterSpec } from '../spec/index.js';
import type { ClusterEvent, KubeNodeInfo, LogLine, NodeStats, PodSummary } from './engine-extras.js';
import type {
  AddonCatalogEntry,
  AddonDataChoice,
  AddonState,
  ExportOptionsInput,
  ExportPreview,
  ExportTargetInfo,
  RevealedOutput,
} from './feature-services.js';
import type { WorkloadDescription, WorkloadItem, WorkloadKind, WorkloadRef } from './workloads/types.js';

export type { WorkloadDescription, WorkloadItem, WorkloadKind, WorkloadRef };

/** Codes of errors that only exist at the IPC edge; engine errors keep their own codes. */
export const IpcErrorCodes = {
  invalidPayload: 'INVALID_PAYLOAD',
  unknownChannel: 'UNKNOWN_CHANNEL',
  notAvailable: 'NOT_AVAILABLE',
  untrustedSender: 'UNTRUSTED_SENDER',
  internal: 'INTERNAL',
} as const;

/** An error as a value: what the renderer gets instead of an exception. */
export interface IpcErrorValue {
  /** Stable code: SPEC_INVALID, ENGINE_UNAVAILABLE, NOT_FOUND, INVALID_PAYLOAD, ... */
  code: string;
  /** Error class name, e.g. EngineUnavailable. */
  name: string;
  message: string;
  /** What the user can do about it. */
  hint?: string;
  /** Every problem, for SPEC_INVALID and INVALID_PAYLOAD. */
  problems?: Problem[];
  /** The step that failed, for STEP_FAILED. */
  step?: string;
  /** The command that failed and the end of its stderr, for COMMAND_FAILED. */
  command?: string[];
  stderr?: string;
}

export type IpcResponse<T> = { result: T } | { error: IpcErrorValue };

export interface ClusterRef {
  name: string;
}

export interface TaskRef {
  taskId: string;
}

export type TaskKind = 'create' | 'start' | 'stop' | 'delete' | 'addon-enable' | 'addon-disable';

export interface TaskStep {
  id: string;
  title: string;
  /** pending: planned, not started yet (and never started, if the task ended before it). */
  state: 'pending' | 'running' | 'succeeded' | 'failed';
  /** Milliseconds since the epoch; absent while pending. */
  startedAt?: number;
  durationMs?: number;
  /** How long this step took in earlier runs of the same kind of task (median), for estimates. */
  expectedMs?: number;
  error?: string;
}

export interface TaskInfo {
  id: string;
  kind: TaskKind;
  title: string;
  cluster?: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  cancelRequested: boolean;
  steps: TaskStep[];
  /** The latest log messages of the task, oldest first (bounded). */
  log: string[];
  startedAt: number;
  endedAt?: number;
  error?: IpcErrorValue;
  /** What a create was asked for, so a failed one can be retried or edited. */
  request?: CreateClusterPayload;
}

export interface EngineStatus {
  state: 'connecting' | 'ready' | 'unavailable';
  /** Why the engine is unavailable, with the fix in `hint`. */
  error?: IpcErrorValue;
  checkedAt: number;
}

/** What this engine and build can do; the UI hides or explains what is missing. */
export interface Features {
  nodeStats: boolean;
  kubeNodes: boolean;
  pods: boolean;
  events: boolean;
  logs: boolean;
  addons: boolean;
  export: boolean;
  /** Live lists of namespaces, pods, rollouts, Services and routes, with describe and actions. */
  workloads: boolean;
}

/** How the renderer reaches main: Electron IPC, the loopback bridge, or a direct call in tests. */
export type Transport = 'electron' | 'bridge' | 'in-process';

export interface AppInfo {
  version: string;
  /** process.platform of main. */
  platform: string;
  transport: Transport;
  /** kubectl context the app would switch to for a cluster: slipway-NAME. */
  contextPrefix: string;
  /** True when running on the fake engine (UI development and screenshots only). */
  fakeEngine: boolean;
}

export interface KubectlContextInfo {
  /** The kubeconfig file that was changed. */
  path: string;
  context: string;
}

export interface CreateClusterPayload {
  /** The spec as YAML text; main validates it again (the renderer is not trusted). */
  specText: string;
  image?: string;
  retain?: boolean;
}

export interface AddonChangePayload {
  cluster: string;
  addon: string;
}

export interface AddonEnablePayload extends AddonChangePayload {
  params: Record<string, unknown>;
}

export interface AddonDisablePayload extends AddonChangePayload {
  /** What to do with data the add-on holds; without it, disable refuses when there is data. */
  data?: AddonDataChoice;
}

export interface AddonOutputPayload extends AddonChangePayload {
  output: string;
}

export type ExportSource = { cluster: string } | { specText: string };

export interface ExportRenderPayload {
  source: ExportSource;
  target: string;
  /** Site inputs by `section.key` (vks.vmClass); empty values are ignored. */
  site: Record<string, string>;
  options?: ExportOptionsInput;
}

export interface LogsFollowPayload {
  cluster: string;
  namespace?: string;
  /** A word contained in pod names, or a glob with * and ?; never a regular expression. */
  podPattern?: string;
  tailLines?: number;
}

export interface LogStreamRef {
  streamId: string;
}

export interface WorkloadWatchPayload {
  cluster: string;
  kind: WorkloadKind;
  /** Only this namespace; all namespaces when absent. */
  namespace?: string;
}

export interface WorkloadWatchRef {
  watchId: string;
}

export interface PodLogsPayload {
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
  tailLines?: number;
  timestamps?: boolean;
  /** Keep streaming new lines (default true). */
  follow?: boolean;
}

/** Invoke channels: channel → (payload) => result. Channels without a payload take none. */
export interface IpcInvokeMap {
  'app:info': () => AppInfo;
  'app:features': () => Features;
  'engine:status': () => EngineStatus;
  'engine:refresh': () => EngineStatus;
  'clusters:list': () => ClusterSummary[];
  'clusters:get': (payload: ClusterRef) => ClusterSummary;
  'clusters:create': (payload: CreateClusterPayload) => TaskRef;
  'clusters:start': (payload: ClusterRef) => TaskRef;
  'clusters:stop': (payload: ClusterRef) => TaskRef;
  'clusters:delete': (payload: ClusterRef) => TaskRef;
  'clusters:kubeconfig': (payload: ClusterRef) => string;
  'clusters:spec': (payload: ClusterRef) => ClusterSpec | null;
  'clusters:use-context': (payload: ClusterRef) => KubectlContextInfo;
  /** kubectl's current context (null when none is set), for the window's indicator. */
  'kubectl:current-context': () => string | null;
  'clusters:node-stats': (payload: ClusterRef) => NodeStats[];
  'clusters:kube-nodes': (payload: ClusterRef) => KubeNodeInfo[];
  'clusters:pods': (payload: ClusterRef) => PodSummary[];
  'clusters:events': (payload: ClusterRef) => ClusterEvent[];
  'tasks:list': () => TaskInfo[];
  'tasks:cancel': (payload: TaskRef) => TaskInfo;
  'tasks:dismiss': (payload: TaskRef) => null;
  'doctor:run': () => DoctorCheck[];
  'addons:catalog': () => AddonCatalogEntry[];
  'addons:list': (payload: ClusterRef) => AddonState[];
  'addons:enable': (payload: AddonEnablePayload) => TaskRef;
  'addons:disable': (payload: AddonDisablePayload) => TaskRef;
  'addons:output': (payload: AddonOutputPayload) => RevealedOutput;
  'export:targets': () => ExportTargetInfo[];
  'export:render': (payload: ExportRenderPayload) => ExportPreview;
  'logs:follow': (payload: LogsFollowPayload) => LogStreamRef;
  'logs:stop': (payload: LogStreamRef) => null;
  'workloads:watch': (payload: WorkloadWatchPayload) => WorkloadWatchRef;
  'workloads:unwatch': (payload: WorkloadWatchRef) => null;
  'workloads:describe': (payload: WorkloadRef) => WorkloadDescription;
  'workloads:delete': (payload: WorkloadRef) => null;
  'workloads:restart': (payload: WorkloadRef) => null;
  'workloads:logs': (payload: PodLogsPayload) => LogStreamRef;
}

/** Events main pushes to the renderer: event → payload. */
export interface IpcEventMap {
  'clusters:changed': ClusterSummary[];
  'engine:status': EngineStatus;
  'tasks:updated': TaskInfo;
  'tasks:removed': TaskRef;
  'logs:lines': { streamId: string; lines: LogLine[] };
  'logs:ended': { streamId: string; error?: IpcErrorValue };
  /** The whole current list of a workload watch, after every change. */
  'workloads:items': { watchId: string; items: WorkloadItem[] };
  /** A watch failed (it retries by itself); the list may be stale until the next items. */
  'workloads:error': { watchId: string; error: IpcErrorValue };
  /** Main asks the window to show a route, e.g. the tray's "Create cluster…". */
  'app:navigate': { route: string };
}

export type IpcChannel = keyof IpcInvokeMap;
export type IpcEventName = keyof IpcEventMap;
export type PayloadOf<C extends IpcChannel> = Parameters<IpcInvokeMap[C]>[0];
export type ResultOf<C extends IpcChannel> = ReturnType<IpcInvokeMap[C]>;
export type InvokeArgs<C extends IpcChannel> = Parameters<IpcInvokeMap[C]>;

/** What main implements for each channel. */
export type IpcHandlers = {
  [C in IpcChannel]: (payload: PayloadOf<C>) => Promise<ResultOf<C>>;
};

/** Whether the renderer still reaches main (only the bridge can lose it while the page lives). */
export type ConnectionState = 'connected' | 'reconnecting';

/** window.slipway: the same object from the preload and from the bridge client. */
export interface SlipwayApi {
  readonly transport: Transport;
  invoke<C extends IpcChannel>(channel: C, ...args: InvokeArgs<C>): Promise<IpcResponse<ResultOf<C>>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void;
  /** Reports losing and regaining main; transports that cannot lose it leave it out. */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
}

/** The Electron channel names that carry the contract (one for invokes, one for events). */
export const ELECTRON_INVOKE_CHANNEL = 'slipway:invoke';
export const ELECTRON_EVENT_CHANNEL = 'slipway:event';
