/**
 * @module
 * `GET /docs`: the API reference, Swagger UI on openapi.yaml, for people. No authentication, and
 * mounted before the OpenAPI validator: these routes are not operations of the API, so they are
 * not in openapi.yaml either.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { type Request, Router } from 'express';
import { docsDocument } from './docs-document';
import {
  DOCS_ASSETS_PATH,
  DOCS_CONTENT_SECURITY_POLICY,
  DOCS_DOCUMENT_PATH,
  DOCS_INIT_SCRIPT,
  DOCS_PATH,
  docsInitScript,
  docsPageHtml,
} from './docs-page';

/** The files of swagger-ui-dist the page loads; nothing else of the package is served. */
const SWAGGER_UI_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

/** `host` or `host:port`, a name or an IPv4 or bracketed IPv6 address: nothing that could break out of a URL. */
const PLAIN_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin the browser reached this server at, for the document's `servers`. The Host header
 * is the client's to choose, so it is used only if plain, and only in this response; otherwise
 * `/`, which Swagger UI resolves against the page's own address.
 */
function requestOrigin(req: Request): string {
  const host = req.host;
  return host && PLAIN_HOST.test(host) ? `${req.protocol}://${host}` : '/';
}

/**
 * Swagger UI's files are read from the installed package (a runtime dependency, never bundled),
 * located from this module, so it works from the sources and from the built `dist/`.
 *
 * @example
 * app.use(docsRoutes()); // before the validator, which would answer 404
 */
export function docsRoutes(): Router {
  const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const router = Router();

  router.use(DOCS_PATH, (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  router.get(DOCS_PATH, (_req, res) => {
    res.setHeader('Content-Security-Policy', DOCS_CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.type('html').send(docsPageHtml);
  });

  router.get(DOCS_DOCUMENT_PATH, (req, res) => {
    // It names the Host it was asked with: no cache may hand it to another.
    res.setHeader('Cache-Control', 'no-store');
    res.json(docsDocument(requestOrigin(req)));
  });

  router.get(`${DOCS_ASSETS_PATH}/${DOCS_INIT_SCRIPT}`, (_req, res) => {
    res.type('js').send(docsInitScript);
  });

  router.get(`${DOCS_ASSETS_PATH}/:file`, (req, res, next) => {
    const file = req.params.file;
    if (!SWAGGER_UI_FILES.has(file)) return next();
    res.sendFile(file, { root: swaggerUiDir });
  });

  return router;
}
