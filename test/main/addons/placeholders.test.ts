import { describe, expect, it } from 'vitest';
import { conditionHolds } from '../../../main/addons/conditions.js';
import { findPlaceholders, substitutePlaceholders } from '../../../main/addons/placeholders.js';
import { SpecInvalid } from '../../../main/errors.js';

const scope = { params: { port: 80, on: true, name: 'web' }, cluster: { name: 'demo', hostPorts: { '80': 8080 } } };

describe('substitutePlaceholders', () => {
  it('keeps the type of a whole-scalar placeholder and interpolates inside strings', () => {
    expect(
      substitutePlaceholders(
        { port: '${params.port}', on: '${params.on}', url: 'http://${params.name}.localhost:${cluster.hostPorts.80}/' },
        scope,
        'x',
      ),
    ).toEqual({
      port: 80,
      on: true,
      url: 'http://web.localhost:8080/',
    });
  });

  it('never changes the structure: a value with YAML syntax stays one string', () => {
    const hostile = { params: { name: 'a\nkind: Secret' } };
    expect(substitutePlaceholders({ label: 'x-${params.name}' }, hostile, 'x')).toEqual({ label: 'x-a\nkind: Secret' });
  });

  it('names an unknown placeholder', () => {
    expect(() => substitutePlaceholders({ a: '${params.nope}' }, scope, 'manifests/a.yaml#0')).toThrow(SpecInvalid);
  });

  it('finds every reference', () => {
    expect(findPlaceholders({ a: ['${params.port}', { b: 'x${images.app}y' }] })).toEqual([
      'params.port',
      'images.app',
    ]);
  });
});

describe('conditionHolds', () => {
  it.each([
    [undefined, true],
    [{ param: 'on' }, true],
    [{ param: 'port', equals: 80 }, true],
    [{ param: 'port', equals: 81 }, false],
    [{ param: 'name', in: ['api', 'web'] }, true],
    [{ addonEnabled: 'ingress' }, false],
    [{ addonEnabled: 'registry' }, true],
  ])('%j → %s', (when, expected) => {
    expect(conditionHolds(when, scope.params, ['registry'])).toBe(expected);
  });
});
