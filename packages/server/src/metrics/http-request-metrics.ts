/**
 * @module
 * API requests by method, route template and status, with latency. The route is the template
 * (`/api/v1/calls/{callId}`), never the raw path: ids would make every call its own series.
 */
import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The operation express-openapi-validator matched; else an Express route's own template (routes
 * mounted ahead of the validator, like /metrics); else `other` (unmatched: 404, 405, or a request
 * refused before routing).
 */
export function routeTemplateOf(req: Request): string {
  // What the validator's metadata middleware sets, typed only as far as we read it.
  const openapi = (req as Request & { openapi?: { openApiRoute?: string } }).openapi;
  if (openapi?.openApiRoute) return openapi.openApiRoute;
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'other';
}

/** Times every request from its arrival to the end of its response; mount it first. */
export function measureHttpRequests(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'outdial_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status; _count counts them.',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  return (req, res, next) => {
    const start = performance.now();
    // A response the client abandoned never finishes and is not counted.
    res.once('finish', () => {
      duration.observe(
        {
          method: METHODS.has(req.method) ? req.method : 'other',
          route: routeTemplateOf(req),
          status: String(res.statusCode),
        },
        (performance.now() - start) / 1000,
      );
    });
    next();
  };
}
