/**
 * @module
 * express-openapi-validator on the root openapi.yaml: route matching, security (real key
 * lookups), request validation, and response validation when asked for (tests, dev). Every GET
 * operation also answers HEAD, as openapi.yaml says.
 */
import { openApiDocument } from '@outdial/contract';
import type { RequestHandler } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import type { Logger } from 'pino';
import { type ApiKeyOwnerLookup, securityHandlers } from './api-key-security';
import { checkParameterValues } from './parameter-values';

export interface OpenApiValidationOptions {
  apiKeys: ApiKeyOwnerLookup;
  validateResponses: boolean;
  logger: Logger;
  /**
   * Run after the caller is authenticated and before the request is validated: the rate limit
   * (it needs the key) and reading the body (so that 401 comes before 400, and no
   * unauthenticated body is ever read).
   */
  afterAuthentication: RequestHandler[];
}

type PathItem = Record<string, unknown> & { get?: { operationId: string }; head?: unknown };

/**
 * The document with a HEAD operation beside each GET (RFC 9110: HEAD wherever GET). The
 * validator knows only the methods a document names, and would answer HEAD 404; Express routes
 * HEAD to the GET handlers and sends no body.
 */
function withHeadOperations(document: { paths: Record<string, PathItem> }) {
  for (const pathItem of Object.values(document.paths)) {
    if (pathItem.get && !pathItem.head) {
      pathItem.head = { ...structuredClone(pathItem.get), operationId: `${pathItem.get.operationId}Head` };
    }
  }
  return document;
}

export function validateAgainstOpenApi(options: OpenApiValidationOptions): RequestHandler[] {
  const chain = openApiValidator({
    // The validator mutates the document it is given; the generated one is shared and frozen in spirit.
    apiSpec: withHeadOperations(
      structuredClone(openApiDocument) as unknown as { paths: Record<string, PathItem> },
    ) as unknown as Parameters<typeof openApiValidator>[0]['apiSpec'],
    validateApiSpec: false,
    validateRequests: {
      allErrors: true,
      // Unknown query parameters are ignored, as the mock does.
      allowUnknownQueryParameters: true,
      // Left unset on purpose: the validator then coerces parameters (query strings) but not
      // bodies, where "5" is not an integer.
    },
    validateResponses: options.validateResponses
      ? {
          onError: (error, body, req) => {
            options.logger.error(
              { err: error, body, path: req.path },
              'response does not match openapi.yaml',
            );
            throw error;
          },
        }
      : false,
    validateSecurity: { handlers: securityHandlers(options.apiKeys) },
    fileUploader: false,
    ignoreUndocumented: false,
  }) as RequestHandler[];
  // The validator's chain is [path params, metadata, security, request, response]; its
  // middlewares are named, which is what we splice by.
  const requestIndex = chain.findIndex((mw) => mw.name === 'requestMiddleware');
  if (requestIndex < 0) throw new Error('express-openapi-validator: request validation middleware not found');
  return [
    ...chain.slice(0, requestIndex),
    ...options.afterAuthentication,
    chain[requestIndex] as RequestHandler,
    // What the schemas cannot say about a valid request's parameters.
    checkParameterValues(),
    ...chain.slice(requestIndex + 1),
  ];
}
