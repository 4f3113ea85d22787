// Pod name filters come from the untrusted renderer: they match as words or globs, and no
// pattern, however hostile, takes more than a bounded loop.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namePatternMatcher, namePatternProblem } from '../../../main/spec/name-pattern.js';

describe('namePatternMatcher', () => {
  it.each([
    ['', 'anything', true],
    ['coredns', 'coredns-7db6d8ff4d-abcde', true],
    ['dns', 'coredns-7db6d8ff4d-abcde', true],
    ['coredns', 'etcd-demo-control-plane', false],
    ['kube-*', 'kube-proxy-x2x9z', true],
    ['kube-*', 'my-kube-proxy', false],
    ['*-control-plane', 'etcd-demo-control-plane', true],
    ['etcd-????-control-plane', 'etcd-demo-control-plane', true],
    ['etcd-???-control-plane', 'etcd-demo-control-plane', false],
    ['*a*b*c*', 'xaybzc', true],
    ['*a*b*c*', 'xaybz', false],
    ['coredns,kube-proxy-*', 'kube-proxy-x2x9z', true],
    ['coredns,kube-proxy-*', 'coredns-7db6d8ff4d-abcde', true],
    ['coredns,kube-proxy-*', 'etcd-demo-control-plane', false],
  ])('%j on %j is %s', (pattern, name, expected) => {
    expect(namePatternMatcher(pattern)(name)).toBe(expected);
  });

  it('agrees with an equivalent anchored RegExp on generated globs', () => {
    const char = fc.constantFrom('a', 'b', '-', '*', '?');
    fc.assert(
      fc.property(
        fc.string({ unit: char, maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '-'), maxLength: 16 }),
        (pattern, name) => {
          fc.pre(/[*?]/.test(pattern));
          const source = pattern.replace(/[-]/g, '\\-').replace(/\*/g, '.*').replace(/\?/g, '.');
          expect(namePatternMatcher(pattern)(name)).toBe(new RegExp(`^${source}$`).test(name));
        },
      ),
    );
  });

  it('finishes a hostile pattern on a long name in a bounded loop', () => {
    const pattern = `${'*a'.repeat(99)}*b`;
    expect(namePatternProblem(pattern)).toBeUndefined();
    expect(namePatternMatcher(pattern)('a'.repeat(253))).toBe(false);
  });
});

describe('namePatternProblem', () => {
  it.each(['^([a-z-]|[a-z0-9-])*!$', '(a+)+', 'Core', 'x'.repeat(201)])('refuses %j', (pattern) => {
    expect(namePatternProblem(pattern)).toBeDefined();
  });
});
