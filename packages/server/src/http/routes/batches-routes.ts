/**
 * @module
 * The batches endpoints: HTTP in, BatchService, HTTP out. Requests arrive authenticated and
 * validated against openapi.yaml.
 */
import { Router } from 'express';
import type { BatchResource } from '../../batches/batch-resource';
import type { BatchService } from '../../batches/batch-service';
import type { CreateBatchBody } from '../../batches/create-batch';
import { organizationOf } from '../request-context';
import { pageQuery } from './page-query';
import { queryArray } from './query-array';

export function batchesRoutes({ batches }: { batches: BatchService }): Router {
  const router = Router();

  router.post('/api/v1/batches', async (req, res) => {
    const result = await batches.create(
      organizationOf(req),
      req.body as CreateBatchBody,
      req.get('idempotency-key'),
    );
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(result.status).json(result.body);
  });

  router.get('/api/v1/batches', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const statuses = queryArray(query.status) as BatchResource['status'][] | undefined;
    res.json({ data: await batches.list(organizationOf(req), statuses, pageQuery(query)) });
  });

  router.get('/api/v1/batches/:batchId', async (req, res) => {
    res.json({ data: await batches.get(organizationOf(req), String(req.params.batchId)) });
  });

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    router.post(`/api/v1/batches/:batchId/${action}`, async (req, res) => {
      res.json({ data: await batches[action](organizationOf(req), String(req.params.batchId)) });
    });
  }

  return router;
}
