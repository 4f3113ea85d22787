import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/errors.js';
import { parseDuration } from '../../../main/cli/duration.js';

describe('parseDuration', () => {
  it('reads Go-style durations and bare seconds', () => {
    expect(parseDuration('5m', '--wait')).toBe(300_000);
    expect(parseDuration('1m30s', '--wait')).toBe(90_000);
    expect(parseDuration('250ms', '--wait')).toBe(250);
    expect(parseDuration('1h', '--wait')).toBe(3_600_000);
    expect(parseDuration('45', '--wait')).toBe(45_000);
    expect(parseDuration('0', '--wait')).toBe(0);
  });

  it('refuses anything else, naming the flag', () => {
    for (const bad of ['soon', '5 m', '5mins', '-1s', '']) {
      expect(() => parseDuration(bad, '--wait')).toThrow(UsageError);
    }
    expect(() => parseDuration('soon', '--wait')).toThrow(/--wait soon: not a duration/);
  });
});
