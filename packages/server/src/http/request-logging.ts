import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One structured line per request when its response finishes. Headers are never logged, so API
 * keys and webhook tokens cannot leak (the logger also redacts them, in case someone adds them).
 */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      logger[level](
        {
          requestId: req.requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          organizationId: req.auth?.organizationId,
        },
        'request',
      );
    });
    next();
  };
}
