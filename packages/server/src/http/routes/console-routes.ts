/**
 * @module
 * `GET /console`: the Outdial Console (packages/console), a static web app built by Vite and
 * copied into the server's own `dist/console/` by the server's build. No authentication here:
 * the page asks for an API key and calls the API with it like any SDK client. Mounted before the
 * OpenAPI validator, as /docs is: these are files, not operations of openapi.yaml.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiError } from '@outdial/contract';
import { Router } from 'express';

export const CONSOLE_PATH = '/console';
const ASSETS_DIR = 'assets';

/**
 * Same origin only, and nothing inline: Vite emits the script and stylesheet as files, and
 * Preact sets `style` through the DOM (CSSOM), which CSP allows.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * Where the build is: beside the bundled server (`dist/console/`, tsup puts every entry and chunk
 * in `dist/`), or, when the server runs from its sources (the tests), in the built `dist/`.
 */
function defaultConsoleDir(): string | undefined {
  return [new URL('./console/', import.meta.url), new URL('../../../dist/console/', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(`${dir}/index.html`));
}

/** The answer for every console path when the server was built without the console. */
const consoleNotBuilt = () =>
  apiError(
    'route_not_found',
    {},
    {
      details: [
        {
          field: 'path',
          message:
            'The Outdial Console is not in this build of the server: build the workspace with `pnpm build`',
        },
      ],
    },
  );

/**
 * @example
 * app.use(consoleRoutes()); // before the validator, which would answer 404
 */
export function consoleRoutes({ dir = defaultConsoleDir() }: { dir?: string | undefined } = {}): Router {
  const router = Router();
  if (!dir || !existsSync(`${dir}/index.html`)) {
    router.use(CONSOLE_PATH, (_req, _res, next) => next(consoleNotBuilt()));
    return router;
  }
  // Read once: the build does not change under a running server, and only its own files are served.
  const indexHtml = readFileSync(`${dir}/index.html`);
  const assets = new Map(
    (existsSync(`${dir}/${ASSETS_DIR}`) ? readdirSync(`${dir}/${ASSETS_DIR}`) : [])
      .filter((file) => CONTENT_TYPES[extname(file)])
      .map((file) => [file, readFileSync(`${dir}/${ASSETS_DIR}/${file}`)]),
  );

  router.use(CONSOLE_PATH, (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  router.get([CONSOLE_PATH, `${CONSOLE_PATH}/`], (_req, res) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The page names the hashed asset files of this build: always ask again, so an upgrade shows.
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(indexHtml);
  });

  router.get(`${CONSOLE_PATH}/${ASSETS_DIR}/:file`, (req, res, next) => {
    const body = assets.get(req.params.file);
    if (!body) return next(apiError('route_not_found'));
    // Vite names each asset by a hash of its content: a name never changes what it holds.
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Type', CONTENT_TYPES[extname(req.params.file)] as string);
    res.send(body);
  });

  router.use(CONSOLE_PATH, (_req, _res, next) => next(apiError('route_not_found')));
  return router;
}
