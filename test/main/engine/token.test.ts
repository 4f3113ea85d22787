import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caCertHash, newBootstrapToken } from '../../../main/engine/kubeadm/token.js';

describe('bootstrap tokens', () => {
  it('have kubeadm’s shape and differ each time', () => {
    const a = newBootstrapToken();
    expect(a).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(newBootstrapToken()).not.toBe(a);
  });
});

describe('caCertHash', () => {
  it('matches `openssl x509 -pubkey | openssl rsa -pubin -outform der | sha256` (kubeadm docs)', () => {
    const pem = readFileSync(join(import.meta.dirname, 'testdata/ca.crt'), 'utf8');
    expect(caCertHash(pem)).toBe('sha256:051d490556db6b53fc85495edfbe128f6f90f71c9598ae2fc319b802b57e7058');
  });
});
