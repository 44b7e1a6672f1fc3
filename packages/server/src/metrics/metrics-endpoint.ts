/**
 * @module
 * `GET /metrics` in the Prometheus text format: on the API's app, or on a listener of its own
 * (OUTDIAL_METRICS_PORT) so that it need not be reachable where the API is. No authentication:
 * protect it by that port and the network.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Router } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

/** Collects (the database gauges query at this moment) and answers. */
async function answerScrape(
  registry: Registry,
  logger: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    logger.error({ err: error }, 'metrics collection failed');
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('metrics collection failed\n');
  }
}

/** For the API's app, mounted ahead of the OpenAPI validator (not an operation of openapi.yaml). */
export function metricsRoutes(registry: Registry, logger: Logger): Router {
  const router = Router();
  router.get(METRICS_PATH, (req, res) => answerScrape(registry, logger, req, res));
  return router;
}

/** A listener that answers /metrics only (404 for anything else). */
export function startMetricsServer(options: {
  registry: Registry;
  logger: Logger;
  port: number;
  host: string;
}): Promise<Server> {
  const { registry, logger } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path === METRICS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      void answerScrape(registry, logger, req, res);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
