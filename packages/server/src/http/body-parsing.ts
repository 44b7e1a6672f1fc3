/**
 * @module
 * Reading request bodies. A body is read only after the caller is authenticated (an
 * unauthenticated caller always gets 401, and never has its body read), and only for the
 * operations that take one: the body of any other request (GET, DELETE, the health routes) is
 * ignored, so it cannot answer them 413 or 400. Every way a body can be unreadable gets the
 * contract's message.
 */
import { apiError, validationError } from '@outdial/contract';
import express, { type RequestHandler } from 'express';
import { requestShape } from './spec-schemas';

/** The codings openapi.yaml accepts; the mock decodes the same ones (DecompressionStream has no br). */
const SUPPORTED_CONTENT_ENCODINGS = new Set(['identity', 'gzip', 'deflate']);

function bodyWasSent(req: express.Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** body-parser's and zlib's errors, as the contract's. Anything else is not the caller's fault. */
function bodyReadError(error: unknown): unknown {
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (type === 'entity.too.large') return apiError('payload_too_large');
  if (type === 'charset.unsupported') return apiError('unsupported_media_type');
  if (type === 'encoding.unsupported') return apiError('unsupported_content_encoding');
  // zlib's codes (Z_DATA_ERROR; Z_BUF_ERROR for a truncated stream): the bytes are not what
  // the Content-Encoding says they are.
  if (typeof code === 'string' && code.startsWith('Z_')) return apiError('invalid_content_encoding');
  // entity.parse.failed, and a body shorter or longer than its Content-Length.
  if (typeof type === 'string') return apiError('invalid_json');
  return error;
}

/**
 * Runs after authentication and before schema validation. In the mock's order: a missing body,
 * a media type the operation does not take, a Content-Encoding other than gzip, deflate or
 * identity, then reading: a body that does not decode, is over `limitBytes` once decoded, is not
 * JSON, or is not a JSON object.
 */
export function readRequestBody(
  limitBytes: number,
  /** Larger limits for some operations, by `METHOD /openapi/route` (a batch of 10,000 calls). */
  limitsByOperation: Readonly<Record<string, number>> = {},
): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  const parserFor = (limit: number): RequestHandler => {
    let parser = parsers.get(limit);
    if (!parser) {
      parser = jsonParser(limit);
      parsers.set(limit, parser);
    }
    return parser;
  };
  return (req, res, next) => {
    const route = ((req as { openapi?: unknown }).openapi as { openApiRoute?: string } | undefined)
      ?.openApiRoute;
    const parseJson = parserFor(limitsByOperation[`${req.method} ${route}`] ?? limitBytes);
    readWith(parseJson, req, res, next);
  };
}

function jsonParser(limitBytes: number): RequestHandler {
  return express.json({
    limit: limitBytes,
    // Any JSON value is read; one that is not an object gets the contract's message below.
    strict: false,
    // The media type is checked against the operation's before this runs.
    type: () => true,
    verify: (req, _res, buf) => {
      (req as express.Request).rawBody = buf;
    },
  });
}

function readWith(
  parseJson: RequestHandler,
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  const shape = requestShape(req);
  if (!shape || shape.bodyMediaTypes.length === 0) {
    next();
    return;
  }
  if (!bodyWasSent(req)) {
    next(apiError('validation_error', { reason: 'Request body is required' }, { details: [] }));
    return;
  }
  if (!req.is(shape.bodyMediaTypes)) {
    next(apiError('unsupported_media_type'));
    return;
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (!SUPPORTED_CONTENT_ENCODINGS.has(encoding)) {
    next(apiError('unsupported_content_encoding'));
    return;
  }
  parseJson(req, res, (error?: unknown) => {
    if (error) return next(bodyReadError(error));
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      return next(validationError([{ field: 'body', message: 'Request body must be a JSON object' }]));
    }
    next();
  });
}
