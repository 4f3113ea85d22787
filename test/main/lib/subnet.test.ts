import { describe, expect, it } from 'vitest';
import { addressAt, chooseSubnet, dynamicRange, formatIpv4 } from '../../../main/lib/subnet.js';

describe('chooseSubnet', () => {
  it('picks a /24 inside 172.18.0.0-172.31.255.0, the same one for the same name', () => {
    const subnet = chooseSubnet('demo', []);
    expect(subnet).toMatch(/^172\.(1[89]|2\d|3[01])\.\d+\.0\/24$/);
    expect(chooseSubnet('demo', [])).toBe(subnet);
  });

  it('skips ranges in use, including wider networks that contain the candidate', () => {
    const first = chooseSubnet('demo', []) ?? '';
    const second = chooseSubnet('demo', [first]);
    expect(second).not.toBe(first);
    const [a = '', b = ''] = first.split('.');
    const wide = chooseSubnet('demo', [`${a}.${b}.0.0/16`]);
    expect(wide?.startsWith(`${a}.${b}.`)).toBe(false);
  });

  it('returns undefined when every candidate overlaps', () => {
    expect(chooseSubnet('demo', ['172.16.0.0/12'])).toBeUndefined();
  });
});

describe('addresses', () => {
  it('formats and offsets addresses', () => {
    expect(formatIpv4(0xac140501)).toBe('172.20.5.1');
    expect(addressAt('172.20.5.0/24', 10)).toBe('172.20.5.10');
    expect(dynamicRange('172.20.5.0/24')).toBe('172.20.5.128/25');
  });
});
