/**
 * How to test your own code with @outdial/mock: no server, no LiveKit, no phone calls.
 *
 * `remindCustomer` stands for your application code. The mock answers the real API's requests
 * (validated against the same openapi.yaml), keeps calls in memory, and moves them along the same
 * outcome table as the LiveKit emulator: +15005550001 is busy, +15005550002 never answers.
 */
import { createOutdialMock } from '@outdial/mock';
import { BadRequestError, Outdial } from '@outdial/sdk';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

// --- your application code -------------------------------------------------------------------
async function remindCustomer(outdial: Outdial, agentId: string, customer: { id: string; phone: string }) {
  const call = await outdial.calls.create(
    { agentId, phoneNumber: customer.phone, metadata: { customerId: customer.id, reason: 'renewal' } },
    { idempotencyKey: `renewal-reminder-${customer.id}` },
  );
  const final = await outdial.calls.waitForTerminalStatus(call.id, { minDelayMs: 1, maxDelayMs: 1 });
  return final.status === 'completed' ? 'reached' : `retry later (${final.status})`;
}
// ----------------------------------------------------------------------------------------------

// 'onPoll' moves a call one step each time it is read: deterministic, and as fast as the test.
const mock = createOutdialMock({ baseUrl: 'https://api.outdial.test', progression: 'onPoll' });
const server = setupServer(...mock.handlers);
const outdial = new Outdial({ apiKey: mock.apiKey, baseUrl: mock.baseUrl });

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => mock.reset());
afterAll(() => server.close());

describe('remindCustomer', () => {
  it('reports a reached customer', async () => {
    expect(await remindCustomer(outdial, mock.agents.voice.id, { id: 'c1', phone: '+14155552671' })).toBe(
      'reached',
    );
    const [call] = mock.calls.list();
    expect(call?.metadata).toMatchObject({ customerId: 'c1', reason: 'renewal' });
  });

  it('asks to retry a busy customer', async () => {
    expect(await remindCustomer(outdial, mock.agents.voice.id, { id: 'c2', phone: '+15005550001' })).toBe(
      'retry later (busy)',
    );
  });

  it('places one call even when the reminder job runs twice', async () => {
    await remindCustomer(outdial, mock.agents.voice.id, { id: 'c3', phone: '+14155552671' });
    await remindCustomer(outdial, mock.agents.voice.id, { id: 'c3', phone: '+14155552671' });
    expect(mock.calls.list()).toHaveLength(1);
  });

  it('gets the same validation errors as the real API', async () => {
    const error = await remindCustomer(outdial, mock.agents.voice.id, { id: 'c4', phone: '555-1234' }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('Validation error: Phone number must be in E.164 format (+1234567890)');
  });
});
