/**
 * @module
 * The copy of openapi.yaml that the API reference page renders: the same document, with the
 * requesting origin as its only server (so "Try it out" and the curl snippets target this very
 * server) and the `x-error-catalog` appended to `info.description` as a table, since Swagger UI
 * shows no root extensions.
 */
import { type CatalogEntry, openApiDocument } from '@outdial/contract';

/** Markdown that would otherwise format a message instead of showing it as written. */
const MARKDOWN_SPECIAL = /[\\`*_|<>[\]]/g;

function errorCatalogTable(catalog: Readonly<Record<string, CatalogEntry>>): string {
  const rows = Object.values(catalog)
    .toSorted((a, b) => a.status - b.status)
    .map((e) => `| ${e.status} | \`${e.type}\` | ${e.message.replace(MARKDOWN_SPECIAL, '\\$&')} |`);
  return [
    '## Error catalog',
    'Every error message the API answers with (`x-error-catalog`); `{placeholder}` marks a value',
    'filled in at run time.',
    '',
    '| status | type | message |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Built once: only the server URL differs between requests. */
const description = `${openApiDocument.info.description}\n${errorCatalogTable(openApiDocument['x-error-catalog'])}\n`;

/**
 * The document for the docs page, served from `origin` (`http://127.0.0.1:3000`).
 *
 * @example
 * res.json(docsDocument('http://127.0.0.1:3000'));
 */
export function docsDocument(origin: string) {
  return {
    ...openApiDocument,
    info: { ...openApiDocument.info, description },
    servers: [{ url: origin, description: 'This server.' }],
  };
}
