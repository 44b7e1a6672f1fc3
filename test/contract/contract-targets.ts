/**
 * The targets the contract suite runs against, the way kysely runs one suite over every dialect:
 * the mock, in-process through msw, and the real server with the LiveKit emulator, over HTTP on
 * an ephemeral port. Each gives the suite the same things: a base URL, two organizations' keys
 * and the seeded agents.
 */
import { createOutdialMock } from '@outdial/mock';
import { setupServer } from 'msw/node';
// The server targets keep a handle on their database to force the one status no request reaches.
import { type StoreKindName, startStoreServer } from '../../packages/server/test/support/store-server';
import { CreateGate, type CreateHold } from './create-gate';

/** Step timings both targets share, short enough for tests, long enough to see each status. */
export const TIMINGS = { ringMs: 150, talkMs: 400, earlyHangupMs: 200, noAnswerMs: 300, failMs: 50 };

export interface SeededAgent {
  id: string;
  phoneNumbers: string[];
}

export interface TargetHandle {
  baseUrl: string;
  apiKey: string;
  otherApiKey: string;
  agents: { voice: SeededAgent; chat: SeededAgent; inactive: SeededAgent; other: SeededAgent };
  /**
   * Puts a call straight into a status no API request can reach on its own (`initiated` exists
   * only inside the server's create transaction). Used for the cancellation rule of that status.
   */
  forceStatus(callId: string, status: 'initiated'): Promise<void>;
  /**
   * Keeps the next createOutboundCall in flight once it holds its Idempotency-Key, until the
   * hold is released: a second request with that key then lands while the first is in flight.
   */
  holdCreates(): CreateHold;
  stop(): Promise<void>;
}

export interface ContractTarget {
  name: 'mock' | 'server' | 'server on postgres';
  start(): Promise<TargetHandle>;
}

const mockTarget: ContractTarget = {
  name: 'mock',
  async start() {
    const creates = new CreateGate();
    const mock = createOutdialMock({
      baseUrl: 'https://api.outdial.test',
      createLatency: () => creates.pass(),
      progression: 'realtime',
      stepDelaysMs: {
        ring: TIMINGS.ringMs,
        talk: TIMINGS.talkMs,
        earlyHangup: TIMINGS.earlyHangupMs,
        noAnswer: TIMINGS.noAnswerMs,
        fail: TIMINGS.failMs,
      },
    });
    const msw = setupServer(...mock.handlers);
    msw.listen({ onUnhandledFrame: 'bypass' });
    const agent = (a: { id: string; phoneNumbers: string[] }) => ({ id: a.id, phoneNumbers: a.phoneNumbers });
    return {
      baseUrl: mock.baseUrl,
      apiKey: mock.apiKey,
      otherApiKey: mock.otherOrganization.apiKey,
      agents: {
        voice: agent(mock.agents.voice),
        chat: agent(mock.agents.chat),
        inactive: agent(mock.agents.inactive),
        other: agent(mock.otherOrganization.agent),
      },
      async forceStatus(callId, status) {
        mock.forceStatus(callId, status);
      },
      holdCreates: () => creates.hold(),
      async stop() {
        mock.reset();
        msw.close();
      },
    };
  },
};

const serverTarget = (store: StoreKindName): ContractTarget => ({
  name: store === 'sqlite' ? 'server' : 'server on postgres',
  async start() {
    const creates = new CreateGate();
    const { server, db } = await startStoreServer(
      store,
      {
        port: 0,
        dbPath: ':memory:',
        livekit: 'emulate',
        emulatorTimings: TIMINGS,
        dialCps: 50,
        dialMaxInFlight: 100,
        rateLimit: false,
        validateResponses: true,
        logLevel: 'silent',
        // The webhooks suite's receiver listens on loopback, which deliveries refuse by default.
        webhookAllowPrivate: true,
      },
      { beforeCallInsert: () => creates.pass() },
    );
    const org = await server.admin.createOrganization('Contract Co');
    const other = await server.admin.createOrganization('Other Co');
    const { key: apiKey } = await server.admin.createApiKey(org.id);
    const { key: otherApiKey } = await server.admin.createApiKey(other.id);
    const create = async (orgId: string, input: Parameters<typeof server.admin.createAgent>[1]) => {
      const a = await server.admin.createAgent(orgId, input);
      return { id: a.id, phoneNumbers: a.phoneNumbers };
    };
    return {
      baseUrl: server.url,
      apiKey,
      otherApiKey,
      agents: {
        voice: await create(org.id, { name: 'Voice', phoneNumbers: ['+14155551234', '+14155551235'] }),
        chat: await create(org.id, { name: 'Chat', type: 'chat', phoneNumbers: ['+14155551236'] }),
        inactive: await create(org.id, {
          name: 'Inactive',
          status: 'inactive',
          phoneNumbers: ['+14155551237'],
        }),
        other: await create(other.id, { name: 'Other', phoneNumbers: ['+14155551238'] }),
      },
      async forceStatus(callId, status) {
        await db.updateTable('calls').set({ status }).where('id', '=', callId).execute();
      },
      holdCreates: () => creates.hold(),
      stop: () => server.close(),
    };
  },
});

export const CONTRACT_TARGETS: ContractTarget[] = [
  mockTarget,
  serverTarget('sqlite'),
  // Left out only where no PostgreSQL runs (vitest.config.ts says so; CI requires it).
  ...(process.env.OUTDIAL_TEST_POSTGRES === 'skip' ? [] : [serverTarget('postgres')]),
];
