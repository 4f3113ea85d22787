import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pickFreePort, portIsFree } from '../../../main/engine/host-ports.js';

describe('host ports', () => {
  it('sees a listening port as busy and a closed one as free', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect(await portIsFree('127.0.0.1', port)).toBe(false);
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    expect(await portIsFree('127.0.0.1', port)).toBe(true);
  });

  it('picks a port that is free', async () => {
    const port = await pickFreePort('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(await portIsFree('127.0.0.1', port)).toBe(true);
  });
});
