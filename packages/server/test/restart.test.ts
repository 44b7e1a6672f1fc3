/**
 * What a restart finds in the database after a crash mid-request: a call still `initiated` is
 * failed as `interrupted` (never dialed, never stranded), and its Idempotency-Key is free again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, TERMINAL, waitForCall } from './support/test-server';

const dir = mkdtempSync(join(tmpdir(), 'outdial-restart-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restart after a crash mid-request', () => {
  it('fails calls left initiated and frees their Idempotency-Key', async () => {
    const dbPath = join(dir, 'outdial.db');
    const before = await startTestServer({ dbPath });
    const { acme } = before;
    const body = { agentId: acme.voiceAgentId, phoneNumber: '+14155552671' };
    const first = await before.request('/api/v1/calls/outbound', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'crash-1' },
      body,
    });
    expect(first.status).toBe(201);
    await waitForCall(before, first.body.data.id, (c) => TERMINAL.includes(c.status));
    // Rewind the call and its claim to the moment between the call's INSERT and its queueing.
    const minuteAgo = new Date(Date.now() - 60_000).toISOString();
    await before.db
      .updateTable('calls')
      .set({
        status: 'initiated',
        room_id: null,
        job_id: null,
        sip_participant_id: null,
        answered_at: null,
        ended_at: null,
        duration: null,
        failure_reason: null,
      })
      .where('id', '=', first.body.data.id)
      .execute();
    await before.db
      .updateTable('idempotency_records')
      .set({ state: 'in_progress', response_body: null, response_status: null, created_at: minuteAgo })
      .where('key', '=', 'crash-1')
      .execute();
    await before.close();

    const after = await startTestServer({ dbPath });
    try {
      const call = await after.request(`/api/v1/calls/${first.body.data.id}`, { key: acme.apiKey });
      expect(call.body.data).toMatchObject({ status: 'failed', failureReason: 'interrupted', duration: 0 });
      const retry = await after.request('/api/v1/calls/outbound', {
        method: 'POST',
        key: acme.apiKey,
        headers: { 'Idempotency-Key': 'crash-1' },
        body,
      });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.body.data.id).not.toBe(first.body.data.id);
    } finally {
      await after.close();
    }
  });
});
