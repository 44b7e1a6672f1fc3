/**
 * The look-ahead counts the claim: with a store whose claims are slow (PostgreSQL while POSTs hold
 * its organization lock), more calls are claimed ahead of their slots, so the pacer still finds one
 * ready when a slot opens. Judged by how many calls are between claim and INVITE at once, not by
 * timing.
 */

import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { type LiveKitEmulator, startLiveKitEmulator } from '@outdial/livekit-emulator';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { waitForAllTerminal } from '../../test/support/polling';
import { insertCalls, manyCalls, type Seeded, seededDatabase } from '../../test/support/seeded-database';
import { silentLogger } from '../../test/support/silent-logger';
import type { DialBacklog } from '../ports/dial-backlog';
import { INVITE_SENT_CHANNEL, type InviteSentMessage } from './dial-diagnostics';
import { DialQueue } from './dial-queue';
import { LiveKitDialer } from './livekit-dialer';

const CALLS = 80;
/** Each claim's round trip: 10 slots at CPS 50, where preparing against the emulator takes < 1. */
const CLAIM_MS = 200;

let emulator: LiveKitEmulator;
let seeded: Seeded;
let queue: DialQueue | undefined;

beforeEach(async () => {
  seeded = await seededDatabase();
  emulator = await startLiveKitEmulator({
    timings: { ringMs: 10, talkMs: 10, earlyHangupMs: 10, noAnswerMs: 10, failMs: 10 },
  });
});

afterEach(async () => {
  await queue?.stop();
  queue = undefined;
  await emulator.stop();
  await seeded.close();
});

/** The seeded backlog, its claims each taking CLAIM_MS more; `onClaim` sees each claim begin. */
function slowClaims(backlog: DialBacklog, onClaim: () => void): DialBacklog {
  return new Proxy(backlog, {
    get(target, property) {
      if (property === 'claim') {
        return async (callId: string) => {
          onClaim();
          await new Promise((resolve) => setTimeout(resolve, CLAIM_MS));
          return target.claim(callId);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

it('claims further ahead when the claims themselves are slow', async () => {
  let claims = 0;
  let invites = 0;
  /** Calls claimed (or being claimed) whose INVITE has not left, as each later claim begins. */
  const aheadOnceMeasured: number[] = [];
  const onInvite = (message: unknown) => {
    if ((message as InviteSentMessage).calls === seeded.calls) invites++;
  };
  subscribe(INVITE_SENT_CHANNEL, onInvite);
  try {
    await insertCalls(seeded, manyCalls(CALLS));
    queue = new DialQueue({
      calls: seeded.calls,
      backlog: slowClaims(seeded.backlog, () => {
        claims++;
        // Once a cold start (the emulator's first requests) has been averaged out.
        if (claims > (CALLS * 3) / 4) aheadOnceMeasured.push(claims - invites);
      }),
      dialer: new LiveKitDialer({
        url: emulator.url,
        apiKey: emulator.apiKey,
        apiSecret: emulator.apiSecret,
      }),
      logger: silentLogger,
      cps: 50,
      maxInFlight: 50,
      trackIntervalMs: 100,
    });
    await queue.start();
    await waitForAllTerminal(seeded.db);
  } finally {
    unsubscribe(INVITE_SENT_CHANNEL, onInvite);
  }
  expect(claims).toBe(CALLS);
  // Counted from after the claim, the lead time was the emulator's < 1 slot: 2 ahead.
  expect(Math.max(...aheadOnceMeasured)).toBeGreaterThanOrEqual(8);
});
