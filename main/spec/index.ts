// The cluster spec API: types, strict loading, defaults, the embedded default and its schema.
export * from './schema.js';
export { loadClusterSpec, validateClusterSpecText, validateClusterSpecValue, type ValidationResult } from './load.js';
export { defaultClusterSpec } from './default-spec.js';
export { clusterSpecJsonSchema } from './json-schema.js';
export { formatPath } from './problem-path.js';
