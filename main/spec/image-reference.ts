// The shape of a container image reference, after the distribution/reference grammar:
// [registry[:port]/]path[:tag][@algorithm:digest], e.g. kindest/node:v1.34.1 or
// localhost/slipway/node:v1.34.4@sha256:….

const domainComponent = '[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?';
const domain = `${domainComponent}(\\.${domainComponent})*(:[0-9]+)?`;
const pathComponent = '[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*';
const name = `(${domain}/)?${pathComponent}(/${pathComponent})*`;
const tag = ':[\\w][\\w.-]{0,127}';
const digest = '@[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

/** An image reference, or "" (the spec's way of saying "no override"). */
export const IMAGE_REFERENCE_OR_EMPTY_PATTERN = new RegExp(`^(${name}(${tag})?(${digest})?)?$`);

/** Longer references are refused before the pattern runs (Docker's repository limit is 255). */
export const MAX_IMAGE_REFERENCE = 512;
