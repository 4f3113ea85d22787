// Kubernetes naming rules for node labels and taints: qualified names (`prefix/name`) as keys,
// label values, and the prefixes Kubernetes reserves for itself. The patterns are exported so the
// published JSON Schema checks the same shapes as the loader.
import { DNS1123_SUBDOMAIN_PART } from '../lib/dns-names.js';
import { quote } from './quote.js';

const namePart = '[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?';
const dnsSubdomain = DNS1123_SUBDOMAIN_PART;
// A prefix ending in kubernetes.io or k8s.io (the whole domain or a subdomain of it).
const reservedPrefix = '([^/]*\\.)?(kubernetes\\.io|k8s\\.io)/';

const namePartPattern = new RegExp(`^${namePart}$`);
const dnsSubdomainPattern = new RegExp(`^${dnsSubdomain}$`);
const reservedPrefixPattern = new RegExp(`^${reservedPrefix}`);

/** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends. */
export const LABEL_VALUE_PATTERN = new RegExp(`^(${namePart})?$`);
/** A qualified name (taint keys): `name` or `prefix/name` with a DNS subdomain prefix. */
export const QUALIFIED_NAME_PATTERN = `^(${dnsSubdomain}/)?${namePart}$`;
/** A node label key: a qualified name outside the kubernetes.io and k8s.io prefixes. */
export const NODE_LABEL_KEY_PATTERN = `^(?!${reservedPrefix})(${dnsSubdomain}/)?${namePart}$`;

const MAX_PREFIX = 253;

/** Problems with a Kubernetes qualified name (`prefix/name` or `name`), or [] when valid. */
export function qualifiedNameProblems(key: string, forbidReservedPrefix: boolean): string[] {
  const parts = key.split('/');
  if (parts.length > 2) return [`${quote(key)} has more than one '/'`];
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  const problems: string[] = [];
  if (name === undefined || !namePartPattern.test(name)) {
    problems.push(
      `${quote(key)}: the name part must be 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
    );
  }
  if (prefix !== undefined && (prefix.length > MAX_PREFIX || !dnsSubdomainPattern.test(prefix))) {
    problems.push(`${quote(key)}: the prefix must be a DNS subdomain such as example.com`);
  }
  if (forbidReservedPrefix && reservedPrefixPattern.test(key)) {
    problems.push(
      `${quote(key)}: labels under kubernetes.io and k8s.io are reserved for Kubernetes; use your own prefix such as example.com/`,
    );
  }
  return problems;
}

/** The message for a value that breaks the label value rules (`what` names the field). */
export function labelValueMessage(what: string, value: unknown): string {
  const shown = typeof value === 'string' ? `${quote(value)} ` : '';
  return `${what} ${shown}must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}
