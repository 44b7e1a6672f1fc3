/**
 * Idempotency-Key: replay, reuse with another body, and concurrent duplicates (exactly one call).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/test-server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t?.close());

const body = () => ({
  agentId: t.acme.voiceAgentId,
  phoneNumber: '+14155552671',
  metadata: { order: 'A-1' },
});
const post = (key: string, payload: unknown = body()) =>
  t.request('/api/v1/calls/outbound', { method: 'POST', headers: { 'Idempotency-Key': key }, body: payload });
const callsWithKey = async (order: string) =>
  (await t.db.selectFrom('calls').select(['id', 'metadata']).execute()).filter(
    (c) => JSON.parse(c.metadata).order === order,
  );

/** Makes the key's record look like a claim left in flight a minute ago by a dead process. */
async function abandonClaim(key: string, callId: string | null): Promise<void> {
  const createdAt = new Date(Date.now() - 60_000).toISOString();
  const updated = await t.db
    .updateTable('idempotency_records')
    .set({
      state: 'in_progress',
      response_body: null,
      response_status: null,
      call_id: callId,
      created_at: createdAt,
    })
    .where('key', '=', key)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    // No earlier request: the claim of one that never got as far as creating its call.
    const { requestHash } = await import('../src/calls/request-hash');
    const defaults = { priority: 5, ringTimeoutSeconds: 30 };
    await t.db
      .insertInto('idempotency_records')
      .values({
        organization_id: t.acme.id,
        key,
        request_hash: requestHash('POST', '/api/v1/calls/outbound', { ...body(), ...defaults }),
        state: 'in_progress',
        response_status: null,
        response_body: null,
        call_id: callId,
        created_at: createdAt,
        expires_at: new Date(Date.now() + 60_000).toISOString(),
      })
      .execute();
  }
}

describe('Idempotency-Key', () => {
  it('replays the original 201 for the same key and body, with Idempotent-Replayed', async () => {
    const first = await post('replay-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await post('replay-1');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const first = await post('order-1', { phoneNumber: '+14155552671', agentId: t.acme.voiceAgentId });
    const again = await post('order-1', { agentId: t.acme.voiceAgentId, phoneNumber: '+14155552671' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.id).toBe(first.body.data.id);
  });

  it('answers 422 for the same key with a different body', async () => {
    expect((await post('reuse-1')).status).toBe(201);
    const response = await post('reuse-1', { ...body(), phoneNumber: '+14155552672' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 422,
      type: 'idempotency_key_reused',
      message: 'This Idempotency-Key was already used with a different request',
    });
  });

  it('creates exactly one call for concurrent duplicates; the others replay it or get 409', async () => {
    const order = 'concurrent-1';
    const payload = { ...body(), metadata: { order } };
    const responses = await Promise.all(Array.from({ length: 10 }, () => post('concurrent-key', payload)));
    const created = responses.filter(
      (r) => r.status === 201 && r.headers.get('idempotent-replayed') === null,
    );
    const replayed = responses.filter((r) => r.headers.get('idempotent-replayed') === 'true');
    const inProgress = responses.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(replayed.length + inProgress.length).toBe(9);
    for (const r of replayed) expect(r.body.data.id).toBe(created[0]?.body.data.id);
    for (const r of inProgress) {
      expect(r.body.error).toMatchObject({
        code: 409,
        type: 'idempotency_in_progress',
        message: 'A request with this Idempotency-Key is still being processed',
      });
      expect(r.headers.get('retry-after')).toBe('1');
    }
    expect(await callsWithKey(order)).toHaveLength(1);
  });

  it('answers 409 while the first request still holds the key', async () => {
    expect((await post('held-1')).status).toBe(201);
    // Put the record back as a request still in flight (in this or another process) leaves it.
    await t.db
      .updateTable('idempotency_records')
      .set({ state: 'in_progress', response_body: null, response_status: null })
      .where('key', '=', 'held-1')
      .execute();
    const response = await post('held-1');
    expect(response.status).toBe(409);
    expect(response.body.error.type).toBe('idempotency_in_progress');
  });

  it('frees a claim abandoned by a process that died before creating its call', async () => {
    await abandonClaim('abandoned-1', null);
    const response = await post('abandoned-1');
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
  });

  it('replays the call of a claim abandoned after the call was created, never placing a second one', async () => {
    const order = 'abandoned-2';
    const first = await post('abandoned-2-key', { ...body(), metadata: { order } });
    await abandonClaim('abandoned-2-key', first.body.data.id);
    const again = await post('abandoned-2-key', { ...body(), metadata: { order } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data).toMatchObject({ id: first.body.data.id, status: 'queued' });
    expect(await callsWithKey(order)).toHaveLength(1);
  });

  it('lets a retry through after the first request failed, and a key after it expired', async () => {
    const failing = await post('fail-1', { ...body(), agentId: t.acme.chatAgentId });
    expect(failing.status).toBe(400);
    const retried = await post('fail-1');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();

    await t.db
      .updateTable('idempotency_records')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('key', '=', 'fail-1')
      .execute();
    const afterExpiry = await post('fail-1', { ...body(), phoneNumber: '+14155552673' });
    expect(afterExpiry.status).toBe(201);
    expect(afterExpiry.body.data.id).not.toBe(retried.body.data.id);
  });
});
