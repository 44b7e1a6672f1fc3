/**
 * Cancel a call while it still waits in the Dial queue: it is removed from the queue and never
 * dialed. A burst larger than the trunk's calls-per-second budget keeps the last call queued for
 * a moment, long enough to cancel it.
 *
 *   node --import tsx examples/cancel-queued.ts
 */
import { Outdial } from '@outdial/sdk';
import { type ExampleEnv, exampleEnvFromProcess, isMain } from './example-env';

export async function cancelQueued({ baseUrl, apiKey, agentId, log = console.log }: ExampleEnv, burst = 30) {
  const outdial = new Outdial({ apiKey, baseUrl });

  const calls = await Promise.all(
    Array.from({ length: burst }, (_, i) =>
      outdial.calls.create({ agentId, phoneNumber: `+1415555${String(1000 + i)}`, priority: 10 }),
    ),
  );
  const last = calls.at(-1);
  if (!last) throw new Error('no call placed');
  const before = await outdial.calls.get(last.id);
  log(
    `${last.id} is ${before.status}${before.queuePosition ? `, position ${before.queuePosition} in the queue` : ''}`,
  );

  const cancelled = await outdial.calls.cancel(last.id);
  const after = await outdial.calls.get(last.id);
  log(`cancelled: ${cancelled.status}; LiveKit room ${after.roomId ?? 'never created'}`);

  // Tidy up: the rest of the burst is cancelled too, whatever state it reached.
  await Promise.allSettled(calls.slice(0, -1).map((c) => outdial.calls.cancel(c.id)));
  return { before, after };
}

if (isMain(import.meta.url)) await cancelQueued(exampleEnvFromProcess());
