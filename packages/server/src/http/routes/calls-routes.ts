/**
 * @module
 * The calls endpoints: create, list, get, cancel. Requests arrive authenticated and validated
 * against openapi.yaml.
 */
import { Router } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CallQueue } from '../../calls/call-queue';
import { toCallResource } from '../../calls/call-resource';
import type { CallStatus } from '../../calls/call-status';
import { cancelCall } from '../../calls/cancel-call';
import { type CreateOutboundCallBody, createOutboundCall } from '../../calls/create-outbound-call';
import { findOwnCall } from '../../calls/find-own-call';
import { listCalls, queuePositionOf } from '../../store/call-store';
import { encodePageCursor } from '../../store/page-cursor';
import type { CallRow, Database } from '../../store/schema';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';

export interface CallsRoutesDeps {
  db: Kysely<Database>;
  queue: CallQueue;
  livekitConfigured: boolean;
  logger: Logger;
}

export function callsRoutes(deps: CallsRoutesDeps): Router {
  const router = Router();
  const { db } = deps;

  router.post('/api/v1/calls/outbound', async (req, res) => {
    const result = await createOutboundCall(deps, {
      organizationId: organizationOf(req),
      body: req.body as CreateOutboundCallBody,
      idempotencyKey: req.get('idempotency-key'),
    });
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });

  router.get('/api/v1/calls', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const { limit, after } = pageQuery(query);
    const rows = await listCalls(
      db,
      organizationOf(req),
      {
        agentId: query.agentId as string | undefined,
        statuses: toArray(query.status) as CallStatus[],
        phoneNumber: query.phoneNumber as string | undefined,
        // Canonical `toISOString()` text (parameter-values.ts), like the stored timestamps, so
        // comparing the texts compares the instants.
        startDate: query.startDate as string | undefined,
        endDate: query.endDate as string | undefined,
      },
      { limit, after },
    );
    const page = rows.slice(0, limit);
    const calls = await Promise.all(page.map(async (row) => toCallResource(row, await positionOf(row))));
    const last = page[page.length - 1];
    const hasMore = rows.length > limit;
    res.json({
      data: {
        calls,
        pagination: {
          limit,
          hasMore,
          nextCursor: hasMore && last ? encodePageCursor({ t: last.started_at, i: last.id }) : null,
        },
      },
    });
  });

  router.get('/api/v1/calls/:callId', async (req, res) => {
    const call = await findOwnCall(db, organizationOf(req), String(req.params.callId));
    res.json({ data: toCallResource(call, await positionOf(call)) });
  });

  router.delete('/api/v1/calls/:callId', async (req, res) => {
    const data = await cancelCall(deps, {
      organizationId: organizationOf(req),
      callId: String(req.params.callId),
    });
    res.json({ data, message: 'Call cancelled successfully' });
  });

  async function positionOf(call: CallRow): Promise<number | null> {
    return call.status === 'queued' ? queuePositionOf(db, call) : null;
  }

  return router;
}

function toArray(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
