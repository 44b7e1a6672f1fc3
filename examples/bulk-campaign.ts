/**
 * A campaign as one batch: 200 contacts, dialed only inside a calling window, at most 20 live at
 * once, busy and unanswered contacts tried a second time. The server paces the dials, retries and
 * keeps the counters; this only watches them, printing a progress bar and, at the end, a table of
 * outcomes. The numbers mix in the LiveKit emulator's test numbers, so a demo shows busy,
 * unanswered and failed calls too.
 *
 *   node --import tsx examples/bulk-campaign.ts
 */
import { type Batch, type BatchCounters, type CallingWindow, Outdial } from '@outdial/sdk';
import { type ExampleEnv, exampleEnvFromProcess, isMain } from './example-env';

/** The emulator's test numbers (see packages/livekit-emulator): busy, no answer, trunk failure. */
const TEST_NUMBERS = ['+15005550001', '+15005550002', '+15005550003'] as const;
const CAMPAIGN = 'spring-renewals';
/** The contacts' local time zone: the window is read in it, wherever the server runs. */
const TIMEZONE = 'America/New_York';

export function campaignNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => TEST_NUMBERS[i % 20] ?? `+1415555${String(2000 + i)}`);
}

/** `HH:MM` on the wall clock of `timeZone` at `at`. */
function localTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/**
 * A real campaign names fixed hours, `{ timezone, start: '09:00', end: '20:00', days: [1, 2, 3, 4, 5] }`,
 * and calls outside them wait as `scheduled` until the next opening. So that this demo dials
 * whenever it is run, its window opens at the minute it starts and stays open two hours (a window
 * ending before it starts crosses midnight, which the server handles).
 */
function demoCallingWindow(startedAt: Date, timezone = TIMEZONE): CallingWindow {
  const end = new Date(startedAt.getTime() + 2 * 3_600_000);
  return {
    timezone,
    start: localTime(startedAt, timezone),
    end: localTime(end, timezone),
    days: [1, 2, 3, 4, 5, 6, 7],
  };
}

/** Contacts with a final result: every counter but the ones still waiting or live. */
function doneCount(c: BatchCounters): number {
  return c.completed + c.busy + c.noAnswer + c.failed + c.cancelled;
}

export async function bulkCampaign(
  { baseUrl, apiKey, agentId, log = console.log }: ExampleEnv,
  count = 200,
  out: { isTTY?: boolean; write(chunk: string): unknown } = process.stdout,
) {
  const outdial = new Outdial({ apiKey, baseUrl });
  const startedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const run = `${CAMPAIGN}-${startedAt.toISOString().slice(0, 16)}`;

  const batch = await outdial.batches.create(
    {
      name: `Spring renewals (${count} contacts)`,
      agentId,
      callingWindow: demoCallingWindow(startedAt),
      retry: { maxAttempts: 2, on: ['busy', 'no_answer'], delaySeconds: 2 },
      maxConcurrentCalls: 20,
      metadata: { campaign: CAMPAIGN },
      calls: campaignNumbers(count).map((phoneNumber, row) => ({ phoneNumber, metadata: { row } })),
    },
    // The run's own key, and the request is a function of it (the window starts at the same
    // minute): a job runner that retries this script within the minute gets this batch back
    // instead of starting a second campaign. (The SDK's own retries of the POST reuse a key anyway.)
    { idempotencyKey: run },
  );
  log(`batch ${batch.id}: ${batch.counters.total} contacts, ${batch.status}`);

  const snapshots: Batch[] = [];
  const progress = ({ status, counters: c }: Batch) => {
    const width = 40;
    const filled = Math.round((doneCount(c) / c.total) * width);
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${doneCount(c)} / ${c.total} done · ` +
      `${c.inProgress} live, ${c.queued + c.scheduled} waiting, ${c.retrying} to retry · ${status}`
    );
  };
  const final = await outdial.batches.waitForCompletion(batch.id, {
    timeoutMs: 30 * 60_000,
    minDelayMs: 250,
    maxDelayMs: 1_000,
    onProgress: (b) => {
      snapshots.push(b);
      if (out.isTTY) out.write(`\r${progress(b)}`);
    },
  });
  if (out.isTTY) out.write('\n');
  log(progress(final));

  // Each contact counted once, by its last attempt: a busy contact that answered its retry is
  // `completed`, one that was busy twice is `busy`.
  const c = final.counters;
  const outcomes = new Map<string, number>(
    (
      [
        ['completed', c.completed],
        ['busy', c.busy],
        ['no_answer', c.noAnswer],
        ['failed', c.failed],
        ['cancelled', c.cancelled],
      ] as const
    ).filter(([, n]) => n > 0),
  );
  log(`\n| outcome | contacts |\n|---|---|`);
  for (const [status, n] of [...outcomes].sort((a, b) => b[1] - a[1])) log(`| ${status} | ${n} |`);
  const seconds = (Date.parse(final.completedAt ?? final.updatedAt) - Date.parse(final.createdAt)) / 1000;
  log(`\n${c.total} contacts ${final.status} in ${seconds.toFixed(1)} s`);
  return { batch: final, snapshots, outcomes };
}

if (isMain(import.meta.url)) await bulkCampaign(exampleEnvFromProcess());
