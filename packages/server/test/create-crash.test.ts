/**
 * A 201 means the call is committed, also with group commit (store/sqlite/group-commit.ts): the
 * server in a real process, killed with SIGKILL while creates are in flight, some of them in a
 * group not yet committed. Started again on the same file, it has every call it answered 201 for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildWebhookServer, startChildWebhookServer } from './support/child-webhook-server';

const dir = mkdtempSync(join(tmpdir(), 'outdial-create-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Requests kept in flight at once: several groups' worth, so the kill lands inside one. */
const IN_FLIGHT = 48;
/** The kill comes right after this many 201s, with the rest of the creates still in flight. */
const KILL_AFTER = 60;

describe('creates across a SIGKILL', () => {
  it('keeps every call it answered 201 for', async () => {
    const dbPath = join(dir, 'outdial.db');
    let first: ChildWebhookServer | undefined;
    let second: ChildWebhookServer | undefined;
    try {
      first = await startChildWebhookServer({ dbPath, seed: true });
      const { url, apiKey = '', agentId } = first;
      const headers = { 'x-api-key': apiKey, 'content-type': 'application/json' };
      const answered: string[] = [];
      let killed = false;
      const server = first;
      const create = async (): Promise<void> => {
        while (!killed) {
          const response = await fetch(`${url}/api/v1/calls/outbound`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ agentId, phoneNumber: '+14155552671' }),
          }).catch(() => undefined);
          if (!response || killed) return;
          const body = (await response.json()) as { data: { id: string } };
          expect(response.status).toBe(201);
          answered.push(body.data.id);
          if (answered.length >= KILL_AFTER) {
            // At once, in the turn the 201 arrived in: the other creates are mid-request.
            killed = true;
            server.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, create));
      expect(await first.exited).toBe('SIGKILL');
      expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);

      second = await startChildWebhookServer({ dbPath, seed: false });
      const missing: string[] = [];
      for (const id of answered) {
        const response = await fetch(`${second.url}/api/v1/calls/${id}`, { headers });
        await response.arrayBuffer();
        if (response.status !== 200) missing.push(id);
      }
      expect(missing).toEqual([]);
    } finally {
      first?.kill('SIGKILL');
      second?.kill('SIGTERM');
      await second?.exited;
    }
  }, 120_000);
});
