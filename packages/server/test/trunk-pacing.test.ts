/**
 * One Dial queue per SIP trunk, through the HTTP API against the LiveKit emulator (which records
 * the trunk of every CreateSIPParticipant): each trunk is paced on its own, so a backlog on one
 * never holds up another, and a call whose agent moves to another trunk while it waits goes out on
 * the new trunk, counted against that trunk's budget.
 *
 * Windows are counted when each INVITE left the server (its diagnostics channel), the moment the
 * pacer counts: the emulator's arrival times add its own scheduling on these shared cores, which
 * put a 16th start in a 15-start window now and then (BENCHMARKS.md measures that delay).
 */

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from '../src/dial/dial-diagnostics';
import { type RunningServer, startServer } from '../src/index';
import { openSqliteStores } from '../src/store/sqlite/sqlite-stores';
import { maxInWindow as maxInWindowOf } from './support/child-dial-queue';
import { waitUntil } from './support/polling';
import { tempDatabasePath } from './support/seeded-database';
import { FAST_TIMINGS, TERMINAL } from './support/test-server';

const MAIN = 'ST_main';
const SECOND = 'ST_second';
const CPS = 5;
/** The most starts in any half-open 1 s window: what a trunk's budget bounds. */
const maxInWindow = (times: readonly number[]) => maxInWindowOf(times, 1000);

