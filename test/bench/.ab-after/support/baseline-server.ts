// The baseline for HTTP throughput: a bare Express 5 handler doing the same insert into
// better-sqlite3 (WAL), with no validation, no auth, no idempotency and no queue. Outdial ÷ this
// is what validation, auth and queueing cost.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import express from 'express';
import { serveIpc } from './child-process-ipc';

let close: (() => Promise<void>) | undefined;

serveIpc({
  ready: () => true,
  async start(args: { dbPath: string }) {
    const db = new SQLite(args.dbPath);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`create table if not exists calls (
      id text primary key, agent_id text not null, phone_number text not null, status text not null,
      priority integer not null, metadata text not null, started_at text not null)`);
    const insert = db.prepare(
      'insert into calls (id, agent_id, phone_number, status, priority, metadata, started_at) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const select = db.prepare('select * from calls where id = ?');
    const app = express();
    app.use(express.json({ limit: '64kb' }));
    app.post('/api/v1/calls/outbound', (req, res) => {
      const id = `call_${randomUUID().replaceAll('-', '')}`;
      const startedAt = new Date().toISOString();
      const body = req.body as { agentId: string; phoneNumber: string; priority?: number; metadata?: object };
      insert.run(
        id,
        body.agentId,
        body.phoneNumber,
        'queued',
        body.priority ?? 5,
        JSON.stringify(body.metadata ?? {}),
        startedAt,
      );
      res.status(201).json({
        data: { id, status: 'queued', agentId: body.agentId, phoneNumber: body.phoneNumber, startedAt },
      });
    });
    app.get('/api/v1/calls/:id', (req, res) => {
      const row = select.get(req.params.id);
      if (!row) res.status(404).json({ error: { message: 'Call not found', code: 404 } });
      else res.json({ data: row });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = () =>
      new Promise((resolve) => {
        server.close(() => {
          db.close();
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
