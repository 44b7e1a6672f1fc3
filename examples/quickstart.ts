/**
 * Quickstart: place a call, watch its status change, print the final call.
 *
 *   node --import tsx examples/quickstart.ts
 */
import { Outdial } from '@outdial/sdk';
import { type ExampleEnv, exampleEnvFromProcess, isMain } from './example-env';

export async function quickstart({ baseUrl, apiKey, agentId, log = console.log }: ExampleEnv) {
  const outdial = new Outdial({ apiKey, baseUrl });

  const call = await outdial.calls.create({ agentId, phoneNumber: '+14155552671' });
  log(`queued   ${call.id} → ${call.phoneNumber} from ${call.callerId}`);

  const started = Date.now();
  const final = await outdial.calls.waitForTerminalStatus(call.id, {
    timeoutMs: 60_000,
    minDelayMs: 100,
    maxDelayMs: 500,
    onStatusChange: (c) => log(`${((Date.now() - started) / 1000).toFixed(2).padStart(6)} s  ${c.status}`),
  });

  log(`final    ${final.status}, ${final.duration ?? 0} s talked, room ${final.roomId}`);
  return final;
}

if (isMain(import.meta.url)) await quickstart(exampleEnvFromProcess());
