/**
 * @module
 * The calls endpoints: HTTP in, CallService, HTTP out. Requests arrive authenticated and
 * validated against openapi.yaml.
 */
import { CALL_CANCELLED_MESSAGE, type CallStatus } from '@outdial/contract';
import { Router } from 'express';
import type { CallService } from '../../calls/call-service';
import type { CreateOutboundCallBody } from '../../calls/create-outbound-call';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';
import { queryArray } from './query-array';

export function callsRoutes({ calls }: { calls: CallService }): Router {
  const router = Router();

  router.post('/api/v1/calls/outbound', async (req, res) => {
    const body = req.body as CreateOutboundCallBody;
    const result = await calls.create(organizationOf(req), body, req.get('idempotency-key'));
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });

  router.get('/api/v1/calls', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const filters = {
      agentId: query.agentId as string | undefined,
      batchId: query.batchId as string | undefined,
      statuses: queryArray(query.status) as CallStatus[] | undefined,
      phoneNumber: query.phoneNumber as string | undefined,
      // Canonical `toISOString()` text (parameter-values.ts), like the stored timestamps.
      startDate: query.startDate as string | undefined,
      endDate: query.endDate as string | undefined,
    };
    res.json({ data: await calls.list(organizationOf(req), filters, pageQuery(query)) });
  });

  router.get('/api/v1/calls/:callId', async (req, res) => {
    res.json({ data: await calls.get(organizationOf(req), String(req.params.callId)) });
  });

  router.delete('/api/v1/calls/:callId', async (req, res) => {
    const data = await calls.cancel(organizationOf(req), String(req.params.callId));
    res.json({ data, message: CALL_CANCELLED_MESSAGE });
  });

  return router;
}
