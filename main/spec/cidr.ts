// IPv4 address and CIDR parsing for spec validation. Only IPv4 is supported by the engine today.

export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit integer. */
  network: number;
  prefix: number;
}

const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4Pattern = new RegExp(`^${octet}\\.${octet}\\.${octet}\\.${octet}$`);

/** Parse dotted-quad IPv4 text to an unsigned integer, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  if (!ipv4Pattern.test(text)) return undefined;
  return text.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Parse `a.b.c.d/n`; the address must be the network address (no host bits set). */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const [address, prefixText, ...rest] = text.split('/');
  if (rest.length > 0 || address === undefined || prefixText === undefined) return undefined;
  if (!/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const network = parseIpv4(address);
  if (network === undefined || prefix > 32) return undefined;
  if (network % blockSize(prefix) !== 0) return undefined;
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
