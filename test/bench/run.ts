/**
 * `pnpm bench`: every scenario against the real server over HTTP with the LiveKit emulator,
 * each in its own process. Prints one table and writes it, with machine info, to BENCHMARKS.md.
 * Speed figures are only compared within this run (ratios against a baseline measured now):
 * these machines are noisy.
 *
 * Run a subset with `pnpm bench pacing latency events priority batches http ladder replicas
 * memory size` (`ladder`: server CPU per request up a ladder of HTTP layers; `pacing-webhooks`:
 * only the CPS 50 pacing runs, without and with two webhook endpoints, from either thread;
 * `batches-drain` and `pacing-plain`: only the 1,000-call batch draining at CPS 50 and the plain
 * bursts at CPS 50 and 200).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { batchCampaign, batchDrainPacing } from './scenarios/batch-campaign';
import { dialLatency } from './scenarios/dial-latency';
import { eventLatency } from './scenarios/event-latency';
import { floorLadder } from './scenarios/floor-ladder';
import { httpThroughput } from './scenarios/http-throughput';
import { memoryUnderBacklog } from './scenarios/memory-under-backlog';
import {
  CHECKPOINT_PACING_RUNS,
  PLAIN_PACING_RUNS,
  pacingAccuracy,
  WEBHOOK_PACING_RUNS,
  WEBHOOK_PACING_RUNS_POSTGRES,
} from './scenarios/pacing-accuracy';
import { priorityUnderBacklog } from './scenarios/priority-under-backlog';
import { replicasBench } from './scenarios/replicas';
import { sdkSize } from './scenarios/sdk-size';
import type { BenchRow } from './support/bench-result';
import { machineInfo } from './support/machine-info';

const SCENARIOS: Record<string, () => Promise<BenchRow[]>> = {
  pacing: () => pacingAccuracy(),
  // Only the CPS 50 runs, plain and with two webhook endpoints: what delivering webhooks costs.
  'pacing-webhooks': () => pacingAccuracy(WEBHOOK_PACING_RUNS),
  // The same on PostgreSQL (needs createdb/dropdb and a server at OUTDIAL_BENCH_POSTGRES_URL).
  'pacing-webhooks-postgres': () => pacingAccuracy(WEBHOOK_PACING_RUNS_POSTGRES),
  latency: () => dialLatency(),
  // Committed → SSE client and → webhook received, on each store.
  events: async () => [
    // Each store with its default webhook dispatch, then SQLite with the worker it does not use.
    ...(await eventLatency(50, 200)),
    ...(await eventLatency(50, 200, { database: 'postgres' })),
    ...(await eventLatency(50, 200, { webhookDispatch: 'worker' })),
  ],
  priority: () => priorityUnderBacklog(),
  // Issue 14: accepting a 10,000-call batch, pacing while one drains, a single call behind one.
  batches: () => batchCampaign(),
  // Only the pacer's own questions, quick enough to repeat old against new: the 1,000-call batch
  // draining at CPS 50, and the plain 1,000-call bursts at CPS 50 and 200.
  'batches-drain': () => batchDrainPacing(),
  'pacing-plain': () => pacingAccuracy(PLAIN_PACING_RUNS),
  // The CPS 200 burst with the WAL checkpointed inline, then on the server's checkpoint thread.
  'pacing-checkpoints': () => pacingAccuracy(CHECKPOINT_PACING_RUNS),
  http: () => httpThroughput(),
  // Server CPU per request of Express 5 with Outdial's layers added one by one, up to the server.
  ladder: () => floorLadder(),
  // Issue 13: POST/s over 1–3 PostgreSQL replicas, leader failover, pacing across replicas.
  replicas: () => replicasBench(),
  // Only its pacing question: 1,000 calls round-robin over 3 PostgreSQL replicas at CPS 50.
  'replicas-pacing': () => replicasBench(['pacing']),
  memory: () => memoryUnderBacklog(),
  size: () => sdkSize(),
};

const chosen = process.argv.slice(2).filter((name) => name in SCENARIOS);
const names = chosen.length > 0 ? chosen : Object.keys(SCENARIOS);
const rows: BenchRow[] = [];
const started = performance.now();
for (const name of names) {
  const scenarioStart = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  try {
    rows.push(...(await (SCENARIOS[name] as () => Promise<BenchRow[]>)()));
  } catch (error) {
    rows.push({
      scenario: name,
      metric: 'error',
      value: '—',
      met: false,
      note: String(error instanceof Error ? error.message : error),
    });
  }
  process.stderr.write(`bench: ${name} took ${((performance.now() - scenarioStart) / 1000).toFixed(1)} s\n`);
}

const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? '✅ met' : '❌ missed');
const cell = (text: string | undefined) => (text ?? '').replaceAll('|', '\\|');
const table = [
  '| scenario | metric | value | target | result | note |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${cell(r.scenario)} | ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.target)} | ${mark(r.met)} | ${cell(r.note)} |`,
  ),
].join('\n');
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
console.log(table);

if (chosen.length === 0) {
  const doc = `# Benchmarks

Written by \`pnpm bench\` (test/bench/) on ${new Date().toISOString().slice(0, 10)}, in ${minutes} min.

Machine: ${machineInfo()}.

Every scenario runs the real server over HTTP, with the LiveKit emulator and the load generator each in a
process of their own. Pacing is judged on the emulator's monotonic clock (\`performance.now()\` on arrival of
each CreateSIPParticipant). Speed figures are only meaningful as ratios within one run.

${table}
`;
  writeFileSync(fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url)), doc);
  console.error('bench: wrote BENCHMARKS.md');
}
