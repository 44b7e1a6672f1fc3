/**
 * Guards the patch of express-openapi-validator (patches/, explained in pnpm-workspace.yaml): it
 * is still applied to the installed version, and security alternatives stop at the first that
 * passes while an all-failing request still sees every alternative's verdict.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('express-openapi-validator/package.json');
const middlewares = packageJson.replace(/package\.json$/, 'dist/middlewares/');
const { security } = require(`${middlewares}openapi.security.js`) as {
  security: (
    apiDoc: unknown,
    handlers: Record<string, () => Promise<boolean>>,
  ) => (req: unknown, res: unknown, next: (error?: unknown) => void) => Promise<void>;
};

const apiDoc = {
  security: [{ ApiKeyAuth: [] }, { BearerAuth: [] }],
  components: {
    securitySchemes: {
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      BearerAuth: { type: 'http', scheme: 'bearer' },
    },
  },
};

async function authenticate(headers: Record<string, string>, verdicts: Record<string, boolean>) {
  const called: string[] = [];
  const handler = (name: string) => async () => {
    called.push(name);
    return verdicts[name] ?? false;
  };
  const middleware = security(apiDoc, {
    ApiKeyAuth: handler('ApiKeyAuth'),
    BearerAuth: handler('BearerAuth'),
  });
  const req = { headers, openapi: { schema: {}, openApiRoute: '/api/v1/calls' } };
  const error = await new Promise<unknown>((resolve) => void middleware(req, {}, resolve));
  return { called, error };
}

describe('the express-openapi-validator patch', () => {
  it('is applied to the installed version', () => {
    expect(require('express-openapi-validator/package.json').version).toBe('5.6.2');
    expect(readFileSync(`${middlewares}openapi.metadata.js`, 'utf8')).toContain(
      'compileRoute(expressRoute, pathOpts)',
    );
    expect(readFileSync(`${middlewares}openapi.security.js`, 'utf8')).toContain(
      'executeAlternative(req, s, fallbackHandler)',
    );
  });

  it('stops at the first security alternative that passes', async () => {
    const { called, error } = await authenticate({ 'x-api-key': 'k' }, { ApiKeyAuth: true });
    expect(error).toBeUndefined();
    expect(called).toEqual(['ApiKeyAuth']);
  });

  it('tries the next alternative when one fails, and refuses when all fail', async () => {
    const bearer = await authenticate({ authorization: 'Bearer k' }, { BearerAuth: true });
    expect(bearer.error).toBeUndefined();
    // x-api-key is absent, so ApiKeyAuth fails before its handler runs.
    expect(bearer.called).toEqual(['BearerAuth']);
    const refused = await authenticate({ 'x-api-key': 'wrong' }, {});
    expect(refused.called).toEqual(['ApiKeyAuth']);
    expect(refused.error).toMatchObject({ status: 401 });
  });
});
