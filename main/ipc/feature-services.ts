// The add-on and export features as the desktop app sees them. Their modules (main/addons,
// main/export) are written separately; an adapter maps each onto these small interfaces so
// the IPC contract stays stable while they evolve. A missing service means "not available
// yet" in the UI, never made-up results.
import type { TaskOptions } from '../engine/types.js';
import type { ClusterSpec } from '../spec/index.js';

/** A JSON Schema object, as shipped in an add-on bundle (draft 7 subset). */
export type JsonSchema = { [key: string]: unknown };

export interface AddonCatalogEntry {
  name: string;
  title: string;
  version: string;
  description: string;
  /** Parameters as JSON Schema; the UI generates its form from it. */
  paramsSchema: JsonSchema;
  requires: string[];
  conflicts: string[];
}

export interface AddonOutput {
  name: string;
  title: string;
  /** url and text are shown as they are; token and port-forward are produced on request. */
  kind: 'url' | 'text' | 'token' | 'port-forward';
  /** The URL or text; for token and port-forward, what revealing it will do. */
  value: string;
  /** Secrets (tokens) are masked until the user reveals them and never logged. */
  secret: boolean;
}

export interface RevealedOutput {
  kind: 'url' | 'token' | 'text';
  value: string;
}

export interface AddonState {
  name: string;
  enabled: boolean;
  state?: 'applying' | 'ready' | 'not-ready';
  installedVersion?: string;
  params: Record<string, unknown>;
  outputs: AddonOutput[];
}

export type AddonDataChoice = 'keep' | 'delete';

export interface AddonsService {
  catalog(): Promise<AddonCatalogEntry[]>;
  list(cluster: string): Promise<AddonState[]>;
  enable(cluster: string, addon: string, params: Record<string, unknown>, options: TaskOptions): Promise<void>;
  /** Without a data choice, disabling an add-on that holds data fails with Conflict. */
  disable(cluster: string, addon: string, data: AddonDataChoice | undefined, options: TaskOptions): Promise<void>;
  /** Mints a login token, or opens a port-forward and returns its URL. */
  reveal(cluster: string, addon: string, output: string): Promise<RevealedOutput>;
  /** Closes port-forwards (app quit). */
  dispose?(): Promise<void>;
}

export interface ExportSiteField {
  key: string;
  title: string;
  required: boolean;
  description?: string;
  placeholder?: string;
}

export interface ExportTargetInfo {
  id: string;
  title: string;
  description: string;
  siteFields: ExportSiteField[];
}

export interface ExportIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
  /** The site input that would resolve it, when one would. */
  needsInput?: string;
}

export interface ExportDocument {
  /** File name the document is saved under, e.g. cluster.yaml. */
  name: string;
  language: 'yaml' | 'json' | 'shell' | 'text';
  content: string;
}

export interface ExportPreview {
  target: string;
  documents: ExportDocument[];
  issues: ExportIssue[];
}

export interface ExportOptionsInput {
  /** Cluster API version for capi and vks. */
  apiVersion?: 'v1beta1' | 'v1beta2';
  /** VKS only: a TanzuKubernetesCluster v1alpha3 instead of a Cluster. */
  legacyTkc?: boolean;
}

export interface ExportService {
  targets(): ExportTargetInfo[];
  /** Site keys are `section.key` (vks.vmClass); empty values are ignored. */
  render(
    spec: ClusterSpec,
    target: string,
    site: Record<string, string>,
    options: ExportOptionsInput,
  ): Promise<ExportPreview>;
}
