// The baseline for HTTP throughput: a bare Express 5 handler doing the same insert into
// better-sqlite3 (WAL), with no validation, no auth, no idempotency and no queue. Outdial ÷ this
// is what validation, auth and queueing cost.
import type { AddressInfo } from 'node:net';
import express from 'express';
import { openBaselineCalls } from './baseline-calls';
import { serveIpc } from './child-process-ipc';

let close: (() => Promise<void>) | undefined;

serveIpc({
  ready: () => true,
  async start(args: { dbPath: string }) {
    const calls = openBaselineCalls(args.dbPath);
    const app = express();
    app.use(express.json({ limit: '64kb' }));
    app.post('/api/v1/calls/outbound', calls.create);
    app.get('/api/v1/calls/:callId', calls.find);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () =>
      new Promise((resolve) => {
        server.close(() => {
          calls.close();
          resolve();
        });
        server.closeAllConnections();
      });
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  },
  async stop() {
    await close?.();
    return true;
  },
});
