// Outputs of an enabled add-on: URLs and values to show, port-forwards to offer, and login
// tokens minted on demand with TokenRequest (short-lived, never stored, never logged).
import { AuthenticationV1TokenRequest, V1TokenRequestSpec } from '@kubernetes/client-node';
import type { OutputDeclaration } from './bundle-schema.js';
import type { KubeClients } from './kube-clients.js';

/** An output as shown to a person: tokens and port-forwards are described, not resolved. */
export interface AddonOutput {
  name: string;
  description: string;
  kind: 'url' | 'value' | 'token' | 'port-forward';
  /** The URL or value; for tokens and port-forwards, how to get one. */
  value: string;
}

/** Describe the outputs of an add-on for a cluster. */
export function describeOutputs(outputs: readonly OutputDeclaration[], cluster: string): AddonOutput[] {
  return outputs.map((output): AddonOutput => {
    if ('url' in output) return { name: output.name, description: output.description, kind: 'url', value: output.url };
    if ('value' in output)
      return { name: output.name, description: output.description, kind: 'value', value: output.value };
    if ('token' in output)
      return {
        name: output.name,
        description: output.description,
        kind: 'token',
        value: `slipway dashboard ${cluster}`,
      };
    const { service, port } = output.portForward;
    return {
      name: output.name,
      description: output.description,
      kind: 'port-forward',
      value: `service ${service.namespace}/${service.name}:${String(port)} (slipway dashboard ${cluster})`,
    };
  });
}

/** Mint a short-lived token for a service account (the equivalent of `kubectl create token`). */
export async function mintServiceAccountToken(
  clients: KubeClients,
  account: { namespace?: string; name: string },
  expirationSeconds: number,
): Promise<string> {
  const spec = Object.assign(new V1TokenRequestSpec(), { audiences: [], expirationSeconds });
  const body = Object.assign(new AuthenticationV1TokenRequest(), {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec,
  });
  const response = await clients.core.createNamespacedServiceAccountToken({
    name: account.name,
    namespace: account.namespace ?? 'default',
    body,
  });
  return response.status?.token ?? '';
}
