import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, runLoad } from '../support/autocannon';
import type { BenchRow } from '../support/bench-result';
import { placeCall, startBenchStack } from '../support/bench-stack';
import { startIpcChild } from '../support/child-process-ipc';
import { round } from '../support/stats';

const CONNECTIONS = 16;
const DURATION_S = 8;

/**
 * Requests/s and latency of POST /calls/outbound and GET /calls/{id}, loaded by autocannon from
 * its own process, against a bare Express 5 + better-sqlite3 baseline measured in the same run.
 */
export async function httpThroughput(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'outdial-baseline-'));
  const baseline = await startIpcChild(
    fileURLToPath(new URL('../support/baseline-server.ts', import.meta.url)),
  );
  const stack = await startBenchStack({ dialCps: 50, talkMs: 20 });
  try {
    const { url: baseUrl } = await baseline.call<{ url: string }>('start', {
      dbPath: join(dir, 'baseline.db'),
    });
    const body = JSON.stringify({
      agentId: stack.server.agentId,
      phoneNumber: '+14155552671',
      metadata: { crm: 'x' },
    });
    const json = { 'content-type': 'application/json' };
    const auth = { 'x-api-key': stack.server.apiKey };

    const post = (url: string, headers: Record<string, string>) =>
      runLoad({
        url: `${url}/api/v1/calls/outbound`,
        method: 'POST',
        headers,
        body,
        connections: CONNECTIONS,
        durationSeconds: DURATION_S,
      });
    const baselinePost = await post(baseUrl, json);
    const outdialPost = await post(stack.server.url, { ...json, ...auth });

    const baselineCall = (await (
      await fetch(`${baseUrl}/api/v1/calls/outbound`, { method: 'POST', headers: json, body })
    ).json()) as { data: { id: string } };
    const outdialCall = await placeCall(stack);
    const get = (url: string, headers: Record<string, string>) =>
      runLoad({ url, method: 'GET', headers, connections: CONNECTIONS, durationSeconds: DURATION_S });
    const baselineGet = await get(`${baseUrl}/api/v1/calls/${baselineCall.data.id}`, {});
    const outdialGet = await get(`${stack.server.url}/api/v1/calls/${outdialCall.id}`, auth);

    rows.push(...compare('POST /api/v1/calls/outbound', outdialPost, baselinePost));
    rows.push(...compare('GET /api/v1/calls/{id}', outdialGet, baselineGet));
  } finally {
    await stack.stop();
    await baseline.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function compare(endpoint: string, outdial: LoadResult, baseline: LoadResult): BenchRow[] {
  const scenario = `HTTP ${endpoint} (${CONNECTIONS} connections, ${DURATION_S} s)`;
  const ratio = outdial.requestsPerSecond / baseline.requestsPerSecond;
  const failures = outdial.non2xx + outdial.errors;
  return [
    {
      scenario,
      metric: 'Outdial requests/s (p50 / p99 latency)',
      value: `${round(outdial.requestsPerSecond, 0)} (${outdial.p50} / ${outdial.p99} ms)`,
      note: failures ? `${failures} non-2xx or errors of ${outdial.total}` : undefined,
    },
    {
      scenario,
      metric: 'baseline requests/s (p50 / p99 latency)',
      value: `${round(baseline.requestsPerSecond, 0)} (${baseline.p50} / ${baseline.p99} ms)`,
      note: 'bare Express 5 + better-sqlite3, no validation, auth or queue',
    },
    {
      scenario,
      metric: 'Outdial ÷ baseline',
      value: `${round(ratio, 2)}`,
      target: '≥ 0.5',
      met: ratio >= 0.5 && failures === 0,
      note:
        ratio >= 0.5
          ? undefined
          : 'Cause (CPU profile of the server under this load): express-openapi-validator takes about a quarter of each request (route lookup, security, request validation), kysely query building and SQLite about another quarter (a create is two transactions and three call events; a GET of a queued call counts the calls ahead of it for queuePosition, O(backlog)), auth a SHA-256 and a lookup per request; the baseline runs one prepared statement',
    },
  ];
}
