/**
 * @module
 * The one place errors become responses: every error (ours, the validator's, Express's) is turned
 * into an ApiError and rendered into the envelope
 * `{ error: { message, code, type, details?, requestId } }`.
 */
import { ApiError, apiError, errorEnvelope, validationError } from '@outdial/contract';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { error as validatorErrors } from 'express-openapi-validator';
import type { Logger } from 'pino';
import { requestShape } from './spec-schemas';
import { type ValidatorErrorItem, validationDetails } from './validation-details';

interface ValidatorError extends Error {
  status: number;
  errors?: ValidatorErrorItem[];
}

function toApiError(error: unknown, req: Request, logger: Logger): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof validatorErrors.BadRequest) return fromValidationFailure(error as ValidatorError, req);
  // An unknown path, or a known path with a method it does not have: both are "no such route".
  if (error instanceof validatorErrors.NotFound || error instanceof validatorErrors.MethodNotAllowed) {
    return apiError('route_not_found');
  }
  // With two alternative schemes the validator reports whichever failed first; the contract
  // has one answer for a missing, malformed or unknown key.
  if (error instanceof validatorErrors.Unauthorized || error instanceof validatorErrors.Forbidden) {
    return apiError('unauthorized');
  }
  if (error instanceof validatorErrors.UnsupportedMediaType) return apiError('unsupported_media_type');
  if (error instanceof validatorErrors.RequestEntityTooLarge) return apiError('payload_too_large');
  const status = (error as { status?: unknown }).status;
  if (status === 401) return apiError('unauthorized');
  logger.error({ err: error, requestId: req.requestId }, 'unexpected error');
  return apiError('internal_error');
}

function fromValidationFailure(error: ValidatorError, req: Request): ApiError {
  const shape = requestShape(req);
  const details = shape ? validationDetails(error.errors ?? [], shape, req.body) : [];
  if (details.length === 0) details.push({ field: 'body', message: 'body is invalid' });
  return validationError(details);
}

export function renderErrors(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const apiErr = toApiError(error, req, logger);
    for (const [name, value] of Object.entries(apiErr.headers)) res.setHeader(name, value);
    // Sent as text so the response validator (which wraps res.json) does not re-validate error
    // envelopes: they come from this one function, and re-validating a failed response would loop.
    res
      .status(apiErr.status)
      .type('application/json')
      .send(JSON.stringify(errorEnvelope(apiErr, req.requestId)));
  };
}

/** Anything no route answered. */
export function routeNotFound(): RequestHandler {
  return (_req, _res, next) => next(apiError('route_not_found'));
}
