// IPv4 address and CIDR parsing for spec validation. Only IPv4 is supported by the engine today.
// The patterns are exported so the published JSON Schema checks the same shapes as the loader.

export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit integer. */
  network: number;
  prefix: number;
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const address = `${octet}\\.${octet}\\.${octet}\\.${octet}`;

/** A dotted-quad IPv4 address such as 127.0.0.1. */
export const IPV4_PATTERN = new RegExp(`^${address}$`);
/** An IPv4 address, '/', and a prefix length of 0 to 32 (host bits are checked separately). */
export const IPV4_CIDR_PATTERN = new RegExp(`^${address}/(3[0-2]|[12]?\\d)$`);

/** Parse dotted-quad IPv4 text to an unsigned integer, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  if (!IPV4_PATTERN.test(text)) return undefined;
  return text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Parse `a.b.c.d/n`; the address must be the network address (no host bits set). */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  if (!IPV4_CIDR_PATTERN.test(text)) return undefined;
  const [addressText = '', prefixText = ''] = text.split('/');
  const prefix = Number(prefixText);
  const network = parseIpv4(addressText);
  if (network === undefined || network % blockSize(prefix) !== 0) return undefined;
  return { network, prefix };
}

function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** True when the two ranges share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const aEnd = a.network + blockSize(a.prefix);
  const bEnd = b.network + blockSize(b.prefix);
  return a.network < bEnd && b.network < aEnd;
}

/** True for 127.0.0.0/8. */
export function isLoopbackIpv4(text: string): boolean {
  const value = parseIpv4(text);
  return value !== undefined && Math.floor(value / 2 ** 24) === 127;
}

/** The wildcard address: a port bound on it is bound on every address of the host. */
export const ANY_IPV4 = '0.0.0.0';

/** True when binding a port on both addresses would clash (same address, or either is 0.0.0.0). */
export function listenAddressesOverlap(a: string, b: string): boolean {
  return a === b || a === ANY_IPV4 || b === ANY_IPV4;
}
