import { describe, expect, it } from 'vitest';
import { buildDnsQuery, clusterDnsAddress, dnsProbeScript, parseDnsAnswer } from '../../../main/kube/dns-query.js';

/** An answer to `query` with one A record (name as a compression pointer to the question). */
function answerTo(query: Buffer, address: number[], rcode = 0): Buffer {
  const header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(0x8180 | rcode, 2);
  header.writeUInt16BE(address.length ? 1 : 0, 6);
  const record = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, ...address]);
  return Buffer.concat([header, query.subarray(12), address.length ? record : Buffer.alloc(0)]);
}

describe('DNS query for CoreDNS', () => {
  it('puts the DNS Service at the 10th address of the service subnet', () => {
    expect(clusterDnsAddress('10.96.0.0/16')).toBe('10.96.0.10');
    expect(clusterDnsAddress('10.100.8.0/22')).toBe('10.100.8.10');
  });

  it('builds a recursive A query with the given id', () => {
    const query = buildDnsQuery('kubernetes.default.svc.cluster.local', 0x1234);
    expect(query.readUInt16BE(0)).toBe(0x1234);
    expect(query.readUInt16BE(2)).toBe(0x0100);
    expect(query.readUInt16BE(4)).toBe(1);
    expect(query.subarray(12, 24).toString('latin1')).toBe('\u000akubernetes\u0007');
    expect([...query.subarray(-4)]).toEqual([0, 1, 0, 1]);
  });

  it('parses the A records of an answer, id and rcode', () => {
    const query = buildDnsQuery('kubernetes.default.svc.cluster.local', 7);
    expect(parseDnsAnswer(answerTo(query, [10, 96, 0, 1]))).toEqual({ id: 7, rcode: 0, addresses: ['10.96.0.1'] });
    expect(parseDnsAnswer(answerTo(query, [], 3))).toEqual({ id: 7, rcode: 3, addresses: [] });
  });

  it('rejects a packet too short to be an answer', () => {
    expect(() => parseDnsAnswer(Buffer.alloc(5))).toThrow(/at least 12 bytes/);
  });

  it('probes with bash /dev/udp and one read', () => {
    expect(dnsProbeScript('10.96.0.10')).toContain('/dev/udp/10.96.0.10/53');
  });
});
