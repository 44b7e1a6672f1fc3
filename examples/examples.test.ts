/**
 * Runs every example against the real server (with the LiveKit emulator in-process), so none of
 * them can rot.
 */
import type { RunningServer } from '@outdial/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkCampaign } from './bulk-campaign';
import { cancelQueued } from './cancel-queued';
import { clickToCall } from './click-to-call';
import type { ExampleEnv } from './example-env';
import { startExampleServer } from './example-server';
import { quickstart } from './quickstart';

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

  it('bulk-campaign runs 200 calls through the queue to a table of outcomes', async () => {
    output = [];
    const { finals, outcomes } = await bulkCampaign(env, 200, { isTTY: false, write: () => true });
    expect(finals).toHaveLength(200);
    expect(outcomes.get('busy')).toBe(10);
    expect(outcomes.get('no_answer')).toBe(10);
    expect(outcomes.get('failed')).toBe(10);
    expect(outcomes.get('completed')).toBe(170);
    expect(output.join('\n')).toContain('| outcome | calls |');
  }, 120_000);
});
