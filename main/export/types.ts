// The export contract (docs/architecture.md#contracts): what every exporter returns and what the CLI and the
// desktop app consume. Exporters are pure: spec and site inputs in, documents and issues out.
import type { ClusterSpec } from '../spec/index.js';
import type { IssueCode } from './issue-codes.js';
import type { SiteInputs } from './site/schema.js';

import type { ExportTarget } from '../lib/export-targets.js';

export { EXPORT_TARGETS, type ExportTarget } from '../lib/export-targets.js';

export type IssueSeverity = 'error' | 'warning' | 'info';

/** Something the export could not carry over exactly, or that needs the user. */
export interface ExportIssue {
  code: IssueCode;
  severity: IssueSeverity;
  /** Path into the Slipway spec (`spec.workers[1].taints`), or a site key; '' for the whole spec. */
  path: string;
  /** What happened and what to do about it. */
  message: string;
  /** The site input key (`vks.vmClass`) that would resolve this issue. */
  needsInput?: string;
}

/** A versioned object as exported (a Kubernetes object, a kind config): plain data. */
export interface ApiObject {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
}

/** A Kubernetes object: an ApiObject with metadata. */
export interface KubeObject extends ApiObject {
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
}

/** One shell command as an argument vector, quoted only when rendered. */
export interface ShellCommand {
  argv: string[];
  /** Why this command is there, shown as a comment above it. */
  comment?: string;
}

interface DocumentBase {
  /** File name used with `-o DIR`, e.g. `cluster.yaml`. */
  file: string;
  /** One line saying what the document is, shown as its comment header. */
  title: string;
}

/** Objects written as one multi-document YAML stream. */
export interface ManifestDocument extends DocumentBase {
  format: 'yaml';
  objects: ApiObject[];
}

/** A JSON body (REST request, compute profile, Terraform JSON). */
export interface JsonDocument extends DocumentBase {
  format: 'json';
  body: unknown;
}

/** Shell commands (tkgi, gcloud), run in order. */
export interface ShellDocument extends DocumentBase {
  format: 'shell';
  commands: ShellCommand[];
}

export type ExportDocument = ManifestDocument | JsonDocument | ShellDocument;

export interface ExportOptions {
  /** Validated site inputs (`--site FILE` merged with `--set`). */
  site?: SiteInputs;
  /** Cluster API version for `capi` (default v1beta2) and `vks` (default v1beta1). */
  apiVersion?: 'v1beta1' | 'v1beta2';
  /** VKS only: emit a TanzuKubernetesCluster v1alpha3 instead of a Cluster. */
  legacyTkc?: boolean;
}

/** What one target's exporter produces before files are rendered. */
export interface TargetExport {
  documents: ExportDocument[];
  issues: ExportIssue[];
}

export interface ExportResult extends TargetExport {
  target: ExportTarget;
  /** File name → content, ready to write into `-o DIR`. */
  files: Record<string, string>;
}

/** The signature every target exporter has. */
export type TargetExporter = (spec: ClusterSpec, options: ExportOptions) => TargetExport;
