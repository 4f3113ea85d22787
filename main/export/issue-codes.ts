// The stable issue codes exporters report. Tests and the desktop app branch on these codes;
// docs/export.md lists them from this table, so a new code needs a description here.
export const ISSUE_CODES = {
  REQUIRES_SITE_INPUT:
    'The target needs a value a local spec cannot know (namespace, project, plan...). Give it with --site FILE or --set section.key=value.',
  UNSUPPORTED_FIELD: 'The target has no place for this spec field; it is dropped.',
  VALUE_FIXED_BY_PLATFORM:
    'The platform decides this value (per installation, plan or managed service); the spec value is not applied.',
  LOSSY_MAPPING:
    'The value is carried over approximately: sizes rounded to a machine class, versions to a minor or release, counts per zone, labels that need extra setup to reach Nodes.',
  DEPRECATED_TARGET: 'The requested API version or document kind is deprecated on the platform; prefer the default.',
  RETIRED_ADDON:
    "The target's own counterpart of an add-on (such as GKE's kubernetesDashboard) is retired or archived upstream; it is not used, and the message names the successor.",
  ODD_CONTROL_PLANE: 'The control-plane count is not one the target accepts (etcd quorum or platform limits).',
  FEATURE_GATE_REQUIRED: 'The exported field only works with a feature gate enabled on the management cluster.',
  ADDON_MAPPING: 'A local add-on maps to its production equivalent; the message says what is exported and what to do.',
  CIDR_REVIEW:
    'A network range is copied as is but should be checked against the target network (VPC, Supervisor, NSX).',
  DEFAULTED_VALUE: "The spec leaves a value open that the target requires; the exporter filled in Slipway's default.",
  NAME_NOT_ACCEPTED: 'A name is valid in Slipway but not accepted by the target.',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;
