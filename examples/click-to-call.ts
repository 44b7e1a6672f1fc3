/**
 * Click-to-call from a CRM: priority 0 jumps the Dial queue, and the metadata travels with the
 * call to the agent. The Idempotency-Key (here derived from the CRM's click) makes a double click
 * or a retry place one call, not two.
 *
 *   node --import tsx examples/click-to-call.ts
 */
import { Outdial } from '@outdial/sdk';
import { type ExampleEnv, exampleEnvFromProcess, isMain } from './example-env';

export async function clickToCall(
  { baseUrl, apiKey, agentId, log = console.log }: ExampleEnv,
  contact = { id: 'contact_42', name: 'Ada Lovelace', phone: '+14155552671' },
) {
  const outdial = new Outdial({ apiKey, baseUrl });
  const click = { contactId: contact.id, clickedAt: new Date().toISOString().slice(0, 16) };

  const params = {
    agentId,
    phoneNumber: contact.phone,
    priority: 0,
    metadata: { contactId: contact.id, contactName: contact.name, source: 'crm_click_to_call' },
    variables: { first_name: contact.name.split(' ')[0] ?? contact.name },
  };
  const idempotencyKey = `click-${click.contactId}-${click.clickedAt}`;
  const call = await outdial.calls.create(params, { idempotencyKey });
  // The same click delivered twice: the server replays the first response.
  const again = await outdial.calls.create(params, { idempotencyKey });
  log(`call ${call.id} (priority ${call.metadata.priority}); the repeated click returned ${again.id}`);

  const live = await outdial.calls.waitForStatus(
    call.id,
    ['active', 'completed', 'failed', 'busy', 'no_answer'],
    {
      timeoutMs: 30_000,
      minDelayMs: 100,
      maxDelayMs: 500,
    },
  );
  log(`${contact.name} is ${live.status === 'active' ? 'on the line' : live.status}; room ${live.roomId}`);
  return { call, again, live };
}

if (isMain(import.meta.url)) await clickToCall(exampleEnvFromProcess());
