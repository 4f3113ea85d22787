// A minimal DNS A query and answer parser, so "CoreDNS answers" can be checked from inside a
// node with nothing but bash's /dev/udp (node images carry no dig or nslookup).
import { addressAt, formatIpv4 } from '../lib/subnet.js';

/** kubeadm puts the cluster DNS Service at the 10th address of the service subnet. */
export function clusterDnsAddress(serviceSubnet: string): string {
  return addressAt(serviceSubnet, 10);
}

/** A recursive A query for `name` with the given 16-bit id. */
export function buildDnsQuery(name: string, id: number): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // recursion desired
  header.writeUInt16BE(1, 4); // one question
  const labels = name
    .split('.')
    .filter((label) => label !== '')
    .map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')]));
  const question = Buffer.concat([...labels, Buffer.from([0, 0, 1, 0, 1])]); // root, type A, class IN
  return Buffer.concat([header, question]);
}

export interface DnsAnswer {
  id: number;
  rcode: number;
  addresses: string[];
}

function skipName(packet: Buffer, offset: number): number {
  let at = offset;
  while (at < packet.length) {
    const length = packet[at] ?? 0;
    if (length === 0) return at + 1;
    if ((length & 0xc0) === 0xc0) return at + 2; // compression pointer
    at += length + 1;
  }
  throw new Error('truncated DNS name');
}

/** The A records of an answer packet; throws on a packet too short to be one. */
export function parseDnsAnswer(packet: Buffer): DnsAnswer {
  if (packet.length < 12) throw new Error(`a DNS answer has at least 12 bytes, got ${String(packet.length)}`);
  const questions = packet.readUInt16BE(4);
  const answers = packet.readUInt16BE(6);
  let at = 12;
  for (let i = 0; i < questions; i++) at = skipName(packet, at) + 4;
  const addresses: string[] = [];
  for (let i = 0; i < answers; i++) {
    at = skipName(packet, at);
    const type = packet.readUInt16BE(at);
    const length = packet.readUInt16BE(at + 8);
    if (type === 1 && length === 4) addresses.push(formatIpv4(packet.readUInt32BE(at + 10)));
    at += 10 + length;
  }
  return { id: packet.readUInt16BE(0), rcode: packet.readUInt16BE(2) & 0x0f, addresses };
}

/** bash script run in a node: send stdin as one datagram to addr:53, print one reply. */
export function dnsProbeScript(address: string): string {
  return `exec 3<>/dev/udp/${address}/53 && cat >&3 && timeout 2 dd bs=4096 count=1 status=none <&3`;
}
