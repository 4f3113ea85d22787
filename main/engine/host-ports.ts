// Host port checks for preflight: is a port free to publish on an address, and which free
// port should an API server with `apiServerPort: 0` get (pinned, so it survives restarts).
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** True when nothing listens on address:port (TCP) or has it bound (UDP). */
export function portIsFree(address: string, port: number, protocol: 'tcp' | 'udp' = 'tcp'): Promise<boolean> {
  if (protocol === 'udp') {
    return new Promise((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => {
        resolve(false);
      });
      socket.bind(port, address, () =>
        socket.close(() => {
          resolve(true);
        }),
      );
    });
  }
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(false);
    });
    server.listen({ port, host: address, exclusive: true }, () =>
      server.close(() => {
        resolve(true);
      }),
    );
  });
}

/** A port the OS considers free on address right now. */
export function pickFreePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: address, exclusive: true }, () => {
      const bound = server.address();
      const port = typeof bound === 'object' && bound ? bound.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
