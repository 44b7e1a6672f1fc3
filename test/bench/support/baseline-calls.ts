// The baseline's work per request: one prepared better-sqlite3 statement (WAL) per create and per
// read, with no validation, no auth, no idempotency and no queue. Shared by the baseline server
// and the floor ladder's rungs from (b) up, so both measure the same handlers.
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { RequestHandler } from 'express';

export interface BaselineCalls {
  create: RequestHandler;
  find: RequestHandler;
  close(): void;
}

export function openBaselineCalls(dbPath: string): BaselineCalls {
  const db = new SQLite(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`create table if not exists calls (
    id text primary key, agent_id text not null, phone_number text not null, status text not null,
    priority integer not null, metadata text not null, started_at text not null)`);
  const insert = db.prepare(
    'insert into calls (id, agent_id, phone_number, status, priority, metadata, started_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare('select * from calls where id = ?');
  return {
    create(req, res) {
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
    },
    find(req, res) {
      const row = select.get(req.params.callId as string);
      if (!row) res.status(404).json({ error: { message: 'Call not found', code: 404 } });
      else res.json({ data: row });
    },
    close: () => db.close(),
  };
}
