/**
 * Starts the real server (in-process LiveKit emulator, fast timings, response validation on) on
 * an ephemeral port, with two organizations, and a small fetch helper.
 */
import type { LiveKitEmulator } from '@outdial/livekit-emulator';
import { vi } from 'vitest';
import type { RunningServer, ServerOptions } from '../../src/index';
import type { StoreDatabase } from '../../src/store/testing-hooks';
import { startStoreServer, storeKindFromEnv } from './store-server';

export const FAST_TIMINGS = { ringMs: 30, talkMs: 150, earlyHangupMs: 60, noAnswerMs: 80, failMs: 20 };

export interface TestOrganization {
  id: string;
  apiKey: string;
  voiceAgentId: string;
  /** The voice agent's numbers; the first is its default caller ID. */
  phoneNumbers: string[];
  chatAgentId: string;
  inactiveAgentId: string;
}

export interface TestServer {
  server: RunningServer;
  /**
   * The server's in-process emulator, with all of its records: the server's public type names
   * only what it promises (config/emulator-types.ts), but the object is the emulator itself.
   */
  emulator: LiveKitEmulator | undefined;
  /**
   * The server's database (see store-server.ts), SQLite unless `OUTDIAL_TEST_STORE=postgres`: for
   * states no request can reach.
   */
  db: StoreDatabase;
  url: string;
  acme: TestOrganization;
  globex: TestOrganization;
  request(path: string, init?: TestRequestInit): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestRequestInit {
  method?: string;
  /** An API key sent as `x-api-key`; pass `null` to send none. */
  key?: string | null;
  /** Serialized as JSON unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
  body: any;
  text: string;
}

let organizationCount = 0;

async function seedOrganization(
  server: RunningServer,
  name: string,
  phoneBase: number,
): Promise<TestOrganization> {
  const org = await server.admin.createOrganization(`${name} ${++organizationCount}`);
  const { key } = await server.admin.createApiKey(org.id);
  const phoneNumbers = [`+1415555${phoneBase}`, `+1415555${phoneBase + 1}`];
  const voice = await server.admin.createAgent(org.id, { name: `${name} voice`, phoneNumbers });
  const chat = await server.admin.createAgent(org.id, {
    name: `${name} chat`,
    type: 'chat',
    phoneNumbers: [`+1415555${phoneBase + 2}`],
  });
  const inactive = await server.admin.createAgent(org.id, {
    name: `${name} inactive`,
    status: 'inactive',
    phoneNumbers: [`+1415555${phoneBase + 3}`],
  });
  return {
    id: org.id,
    apiKey: key,
    voiceAgentId: voice.id,
    phoneNumbers,
    chatAgentId: chat.id,
    inactiveAgentId: inactive.id,
  };
}

export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const { server, db } = await startStoreServer(storeKindFromEnv(), {
    port: 0,
    dbPath: ':memory:',
    livekit: 'emulate',
    emulatorTimings: FAST_TIMINGS,
    dialCps: 200,
    dialMaxInFlight: 200,
    rateLimit: false,
    validateResponses: true,
    logLevel: 'silent',
    ...options,
  });
  const acme = await seedOrganization(server, 'Acme', 1000);
  const globex = await seedOrganization(server, 'Globex', 2000);
  const request = async (path: string, init: TestRequestInit = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    const key = init.key === undefined ? acme.apiKey : init.key;
    if (key !== null) headers['x-api-key'] = key;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  };
  const emulator = server.emulator as LiveKitEmulator | undefined;
  return { server, emulator, db, url: server.url, acme, globex, request, close: () => server.close() };
}

/** Polls a call until `done` holds (no timed assertions: the test's own timeout bounds it). */
export async function waitForCall(
  t: TestServer,
  callId: string,
  done: (call: { status: string }) => boolean,
  key = t.acme.apiKey,
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
): Promise<any> {
  return vi.waitFor(
    async () => {
      const { body } = await t.request(`/api/v1/calls/${callId}`, { key });
      if (!done(body.data)) throw new Error(`call ${callId} is ${body.data?.status}`);
      return body.data;
    },
    { timeout: 10 * 60_000, interval: 20 },
  );
}

export const TERMINAL = ['completed', 'failed', 'cancelled', 'no_answer', 'busy'];
