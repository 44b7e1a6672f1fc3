/**
 * A campaign: 200 calls at once. The Dial queue paces them to the trunk's calls-per-second
 * budget; this prints a live progress bar and, at the end, a table of outcomes. The numbers mix
 * in the LiveKit emulator's test numbers, so a demo shows busy, unanswered and failed calls too.
 *
 *   node --import tsx examples/bulk-campaign.ts
 */
import { type Call, Outdial } from '@outdial/sdk';
import { type ExampleEnv, exampleEnvFromProcess, isMain } from './example-env';

/** The emulator's test numbers (see packages/livekit-emulator): busy, no answer, trunk failure. */
const TEST_NUMBERS = ['+15005550001', '+15005550002', '+15005550003'] as const;

export function campaignNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => TEST_NUMBERS[i % 20] ?? `+1415555${String(2000 + i)}`);
}

export async function bulkCampaign(
  { baseUrl, apiKey, agentId, log = console.log }: ExampleEnv,
  count = 200,
  out: { isTTY?: boolean; write(chunk: string): unknown } = process.stdout,
) {
  const outdial = new Outdial({ apiKey, baseUrl });
  const numbers = campaignNumbers(count);
  const started = Date.now();

  const queued = await Promise.all(
    numbers.map((phoneNumber, i) =>
      outdial.calls.create({ agentId, phoneNumber, metadata: { campaign: 'spring-renewals', row: i } }),
    ),
  );
  log(`queued ${queued.length} calls in ${Date.now() - started} ms`);

  const dialed = new Set<string>();
  const ended = new Set<string>();
  const progress = () => {
    const width = 40;
    const filled = Math.round((ended.size / count) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] dialed ${dialed.size}/${count}, ended ${ended.size}/${count}`;
    if (out.isTTY) out.write(`\r${line}`);
    return line;
  };
  const finals: Call[] = await Promise.all(
    queued.map((call) =>
      outdial.calls.waitForTerminalStatus(call.id, {
        timeoutMs: 10 * 60_000,
        minDelayMs: 250,
        maxDelayMs: 1_000,
        onStatusChange: (c) => {
          if (c.status !== 'queued') dialed.add(c.id);
          if (['completed', 'failed', 'cancelled', 'no_answer', 'busy'].includes(c.status)) ended.add(c.id);
          progress();
        },
      }),
    ),
  );
  if (out.isTTY) out.write('\n');
  log(progress());

  const outcomes = new Map<string, number>();
  for (const call of finals) outcomes.set(call.status, (outcomes.get(call.status) ?? 0) + 1);
  log(`\n| outcome | calls |\n|---|---|`);
  for (const [status, n] of [...outcomes].sort((a, b) => b[1] - a[1])) log(`| ${status} | ${n} |`);
  log(`\n${count} calls ended in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { finals, outcomes };
}

if (isMain(import.meta.url)) await bulkCampaign(exampleEnvFromProcess());
