// kubeadm bootstrap tokens ([a-z0-9]{6}.[a-z0-9]{16}) and CA pin hashes for join discovery.
import { X509Certificate, createHash, randomInt } from 'node:crypto';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** A fresh bootstrap token per cluster (kind uses a fixed one; ours never leaves the nodes). */
export function newBootstrapToken(): string {
  return `${randomText(6)}.${randomText(16)}`;
}

/** `sha256:<hex>` of the CA's SubjectPublicKeyInfo, as `kubeadm join --discovery-token-ca-cert-hash` wants. */
export function caCertHash(caPem: string): string {
  const spki = new X509Certificate(caPem).publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(spki).digest('hex')}`;
}
