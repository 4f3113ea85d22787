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
  kind: 'url' | 'token' | 'text';
  value: string;
  /** Secrets (tokens) are masked until the user reveals them and never logged. */
  secret: boolean;
}

export interface AddonState {
  name: string;
  enabled: boolean;
  params: Record<string, unknown>;
  outputs: AddonOutput[];
}

export interface AddonsService {
  catalog(): Promise<AddonCatalogEntry[]>;
  list(cluster: string): Promise<AddonState[]>;
  enable(cluster: string, addon: string, params: Record<string, unknown>, options: TaskOptions): Promise<void>;
  disable(cluster: string, addon: string, options: TaskOptions): Promise<void>;
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

export interface ExportService {
  targets(): ExportTargetInfo[];
  render(spec: ClusterSpec, target: string, site: Record<string, string>): Promise<ExportPreview>;
}
