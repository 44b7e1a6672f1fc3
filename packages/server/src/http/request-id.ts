import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/** An incoming id is kept only if it is short and plain, so it is safe in logs and headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Gives every request an id (the caller's `x-request-id` if sane) and echoes it on every response. */
export function assignRequestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.requestId =
      incoming && SANE_REQUEST_ID.test(incoming) ? incoming : `req_${randomBytes(8).toString('hex')}`;
    res.setHeader('x-request-id', req.requestId);
    next();
  };
}
