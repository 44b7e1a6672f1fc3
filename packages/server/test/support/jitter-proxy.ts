/**
 * A TCP proxy on loopback that delays every chunk, in both directions, by a random 0–maxDelayMs.
 * Order within one connection's direction is kept (a chunk never overtakes the one before it);
 * requests on different connections overtake each other freely, as on a real network.
 */

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface JitterProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

export async function startJitterProxy(target: string, maxDelayMs: number): Promise<JitterProxy> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipeWithJitter(client, upstream, maxDelayMs);
    pipeWithJitter(upstream, client, maxDelayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function pipeWithJitter(from: Socket, to: Socket, maxDelayMs: number): void {
  let due = 0;
  let ended = false;
  let inFlight = 0;
  from.on('data', (chunk) => {
    due = Math.max(due, Date.now() + Math.random() * maxDelayMs);
    inFlight++;
    setTimeout(() => {
      inFlight--;
      if (!to.destroyed) to.write(chunk);
      if (ended && inFlight === 0) to.end();
    }, due - Date.now());
  });
  from.on('end', () => {
    ended = true;
    if (inFlight === 0) to.end();
  });
}
