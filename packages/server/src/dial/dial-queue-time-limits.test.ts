import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/support/polling';
import { callById, insertCalls, nth, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import { startWebhookBridge, type WebhookBridge } from '../../test/support/webhook-bridge';
import { roomNameForCall } from './call-room';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';
import { LiveKitWebhookHandler } from './livekit-webhook-handler';

let emulator: LiveKitEmulator;
let bridge: WebhookBridge;
let seeded: Seeded;
let queue: DialQueue;

beforeEach(async () => {
  seeded = await seededDatabase();
  const handler = new LiveKitWebhookHandler({
    calls: seeded.calls,
    logger: silentLogger,
    apiKey: 'devkey',
    apiSecret: 'secret-secret-secret-secret-secret',
  });
  bridge = await startWebhookBridge(handler);
  emulator = await startLiveKitEmulator({
    timings: { ringMs: 30, talkMs: 100, earlyHangupMs: 60, noAnswerMs: 60, failMs: 20 },
    webhookUrl: bridge.url,
  });
  queue = new DialQueue({
    calls: seeded.calls,
    backlog: seeded.backlog,
    dialer: new LiveKitDialer({ url: emulator.url, apiKey: emulator.apiKey, apiSecret: emulator.apiSecret }),
    logger: silentLogger,
    cps: 50,
    maxInFlight: 50,
    trackIntervalMs: 100,
  });
});

afterEach(async () => {
  await queue.stop();
  await emulator.stop();
  await bridge.close();
  await seeded.close();
});

const MINUTE_MS = 60_000;
/** `HH:MM` (UTC) of an instant. */
const hhmm = (instant: number) => new Date(instant).toISOString().slice(11, 16);

describe('DialQueue and dial time limits', () => {
  it('dials a call inside its window; sends one whose window closed back to scheduled and fails one past its latest time, dialing neither', async () => {
    const now = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const open = { timezone: 'UTC', start: hhmm(now - 60 * MINUTE_MS), end: hhmm(now + 60 * MINUTE_MS) };
    const closed = { timezone: 'UTC', start: hhmm(now + 120 * MINUTE_MS), end: hhmm(now + 180 * MINUTE_MS) };
    const calls = await insertCalls(seeded, [{}, {}, {}, {}]);
    const plain = nth(calls, 0);
    const inside = nth(calls, 1);
    const outside = nth(calls, 2);
    const expired = nth(calls, 3);
    const limits = [
      [inside, { calling_window: JSON.stringify(open) }],
      [
        outside,
        { calling_window: JSON.stringify(closed), latest_at: new Date(now + 86_400_000).toISOString() },
      ],
      [expired, { latest_at: new Date(Date.now() - 1000).toISOString() }],
    ] as const;
    for (const [call, columns] of limits) {
      await seeded.db.updateTable('calls').set(columns).where('id', '=', call.id).execute();
    }

    await queue.start();
    await waitUntil(async () => {
      const statuses = await Promise.all(
        calls.map(async (call) => (await callById(seeded.db, call.id)).status),
      );
      return statuses.join() === 'completed,completed,scheduled,failed';
    });

    expect(await callById(seeded.db, outside.id)).toMatchObject({
      status: 'scheduled',
      // The window's next opening: two hours from now, to the minute.
      scheduled_at: new Date(now + 120 * MINUTE_MS).toISOString(),
    });
    expect(await callById(seeded.db, expired.id)).toMatchObject({ failure_reason: 'expired', duration: 0 });
    const rooms = emulator.requests.filter((r) => r.method === 'CreateSIPParticipant').map((r) => r.room);
    expect(rooms.sort()).toEqual([roomNameForCall(plain.id), roomNameForCall(inside.id)].sort());
    const outsideEvents = await seeded.calls.events(outside.id);
    expect(outsideEvents.at(-1)).toMatchObject({ from_status: 'queued', to_status: 'scheduled' });
    expect(JSON.parse(outsideEvents.at(-1)?.details ?? '{}')).toEqual({ reason: 'calling_window_closed' });
  });
});
