/**
 * @module
 * The API reference page: Swagger UI from the swagger-ui-dist package, served by the server
 * itself under `/docs/assets/`, so the page works offline and loads nothing from elsewhere.
 */

/** Where the page, its assets and its copy of the document are served. */
export const DOCS_PATH = '/docs';
export const DOCS_ASSETS_PATH = `${DOCS_PATH}/assets`;
export const DOCS_DOCUMENT_PATH = `${DOCS_PATH}/openapi.json`;
/** Our start-up script, served beside the package's files: the CSP allows no inline script. */
export const DOCS_INIT_SCRIPT = 'outdial-docs.js';

/**
 * Same origin only. Swagger UI sets its inline styles through the DOM (CSSOM), which CSP allows,
 * so styles need no 'unsafe-inline'; its stylesheet's icons are `data:` SVG images. The browser
 * test fails on any violation (Chromium reports them as console errors).
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const docsPageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Outdial Calls API reference</title>
    <link rel="stylesheet" href="${DOCS_ASSETS_PATH}/swagger-ui.css">
    <link rel="icon" type="image/png" href="${DOCS_ASSETS_PATH}/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_ASSETS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${DOCS_ASSETS_PATH}/${DOCS_INIT_SCRIPT}"></script>
  </body>
</html>
`;

/**
 * Swagger UI's options. `validatorUrl: null`: by default it sends the document to
 * validator.swagger.io for a badge. BaseLayout has no top bar, whose field loads any URL;
 * `queryConfigEnabled` stays off so that `?url=` cannot swap the document either.
 */
export const docsInitScript = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(DOCS_DOCUMENT_PATH)},
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
  queryConfigEnabled: false,
  displayOperationId: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
});
`;
