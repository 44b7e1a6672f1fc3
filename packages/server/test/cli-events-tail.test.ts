/**
 * `outdial events tail` as a real child process from dist/ (rebuilt here only if its sources
 * changed), beside an `outdial serve --emulate-livekit` on the same SQLite file: the server's
 * commits reach the tail through the database alone.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { MAGIC_NUMBERS } from '@outdial/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageDir, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'outdial-events-tail-'));
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, OUTDIAL_DB_PATH: join(dir, 'outdial.db'), LOG_LEVEL: 'warn' }).filter(
    ([name]) => !name.startsWith('LIVEKIT_'),
  ),
);

/** Every child started, killed at the end even when a test failed before it could. */
const children = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  /** Resolves once what the child printed satisfies `ready` (rejects if it exits first). */
  until(ready: (output: { stdout: string; stderr: string }) => boolean): Promise<void>;
  exited: Promise<number | null>;
}

function start(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [cli, ...args], { cwd: packageDir, env: { ...env, ...extraEnv } });
  children.add(child);
  const output = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      children.delete(child);
      resolve(code);
      for (const waiter of [...waiters]) waiter();
    }),
  );
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream]?.on('data', (chunk: Buffer) => {
      output[stream] += chunk.toString();
      for (const waiter of [...waiters]) waiter();
    });
  }
  const until = (ready: (o: typeof output) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ready(output)) {
          waiters.delete(check);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          waiters.delete(check);
          reject(new Error(`outdial ${args.join(' ')} exited first:\n${output.stdout}\n${output.stderr}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { child, output, until, exited };
}

async function outdial(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, ...args], {
      cwd: packageDir,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A tail that has fixed its starting point: everything committed after this is printed. */
async function tail(...args: string[]): Promise<Started> {
  const started = start(['events', 'tail', ...args]);
  await started.until(({ stderr }) => stderr.includes('Ctrl-C stops.'));
  return started;
}

let server: { url: string; key: string; agentId: string; organizationId: string };

beforeAll(async () => {
  const script = fileURLToPath(new URL('../../../scripts/build-if-stale.mjs', import.meta.url));
  const { buildIfStale } = (await import(pathToFileURL(script).href)) as { buildIfStale: () => boolean };
  buildIfStale();
  const serve = start(['serve', '--port', '0', '--emulate-livekit']);
  await serve.until(({ stdout }) => stdout.includes('node --import tsx examples/quickstart.ts\n'));
  const { stdout } = serve.output;
  server = {
    url: stdout.match(/listening on (http:\/\/\S+) /)?.[1] as string,
    key: stdout.match(/API key: +(od_\w+)/)?.[1] as string,
    agentId: stdout.match(/Agent: +([0-9a-f-]{36})/)?.[1] as string,
    organizationId: stdout.match(/Organization: +(\S+)/)?.[1] as string,
  };
}, 180_000);

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function placeCall(phoneNumber: string): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/calls/outbound`, {
    method: 'POST',
    headers: { 'x-api-key': server.key, 'content-type': 'application/json' },
    body: JSON.stringify({ agentId: server.agentId, phoneNumber }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

const linesOf = (stdout: string) => stdout.split('\n').filter((line) => line !== '');
/** How a text line names an event of a call: its type, padded to the longest, then the call id. */
const named = (type: string, callId: string) => `${type.padEnd(15)}  ${callId}`;

describe('outdial events tail', { timeout: 60_000 }, () => {
  it("prints the organization's events from now on, one line each, and stops on SIGINT with 0", async () => {
    const before = await placeCall('+14155552671');
    const running = await tail('--org', server.organizationId);
    const answered = await placeCall('+14155552672');
    const busy = await placeCall(MAGIC_NUMBERS.busy);
    await running.until(
      ({ stdout }) =>
        stdout.includes(named('call.completed', answered)) && stdout.includes(named('call.busy', busy)),
    );

    const lines = linesOf(running.output.stdout);
    // From now on: the call placed before the tail started shows only what happened to it since.
    expect(lines.some((line) => line.includes(before) && line.includes('call.queued'))).toBe(false);
    const ofAnswered = lines.filter((line) => line.includes(answered));
    expect(ofAnswered.map((line) => line.split(/ +/)[1])).toEqual([
      'call.queued',
      'call.connecting',
      'call.ringing',
      'call.active',
      'call.completed',
    ]);
    expect(ofAnswered[0]).toMatch(
      new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  ${named('call.queued', answered)}  \\+14155552672$`),
    );
    const busyLine = lines.find((line) => line.includes(named('call.busy', busy))) as string;
    // The failure reason follows the phone number.
    expect(busyLine).toMatch(new RegExp(`${busy}  \\${MAGIC_NUMBERS.busy}  \\S`));

    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  });

  it('with --json prints each event exactly as the events API returns it, and --type filters', async () => {
    const running = await tail('--json', '--type', 'call.queued', '--type', 'call.completed');
    const id = await placeCall('+14155552673');
    await running.until(({ stdout }) => stdout.includes('"type":"call.completed"') && stdout.includes(id));
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);

    const printed = linesOf(running.output.stdout).map(
      (line) => JSON.parse(line) as { data: { id: string } },
    );
    const ofCall = printed.filter((event) => event.data.id === id);
    const response = await fetch(`${server.url}/api/v1/calls/${id}/events`, {
      headers: { 'x-api-key': server.key },
    });
    const { data } = (await response.json()) as { data: { events: { type: string }[] } };
    expect(ofCall).toEqual(
      data.events.filter((event) => event.type === 'call.queued' || event.type === 'call.completed'),
    );
    expect(ofCall).toHaveLength(2);
  });

  it('refuses an unknown --type, and a missing --org when there are several organizations', async () => {
    const badType = await outdial('events', 'tail', '--type', 'call.answered');
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain(
      'outdial events tail: --type must be one of call.scheduled, call.queued, call.connecting',
    );
    expect(badType.stderr).toContain('got "call.answered"');

    expect((await outdial('orgs', 'create', 'Second')).code).toBe(0);
    const noOrg = await outdial('events', 'tail');
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('--org is required: there are 2 organizations');
  });
});
