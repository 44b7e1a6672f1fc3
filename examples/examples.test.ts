/**
 * Runs every example against the real server (with the LiveKit emulator in-process), so none of
 * them can rot.
 */
import { createOutdialMock } from '@outdial/mock';
import { Outdial } from '@outdial/sdk';
import type { WebhookEvent } from '@outdial/sdk/webhooks';
import type { RunningServer } from '@outdial/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCampaign } from './bulk-campaign';
import { cancelQueued } from './cancel-queued';
import { clickToCall } from './click-to-call';
import type { ExampleEnv } from './example-env';
import { startExampleServer } from './example-server';
import { quickstart } from './quickstart';
import { startWebhookReceiver } from './webhook-receiver';

let server: RunningServer;
let env: ExampleEnv;
let output: string[];

beforeAll(async () => {
  let apiKey: string;
  let agentId: string;
  ({ server, apiKey, agentId } = await startExampleServer('Examples Inc'));
  env = { baseUrl: server.url, apiKey, agentId, log: (line) => output.push(line) };
});
afterAll(() => server?.close());

describe('examples', () => {
  it('quickstart places a call and prints its statuses to the end', async () => {
    output = [];
    const final = await quickstart(env);
    expect(final.status).toBe('completed');
    expect(output.join('\n')).toMatch(/queued[\s\S]*active[\s\S]*completed/);
  });

  it('click-to-call places one urgent call for a repeated click', async () => {
    output = [];
    const { call, again, live } = await clickToCall(env);
    expect(again.id).toBe(call.id);
    expect(call.metadata.priority).toBe(0);
    expect(live.status).toBe('active');
  });

  it('cancel-queued cancels a call before it is dialed', async () => {
    output = [];
    const { after } = await cancelQueued(env, 30);
    expect(after.status).toBe('cancelled');
  });

  it('bulk-campaign runs 200 contacts as one batch, retries the busy and unanswered, and tables the counters', async () => {
    output = [];
    const { batch, snapshots, outcomes } = await bulkCampaign(env, 200, { isTTY: false, write: () => true });
    expect(batch.status).toBe('completed');
    expect(batch).toMatchObject({
      maxConcurrentCalls: 20,
      retry: { maxAttempts: 2, on: ['busy', 'no_answer'], delaySeconds: 2 },
      callingWindow: { timezone: 'America/New_York' },
    });
    // Every look the progress bar took added up, and the contacts moved through the counters.
    expect(snapshots.length).toBeGreaterThan(1);
    for (const { counters } of snapshots) {
      const { total, ...parts } = counters;
      expect(total).toBe(200);
      expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(total);
    }
    expect(snapshots.some((s) => s.counters.retrying > 0 || s.counters.inProgress > 0)).toBe(true);
    // Each contact once, by its last attempt: the test numbers are busy, unanswered or failing
    // every time, so a retry does not change their outcome.
    expect(batch.counters).toMatchObject({ total: 200, completed: 170, busy: 10, noAnswer: 10, failed: 10 });
    expect(Object.fromEntries(outcomes)).toEqual({ completed: 170, busy: 10, no_answer: 10, failed: 10 });

    // The retries are calls of the batch: attempt 2 of each busy or unanswered contact, never of
    // a failed one (not in `retry.on`).
    const outdial = new Outdial({ apiKey: env.apiKey, baseUrl: env.baseUrl });
    const calls = await outdial.calls.list({ batchId: batch.id, limit: 100 }).toArray();
    expect(calls).toHaveLength(220);
    const byId = new Map(calls.map((c) => [c.id, c]));
    const retries = calls.filter((c) => c.attempt === 2);
    expect(retries).toHaveLength(20);
    for (const retry of retries) {
      const first = byId.get(retry.retryOf ?? '');
      expect(first).toMatchObject({ attempt: 1, phoneNumber: retry.phoneNumber, batchId: batch.id });
      expect(['busy', 'no_answer']).toContain(first?.status);
      expect(retry.status).toBe(first?.status);
    }
    expect(calls.filter((c) => c.attempt === 1 && c.retryOf === null)).toHaveLength(200);

    const printed = output.join('\n');
    expect(printed).toContain('200 / 200 done');
    expect(printed).toContain('| outcome | contacts |\n|---|---|\n| completed | 170 |');
    expect(printed).toMatch(/^\| busy \| 10 \|$/m);
    expect(printed).toMatch(/^\| no_answer \| 10 \|$/m);
    expect(printed).toMatch(/^\| failed \| 10 \|$/m);
  }, 120_000);
});

describe('webhook-receiver', () => {
  // Signed by @outdial/mock's `webhooks.sign`, which signs as the server does (the contract suite
  // proves the two agree): what a customer's own receiver test does.
  const signer = createOutdialMock({ baseUrl: 'https://api.example.test' });
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Hy7ZpCR1Ko=';

  it('handles a verified event once, acknowledges its retry, and rejects a forged one with 400', async () => {
    output = [];
    const events: WebhookEvent[] = [];
    const { url, server: receiver } = await startWebhookReceiver({
      secret,
      onEvent: (event) => void events.push(event),
      log: (line) => output.push(line),
    });
    try {
      const event = {
        id: 'evt_01JD7ZK5W9A1B2C3D4E5F6G7H8',
        type: 'webhook.test',
        timestamp: new Date().toISOString(),
        data: { endpointId: 'we_1' },
      };
      const signed = await signer.webhooks.sign(event, secret);
      const post = (body: string, headers = signed.headers) => fetch(url, { method: 'POST', headers, body });
      expect((await post(signed.body)).status).toBe(204);
      expect((await post(signed.body)).status).toBe(204); // the retry: same webhook-id
      expect(events).toEqual([event]);
      const forged = await post(signed.body.replace('we_1', 'we_2'));
      expect(forged.status).toBe(400);
      const unsigned = await post(signed.body, { 'content-type': 'application/json' });
      expect(unsigned.status).toBe(400);
      expect(events).toHaveLength(1);
      expect(output).toEqual([
        'webhook.test from endpoint we_1',
        'rejected invalid_signature',
        'rejected missing_headers',
      ]);
    } finally {
      receiver.close();
    }
  });
});
