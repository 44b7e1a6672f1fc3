/**
 * Scheduled calls are durable: a server that was down while they fell due dials them when it comes
 * back (in priority order, paced), and fails those whose latest time passed meanwhile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roomNameForCall } from '../src/dial/call-room';
import { advancingClock } from './support/advancing-clock';
import { startTestServer, TERMINAL, waitForCall } from './support/test-server';

const dir = mkdtempSync(join(tmpdir(), 'outdial-scheduling-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HOUR_MS = 3_600_000;

describe('scheduled calls across a restart', () => {
  it('dials the calls that fell due while the server was down, most urgent first, and expires the late ones', async () => {
    const dbPath = join(dir, 'outdial.db');
    const clock = advancingClock();
    // Two dial starts per second: the order of the INVITEs is the order of the queue.
    const options = { dbPath, clock, dialCps: 2, schedulerMaxSleepMs: 20 };
    const before = await startTestServer(options);
    const { acme } = before;
    const scheduledAt = new Date(clock.now().getTime() + HOUR_MS).toISOString();
    const create = async (fields: Record<string, unknown>): Promise<string> => {
      const response = await before.request('/api/v1/calls/outbound', {
        method: 'POST',
        body: { agentId: acme.voiceAgentId, phoneNumber: '+14155552671', scheduledAt, ...fields },
      });
      expect(response.body.data.status).toBe('scheduled');
      return response.body.data.id;
    };
    const low = await create({ priority: 10 });
    const urgent = await create({ priority: 0 });
    const middle = await create({ priority: 5 });
    const late = await create({
      priority: 0,
      latestAt: new Date(clock.now().getTime() + 1.5 * HOUR_MS).toISOString(),
    });
    await before.close();

    // Two hours later: all four fell due, and the last one's latest time passed too.
    clock.advance(2 * HOUR_MS);
    const after = await startTestServer(options);
    try {
      for (const id of [low, urgent, middle]) {
        const done = await waitForCall(after, id, (c) => TERMINAL.includes(c.status), acme.apiKey);
        expect(done).toMatchObject({ status: 'completed', scheduledAt });
      }
      const expired = await waitForCall(after, late, (c) => TERMINAL.includes(c.status), acme.apiKey);
      expect(expired).toMatchObject({ status: 'failed', failureReason: 'expired' });

      const invites = (after.emulator?.requests ?? [])
        .filter((r) => r.method === 'CreateSIPParticipant')
        .map((r) => r.room);
      expect(invites).toEqual([urgent, middle, low].map(roomNameForCall));
    } finally {
      await after.close();
    }
  }, 60_000);
});
