// The export API (docs/architecture.md#contracts): pure functions from a cluster spec to the documents production
// platforms accept, plus structured issues. The CLI and the desktop app use only this module.
export { exportSpec, missingSiteInputs, requiredSiteInputs } from './export-spec.js';
export { importKindConfig, type KindImport } from './kind/import.js';
export { loadSiteInputs, type SiteSource } from './site/load.js';
export type { RejectedSet } from './site/set-arguments.js';
export { siteInputsSchema, siteSetKeys, type SiteInputs, type SizeEntry } from './site/schema.js';
export { renderStream, renderFiles, renderDocument } from './render.js';
export { countBySeverity } from './issues.js';
export { ISSUE_CODES, type IssueCode } from './issue-codes.js';
export * from './types.js';
export { TARGET_DESCRIPTORS, targetDescriptor, type TargetDescriptor } from './targets.js';
export { SiteInputMissing, ExportRefused, SiteSetInvalid } from './errors.js';
