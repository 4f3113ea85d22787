// A loopback port-forward to a Service (through one of its ready pods), kept open for as long
// as the caller needs it: what `slipway dashboard` serves the UI through.
import { PortForward } from '@kubernetes/client-node';
import { createServer, type AddressInfo } from 'node:net';
import { NotFound } from '../errors.js';
import type { KubeClients } from './kube-clients.js';

export interface OpenPortForward {
  url: string;
  localPort: number;
  close(): Promise<void>;
}

/** Forward 127.0.0.1:localPort (0 = any free port) to a Service port. */
export async function forwardServicePort(
  clients: KubeClients,
  service: { namespace: string; name: string },
  port: number,
  localPort = 0,
): Promise<OpenPortForward> {
  const { pod, targetPort } = await resolveBackend(clients, service, port);
  const forward = new PortForward(clients.config);
  const server = createServer((socket) => {
    forward.portForward(service.namespace, pod, [targetPort], socket, null, socket).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(localPort, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${String(bound)}/`,
    localPort: bound,
    close: () =>
      new Promise((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

async function resolveBackend(
  clients: KubeClients,
  service: { namespace: string; name: string },
  port: number,
): Promise<{ pod: string; targetPort: number }> {
  const svc = await clients.core.readNamespacedService({ name: service.name, namespace: service.namespace });
  const servicePort = svc.spec?.ports?.find((p) => p.port === port);
  const selector = Object.entries(svc.spec?.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await clients.core.listNamespacedPod({ namespace: service.namespace, labelSelector: selector });
  const pod = pods.items.find(
    (p) => p.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  );
  if (!pod?.metadata?.name || !servicePort) {
    throw new NotFound(`service ${service.namespace}/${service.name} has no ready pod to forward to`, {
      hint: `check it with slipway kubectl CLUSTER -- -n ${service.namespace} get pods`,
    });
  }
  const target = servicePort.targetPort ?? port;
  if (typeof target === 'number') return { pod: pod.metadata.name, targetPort: target };
  const named = pod.spec?.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target);
  return { pod: pod.metadata.name, targetPort: named?.containerPort ?? Number(target) };
}
