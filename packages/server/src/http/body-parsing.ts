/**
 * @module
 * Reading request bodies. JSON bodies are parsed before express-openapi-validator runs (it
 * validates `req.body`), but a body that cannot be read is only reported after authentication,
 * so that an unauthenticated caller always gets 401 and the contract's order holds.
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { type ApiError, apiError, validationError } from './api-error';
import { operationShape } from './spec-schemas';

/** Parses `application/json` and `application/*+json` (the LiveKit webhook), keeping the raw bytes. */
export function parseJsonBodies(limitBytes: number): RequestHandler {
  return express.json({
    limit: limitBytes,
    // Any JSON value is accepted here; a body that is not an object gets the contract's message.
    strict: false,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, buf) => {
      (req as express.Request).rawBody = buf;
    },
  });
}

interface BodyParserError {
  type: string;
  status: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BodyParserError>).type === 'string' &&
    typeof (error as Partial<BodyParserError>).status === 'number'
  );
}

function bodyErrorFor(error: BodyParserError): ApiError {
  switch (error.type) {
    case 'entity.too.large':
      return apiError('payload_too_large');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return apiError('unsupported_media_type');
    default:
      return apiError('invalid_json');
  }
}

/** Holds a body-reading error on the request instead of failing the request right away. */
export function deferBodyErrors(): ErrorRequestHandler {
  return (error, req, _res, next) => {
    if (!isBodyParserError(error)) return next(error);
    req.bodyError = bodyErrorFor(error);
    req.body = undefined;
    next();
  };
}

function bodyWasSent(req: express.Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * Runs after authentication and before schema validation: reports a body that could not be
 * read, a missing body, a media type the operation does not take, and a body that is not a JSON
 * object, each with the contract's message.
 */
export function checkRequestBody(): RequestHandler {
  return (req, _res, next) => {
    if (req.bodyError) return next(req.bodyError);
    const route = (req as { openapi?: { openApiRoute?: string } }).openapi?.openApiRoute;
    const shape = route ? operationShape(req.method, route) : undefined;
    if (!shape || shape.bodyMediaTypes.length === 0) return next();
    const required = () =>
      apiError('validation_error', { reason: 'Request body is required' }, { details: [] });
    if (!bodyWasSent(req)) return next(required());
    if (!req.is(shape.bodyMediaTypes)) return next(apiError('unsupported_media_type'));
    if (req.body === undefined) return next(required());
    if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
      return next(validationError([{ field: 'body', message: 'Request body must be a JSON object' }]));
    }
    next();
  };
}
