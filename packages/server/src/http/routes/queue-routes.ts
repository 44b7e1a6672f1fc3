/**
 * @module
 * `GET /api/v1/queue`: the caller's organization's view of the Dial queue, per SIP trunk.
 */
import { Router } from 'express';
import type { TrunkQueues } from '../../dial/trunk-queues';
import { organizationOf } from '../request-context';

export interface QueueRoutesDeps {
  trunkQueues: TrunkQueues;
}

export function queueRoutes({ trunkQueues }: QueueRoutesDeps): Router {
  const router = Router();
  router.get('/api/v1/queue', async (req, res) => {
    res.json({ data: await trunkQueues.of(organizationOf(req)) });
  });
  return router;
}
