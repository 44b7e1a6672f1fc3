// One rung of the floor ladder (scenarios/floor-ladder.ts) in its own process: an Express 5 app
// with Outdial's layers added one at a time, each the server's own module (imported from
// packages/server/src through tsx, as the server's tests do), over the baseline's handlers.

import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import pino from 'pino';
import { ApiKeyService } from '../../../packages/server/src/api-keys/api-key-service';
import type { ApiKeyOwnerLookup } from '../../../packages/server/src/http/api-key-security';
import { readRequestBody } from '../../../packages/server/src/http/body-parsing';
import { DEFAULT_BODY_LIMIT_BYTES } from '../../../packages/server/src/http/create-app';
import { validateAgainstOpenApi } from '../../../packages/server/src/http/openapi-validation';
import { limitRequestsPerApiKey } from '../../../packages/server/src/http/rate-limit';
import { assignRequestId } from '../../../packages/server/src/http/request-id';
import { logRequests } from '../../../packages/server/src/http/request-logging';
import { openServerStores } from '../../../packages/server/src/server/open-server-stores';
import { newOrganizationId } from '../../../packages/server/src/store/ids';
import { openBaselineCalls } from './baseline-calls';
import { serveIpc } from './child-process-ipc';
import { LADDER_LAYERS, type LadderLayer, UNREACHED_RATE_LIMIT } from './ladder-layers';
import '../../../packages/server/src/http/request-context';

let close: (() => Promise<void>) | undefined;

serveIpc({
  ready: () => true,
  async start(args: { layer: LadderLayer; dir: string }): Promise<{ url: string; apiKey: string }> {
    const rung = LADDER_LAYERS.indexOf(args.layer);
    const has = (layer: LadderLayer) => rung >= LADDER_LAYERS.indexOf(layer);
    const cleanups: (() => Promise<void> | void)[] = [];
    // Outdial's logger (start-server.ts) to stdout, which the bench points at a file; the same
    // redaction (a copy of its four paths).
    const logger = has('middleware')
      ? pino({
          level: 'info',
          redact: [
            'req.headers["x-api-key"]',
            'req.headers.authorization',
            'headers["x-api-key"]',
            'headers.authorization',
          ],
        })
      : pino({ level: 'silent' });
    // Below the auth rung every key is let in without a lookup: the validator alone.
    let apiKey = 'odk_ladder_unchecked';
    let apiKeys: ApiKeyOwnerLookup = {
      findOwner: async () => ({ apiKeyId: 'key_ladder', organizationId: 'org_ladder' }),
    };
    if (has('auth')) {
      const stores = await openServerStores({ dbPath: join(args.dir, 'outdial.db') });
      cleanups.push(() => stores.close());
      const organizationId = newOrganizationId();
      await stores.organizations.create({
        id: organizationId,
        name: 'ladder',
        created_at: new Date().toISOString(),
      });
      const service = new ApiKeyService({ apiKeys: stores.apiKeys });
      apiKey = (await service.create(organizationId)).key;
      apiKeys = service;
    }

    const app = express();
    // As Outdial's app (create-app.ts) on every rung, so no rung's delta is a setting.
    app.disable('x-powered-by');
    app.disable('etag');
    if (has('middleware')) {
      app.use(assignRequestId());
      app.use(logRequests(logger));
    }
    if (has('validator')) {
      app.use(
        validateAgainstOpenApi({
          apiKeys,
          validateResponses: false,
          logger,
          afterAuthentication: [
            ...(has('middleware') ? [limitRequestsPerApiKey(UNREACHED_RATE_LIMIT) as RequestHandler] : []),
            readRequestBody(DEFAULT_BODY_LIMIT_BYTES),
          ],
        }),
      );
    } else {
      app.use(express.json({ limit: DEFAULT_BODY_LIMIT_BYTES }));
    }
    if (has('sqlite')) {
      const calls = openBaselineCalls(join(args.dir, 'baseline.db'));
      cleanups.push(() => calls.close());
      app.post('/api/v1/calls/outbound', calls.create);
      app.get('/api/v1/calls/:callId', calls.find);
    } else {
      const call = { id: 'call_ladder', status: 'queued', agentId: 'agent', phoneNumber: '+14155552671' };
      app.post('/api/v1/calls/outbound', (_req, res) => {
        res.status(201).json({ data: call });
      });
      app.get('/api/v1/calls/:callId', (_req, res) => {
        res.json({ data: call });
      });
    }
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    close = async () => {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
      for (const cleanup of cleanups.reverse()) await cleanup();
    };
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey };
  },
  async stop() {
    await close?.();
    return true;
  },
});
