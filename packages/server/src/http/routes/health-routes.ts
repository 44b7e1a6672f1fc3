/**
 * @module
 * Liveness, readiness and the spec itself; no authentication.
 */
import { openApiYaml } from '@outdial/contract';
import { Router } from 'express';
import type { Clock } from '../../ports/clock';
import type { Stores } from '../../ports/stores';

export interface HealthRoutesDeps {
  stores: Pick<Stores, 'probeWritable'>;
  clock: Clock;
  /** False while the server starts up or shuts down. */
  isServing: () => boolean;
  dialQueueRunning: () => boolean;
  livekitConfigured: boolean;
}

export function healthRoutes(deps: HealthRoutesDeps): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    // A write, not `select 1`: a full disk or a foreign write lock still answers reads.
    const database = await deps.stores
      .probeWritable(deps.clock.now())
      .then(() => 'ok')
      .catch(() => 'error');
    const dialQueue = deps.dialQueueRunning() ? 'ok' : 'stopped';
    const ready = deps.isServing() && database === 'ok' && dialQueue === 'ok';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      checks: { database, dialQueue, livekit: deps.livekitConfigured ? 'ok' : 'not_configured' },
    });
  });

  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openApiYaml);
  });

  return router;
}