describe('pacing per SIP trunk', () => {
  let emulator: LiveKitEmulator;
  let server: RunningServer;
  let apiKey: string;
  let mainAgent: string;
  let secondAgent: string;

  const request = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
    return { status: response.status, body: (await response.json()) as any };
  };
  const post = async (agentId: string, phoneNumber: string) => {
    const { status, body } = await request('/api/v1/calls/outbound', {
      method: 'POST',
      body: { agentId, phoneNumber },
    });
    expect(status).toBe(201);
    return body.data.id as string;
  };
  const dials = () => emulator.requests.filter((r) => r.method === 'CreateSIPParticipant');
  const startsOn = (trunkId: string) => dials().filter((r) => r.sipTrunkId === trunkId);
  const invitesSent: InviteSentMessage[] = [];
  const onInviteSent = (message: unknown) => invitesSent.push(message as InviteSentMessage);
  /** When the trunk's INVITEs left (an agent naming no trunk dials on the default, MAIN). */
  const sentOn = (trunkId: string) =>
    invitesSent.filter((m) => (m.sipTrunkId ?? MAIN) === trunkId).map((m) => m.monotonicMs);

  beforeAll(async () => {
    subscribe(INVITE_SENT_CHANNEL, onInviteSent);
    emulator = await startLiveKitEmulator({ timings: { ...FAST_TIMINGS, ringMs: 20, talkMs: 50 } });
  });
  afterAll(async () => {
    unsubscribe(INVITE_SENT_CHANNEL, onInviteSent);
    await emulator?.stop();
  });
  const startTrunkServer = (dbPath?: string) =>
    startServer({
      port: 0,
      ...(dbPath ? { dbPath } : {}),
      livekit: {
        url: emulator.url,
        apiKey: emulator.apiKey,
        apiSecret: emulator.apiSecret,
        sipTrunkId: MAIN,
        agentName: 'trunk-agent',
      },
      dialCps: CPS,
      rateLimit: false,
      trunkRefreshMs: 100,
      logLevel: 'silent',
    });
  const provision = async (running: RunningServer) => {
    emulator.setWebhookUrl(`${running.url}/api/v1/livekit/webhook`);
    const org = await running.admin.createOrganization('Trunks');
    const { key } = await running.admin.createApiKey(org.id);
    const main = await running.admin.createAgent(org.id, { name: 'main', phoneNumbers: ['+14155550100'] });
    const other = await running.admin.createAgent(org.id, {
      name: 'second',
      phoneNumbers: ['+14155550101'],
      sipTrunkId: SECOND,
    });
    return { apiKey: key, mainAgent: main.id, secondAgent: other.id };
  };

  beforeEach(async () => {
    emulator.reset();
    invitesSent.length = 0;
    server = await startTrunkServer();
    ({ apiKey, mainAgent, secondAgent } = await provision(server));
  });
  afterEach(async () => {
    await server?.close();
  });

  it('dials a second trunk at its own pace while the default trunk works through a backlog', async () => {
    const backlog = [];
    for (let i = 0; i < 4 * CPS; i++) backlog.push(await post(mainAgent, `+1415555${String(1000 + i)}`));
    const others = [];
    for (let i = 0; i < 2 * CPS; i++) others.push(await post(secondAgent, `+1415556${String(1000 + i)}`));
    await waitUntil(() => dials().length === backlog.length + others.length);

    const main = sentOn(MAIN);
    const second = sentOn(SECOND);
    expect(main).toHaveLength(backlog.length);
    expect(second).toHaveLength(others.length);
    // And LiveKit got each on its trunk.
    expect(startsOn(MAIN)).toHaveLength(backlog.length);
    expect(startsOn(SECOND)).toHaveLength(others.length);
    // Each trunk within its own budget, while both dialed at once (together they exceed one).
    expect(maxInWindow(main)).toBeLessThanOrEqual(CPS);
    expect(maxInWindow(second)).toBeLessThanOrEqual(CPS);
    expect(maxInWindow([...main, ...second])).toBeGreaterThan(CPS);
    // Posted after the whole backlog, the second trunk's calls were all dialed before it drained.
    expect(Math.max(...second)).toBeLessThan(Math.max(...main));
    // Every call dialed once.
    expect(new Set(dials().map((r) => r.room)).size).toBe(dials().length);
  }, 30_000);

  it("paces a trunk at its stored budget, and GET /api/v1/queue reports each trunk's", async () => {
    await server.close();
    const file = await tempDatabasePath();
    const stores = await openSqliteStores({ path: file.path });
    await stores.trunkBudgets.set(SECOND, 3 * CPS, new Date());
    await stores.close();
    server = await startTrunkServer(file.path);
    ({ apiKey, mainAgent, secondAgent } = await provision(server));

    const waiting = [];
    for (let i = 0; i < 2 * CPS; i++) waiting.push(await post(mainAgent, `+1415558${String(1000 + i)}`));
    for (let i = 0; i < 6 * CPS; i++) waiting.push(await post(secondAgent, `+1415559${String(1000 + i)}`));
    const queue = await request('/api/v1/queue');
    expect(queue.body.data.trunks.map((t: { trunkId: string; cps: number }) => [t.trunkId, t.cps])).toEqual([
      [MAIN, CPS],
      [SECOND, 3 * CPS],
    ]);
    await waitUntil(() => dials().length === waiting.length);
    expect(maxInWindow(sentOn(MAIN))).toBeLessThanOrEqual(CPS);
    const second = sentOn(SECOND);
    expect(maxInWindow(second)).toBeLessThanOrEqual(3 * CPS);
    // It used its own budget, not DIAL_CPS.
    expect(maxInWindow(second)).toBeGreaterThan(CPS);
    await file.cleanup();
  }, 30_000);

  it("moves a waiting call to the trunk its agent now names, paced by that trunk's queue", async () => {
    const ids = [];
    for (let i = 0; i < 3 * CPS; i++) ids.push(await post(mainAgent, `+1415557${String(1000 + i)}`));
    // Some are dialed on the default trunk; then the agent moves, with the rest still waiting
    // (many of them in the default trunk's window already).
    await waitUntil(() => dials().length >= 3);
    const moved = await request(`/api/v1/agents/${mainAgent}`, {
      method: 'PATCH',
      body: { sipTrunkId: SECOND },
    });
    expect(moved.status).toBe(200);
    for (const id of ids) {
      await waitUntil(async () => TERMINAL.includes((await request(`/api/v1/calls/${id}`)).body.data.status));
    }

    // Every call dialed exactly once, each on one trunk, each trunk within its budget.
    const rooms = dials().map((r) => r.room);
    expect(rooms).toHaveLength(ids.length);
    expect(new Set(rooms).size).toBe(ids.length);
    expect(startsOn(MAIN).length).toBeGreaterThanOrEqual(3);
    expect(startsOn(SECOND).length).toBeGreaterThan(0);
    expect(maxInWindow(sentOn(MAIN))).toBeLessThanOrEqual(CPS);
    expect(maxInWindow(sentOn(SECOND))).toBeLessThanOrEqual(CPS);
    // The calls the default trunk had read before the move were handed back undialed
    // (connecting → queued) and queued again for the new trunk: two call.queued events each.
    let handedBack = 0;
    for (const id of ids) {
      const { events } = (await request(`/api/v1/calls/${id}/events`)).body.data;
      const queued = events.filter((event: { type: string }) => event.type === 'call.queued').length;
      if (queued === 2) handedBack++;
    }
    expect(handedBack).toBeGreaterThan(0);
  }, 30_000);
});
