import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../../main/addons/index.js';
import { resolveInstallOrder } from '../../../main/addons/resolve.js';
import { Conflict } from '../../../main/errors.js';

const source = { root: join(import.meta.dirname, 'testdata') };

describe('resolveInstallOrder', () => {
  it('orders a dependency before the add-on that needs it', async () => {
    const [needs, provides] = await Promise.all([loadBundle('needs-x', source), loadBundle('provides-x', source)]);
    expect(resolveInstallOrder({ requested: [needs, provides], installed: [] }).map((b) => b.name)).toEqual([
      'provides-x',
      'needs-x',
    ]);
  });

  it('accepts a dependency that is already installed', async () => {
    const [needs, provides] = await Promise.all([loadBundle('needs-x', source), loadBundle('provides-x', source)]);
    expect(resolveInstallOrder({ requested: [needs], installed: [provides] }).map((b) => b.name)).toEqual(['needs-x']);
  });

  it('names the missing dependency and the fix', async () => {
    const needs = await loadBundle('needs-x', source);
    const error = (() => {
      try {
        resolveInstallOrder({ requested: [needs], installed: [] });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toBe('add-on "needs-x" requires add-on "provides-x", which is not enabled');
    expect((error as Conflict).hint).toContain('slipway addons enable CLUSTER provides-x');
    expect((error as Conflict).exitCode).toBe(2);
  });

  it('refuses two providers of an exclusive capability, either way round', async () => {
    const [conflicts, provides] = await Promise.all([
      loadBundle('conflicts-x', source),
      loadBundle('provides-x', source),
    ]);
    expect(() => resolveInstallOrder({ requested: [conflicts], installed: [provides] })).toThrow(
      /conflicts with "provides-x": both provide example.x/,
    );
    expect(() => resolveInstallOrder({ requested: [provides], installed: [conflicts] })).toThrow(
      /"provides-x" conflicts with "conflicts-x"/,
    );
  });
});
