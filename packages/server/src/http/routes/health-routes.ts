/**
 * @module
 * Liveness, readiness and the spec itself; no authentication.
 */
import { openApiYaml } from '@outdial/contract';
import { Router } from 'express';
import type { Clock } from '../../ports/clock';
import type { Stores } from '../../ports/stores';
import type { TrunkLead } from '../../replicas/replication';

export interface HealthRoutesDeps {
  stores: Pick<Stores, 'probeWritable'>;
  clock: Clock;
  /** False while the server starts up or shuts down. */
  isServing: () => boolean;
  dialQueueRunning: () => boolean;
  /** Of replicas: the dialer's trunk and whether this one leads it; undefined for one process. */
  trunkLeads: () => TrunkLead[] | undefined;
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
    const trunks = deps.trunkLeads();
    // A replica answers every request, so it is ready whether it leads or not: a follower dials
    // once it takes the lead, and a new leader starts its queue (about a second).
    const replica = trunks !== undefined && trunks.length > 0;
    const leading = replica && trunks.some((trunk) => trunk.leading);
    const dialQueue = deps.dialQueueRunning()
      ? 'ok'
      : !replica
        ? 'stopped'
        : leading
          ? 'starting'
          : 'following';
    const ready = deps.isServing() && database === 'ok' && dialQueue !== 'stopped';
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      checks: { database, dialQueue, livekit: deps.livekitConfigured ? 'ok' : 'not_configured' },
      ...(trunks === undefined ? {} : { trunks }),
    });
  });

  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openApiYaml);
  });

  return router;
}
