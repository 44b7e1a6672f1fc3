/**
 * At least once across a crash: the server in a real process, killed with SIGKILL while its
 * webhook worker thread has deliveries in flight (one receiver holds every request open, so some
 * are mid-attempt at the kill), then started again on the same database. Every event then
 * reaches every endpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type ChildWebhookServer, startChildWebhookServer } from './support/child-webhook-server';
import { type Answer, startWebhookReceiver } from './support/webhook-receiver';

const dir = mkdtempSync(join(tmpdir(), 'outdial-webhooks-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WAIT = { timeout: 120_000, interval: 50 };
/** Past the killed process's claims (60 s leases), as that much real time would be. */
const PAST_THE_LEASES_MS = 61_000;

describe('webhook deliveries across a SIGKILL', () => {
  it('delivers every event to every endpoint at least once after a restart', async () => {
    const dbPath = join(dir, 'outdial.db');
    const quick = await startWebhookReceiver();
    const stuck = await startWebhookReceiver();
    // Holds each request until released: deliveries are in flight when the process dies.
    let release: (answer: Answer) => void = () => {};
    const held = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    stuck.answerWith(() => held);
    let first: ChildWebhookServer | undefined;
    let second: ChildWebhookServer | undefined;
    try {
      // Killed while its worker thread (the production path) has deliveries in flight.
      first = await startChildWebhookServer({ dbPath, seed: true, webhookDispatch: 'worker' });
      const { url, apiKey = '', agentId } = first;
      const api = async (path: string, init: { method?: string; body?: unknown } = {}, base = url) => {
        const response = await fetch(`${base}${path}`, {
          method: init.method ?? 'GET',
          headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
          ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        });
        // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON.
        return { status: response.status, body: (await response.json()) as any };
      };
      for (const receiver of [quick, stuck]) {
        const created = await api('/api/v1/webhook-endpoints', {
          method: 'POST',
          body: { url: receiver.url },
        });
        expect(created.status).toBe(201);
      }
      const callIds: string[] = [];
      for (let i = 0; i < 12; i++) {
        const call = await api('/api/v1/calls/outbound', {
          method: 'POST',
          body: { agentId, phoneNumber: '+14155552671' },
        });
        expect(call.status).toBe(201);
        callIds.push(call.body.data.id);
      }
      // Mid-delivery: the quick receiver has some, the stuck one has requests open.
      await vi.waitFor(() => {
        expect(quick.received.length).toBeGreaterThan(3);
        expect(stuck.received.length).toBeGreaterThan(3);
      }, WAIT);
      first.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      release({ status: 200 });

      // In process, on a clock moved past the killed worker's claims (a thread cannot read it).
      second = await startChildWebhookServer({ dbPath, seed: false, clockAheadMs: PAST_THE_LEASES_MS });
      const restarted = second.url;
      // The calls the kill interrupted settle (failed or finished) after the restart.
      await vi.waitFor(async () => {
        for (const callId of callIds) {
          const call = await api(`/api/v1/calls/${callId}`, {}, restarted);
          expect(['completed', 'failed', 'cancelled', 'no_answer', 'busy']).toContain(call.body.data.status);
        }
      }, WAIT);
      const eventIds: string[] = [];
      for (let cursor: string | null = null; ; ) {
        const page = await api(`/api/v1/events?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {}, restarted);
        eventIds.push(...page.body.data.events.map((event: { id: string }) => event.id));
        cursor = page.body.data.pagination.nextCursor;
        if (!cursor) break;
      }
      expect(eventIds.length).toBeGreaterThan(callIds.length);
      for (const receiver of [quick, stuck]) {
        await vi.waitFor(() => {
          const got = new Set(receiver.received.map((request) => request.id));
          expect(eventIds.filter((id) => !got.has(id))).toEqual([]);
        }, WAIT);
      }
    } finally {
      release({ status: 200 });
      first?.kill('SIGKILL');
      second?.kill('SIGTERM');
      await second?.exited;
      await Promise.all([quick.close(), stuck.close()]);
    }
  }, 300_000);
});
