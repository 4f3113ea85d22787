import { describe, expect, it } from 'vitest';
import { loadBundle, parseSetFlags, resolveParameters } from '../../../main/addons/index.js';
import { SpecInvalid, UsageError } from '../../../main/errors.js';

describe('parseSetFlags', () => {
  it('reads JSON scalars and nested keys, strings otherwise', () => {
    expect(parseSetFlags(['port=5002', 'flag=true', 'role=admin', 'a.b=x'])).toEqual({
      port: 5002,
      flag: true,
      role: 'admin',
      a: { b: 'x' },
    });
  });

  it('rejects a pair without =', () => {
    expect(() => parseSetFlags(['role'])).toThrow(UsageError);
  });
});

describe('resolveParameters', () => {
  it('fills defaults', async () => {
    const bundle = await loadBundle('dashboard');
    expect(resolveParameters('dashboard', bundle.document.parameters, {})).toEqual({
      role: 'view',
      host: 'headlamp.localhost',
    });
  });

  it('names the add-on and every bad parameter', async () => {
    const bundle = await loadBundle('dashboard');
    const error = (() => {
      try {
        resolveParameters('dashboard', bundle.document.parameters, { role: 'root', colour: 'blue' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SpecInvalid);
    const invalid = error as SpecInvalid;
    expect(invalid.source).toBe('add-on dashboard');
    expect(invalid.problems).toEqual(
      expect.arrayContaining([
        { path: 'params.colour', message: 'unknown parameter; check its spelling' },
        { path: 'params.role', message: 'must be one of "view", "edit", "admin", "cluster-admin"' },
      ]),
    );
  });

  it('rejects a value outside the schema range', async () => {
    const bundle = await loadBundle('registry');
    expect(() => resolveParameters('registry', bundle.document.parameters, { hostPort: 80 })).toThrow(SpecInvalid);
  });
});

describe('parameters never reach Object.prototype', () => {
  it.each([
    '__proto__.polluted=yes',
    'a.__proto__.polluted=yes',
    'constructor.prototype.polluted=yes',
    'x={"__proto__":{"polluted":1}}',
  ])('refuses --set %s as a usage error', (pair) => {
    expect(() => parseSetFlags([pair])).toThrow(UsageError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
