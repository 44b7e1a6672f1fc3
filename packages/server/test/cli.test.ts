/**
 * The `outdial` CLI as a real child process, run from dist/ as installed (`pnpm test` builds
 * first; the workspace is rebuilt here only if its sources changed since): provisioning, listing
 * and revoking, `--help` everywhere, unknown commands, and `serve` with and without the emulator.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageDir, 'dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'outdial-cli-'));
const dbPath = join(dir, 'data', 'outdial.db');
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, OUTDIAL_DB_PATH: dbPath, LOG_LEVEL: 'warn' }).filter(
    ([name]) => !name.startsWith('LIVEKIT_'),
  ),
);
/** A Node.js older than the CLI needs, where the machine has one (the CI image keeps Node 20 there). */
const OLD_NODE = '/usr/bin/node';

beforeAll(async () => {
  const script = fileURLToPath(new URL('../../../scripts/build-if-stale.mjs', import.meta.url));
  const { buildIfStale } = (await import(pathToFileURL(script).href)) as { buildIfStale: () => boolean };
  buildIfStale();
}, 180_000);
/** Every `serve` started, killed at the end even when a test failed before it could. */
const servers = new Set<ChildProcess>();
afterAll(() => {
  for (const child of servers) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Output {
  stdout: string;
  stderr: string;
}

interface Result extends Output {
  code: number;
}

async function run(node: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [cli, ...args], {
      cwd: packageDir,
      env: { ...env, ...extraEnv },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as Result;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const outdial = (...args: string[]) => run(process.execPath, args);

/** Starts `outdial serve`, resolving once `ready` says what it printed is enough. */
function serve(args: string[], ready: (output: Output) => boolean, extraEnv: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], {
    cwd: packageDir,
    env: { ...env, ...extraEnv },
  });
  servers.add(child);
  child.on('exit', () => servers.delete(child));
  return new Promise<{ child: ChildProcess; stdout: string; stderr: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const check = () => {
      if (ready({ stdout, stderr })) resolve({ child, stdout, stderr });
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.on('exit', (code) =>
      reject(new Error(`outdial serve exited with ${code} before it was ready:\n${stdout}\n${stderr}`)),
    );
  });
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', resolve));
const DEMO_READY = ({ stdout }: Output) => stdout.includes('node --import tsx examples/quickstart.ts\n');

describe('outdial CLI', { timeout: 60_000 }, () => {
  it.skipIf(!existsSync(OLD_NODE))(
    'refuses Node.js older than 22.12 with a message, not a crash',
    async () => {
      const version = (await promisify(execFile)(OLD_NODE, ['-p', 'process.versions.node'])).stdout.trim();
      if (Number(version.split('.')[0]) >= 22) return; // not an old Node on this machine
      const result = await run(OLD_NODE, ['migrate']);
      expect(result).toMatchObject({
        code: 1,
        stderr: `outdial needs Node.js 22.12 or newer (this is Node.js ${version})\n`,
      });
    },
  );

  it('creates an organization, a key (printed once) and agents', async () => {
    expect((await outdial('migrate')).stdout).toMatch(/Applied: 0001-initial-schema|up to date/);
    const org = await outdial('orgs', 'create', 'Acme', 'Inc');
    expect(org).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Created organization "Acme Inc" \(org_/),
    });
    const key = await outdial('keys', 'create', '--org', 'Acme Inc');
    expect(key.code).toBe(0);
    expect(key.stdout).toMatch(/API key \(shown once, store it now\): od_[0-9A-Za-z]{32}/);
    const agent = await outdial(
      'agents',
      'create',
      '--org',
      'Acme Inc',
      '--name',
      'Bot',
      '--phone',
      '+14155551234',
      '--inactive',
    );
    expect(agent.stdout).toMatch(/Created inactive voice agent "Bot"/);
    const bad = await outdial('agents', 'create', '--org', 'Acme Inc', '--name', 'Bot', '--phone', '555');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--phone must be in E.164 format');
    const noOrg = await outdial('keys', 'create', '--org', 'Nobody');
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('No organization with id or name "Nobody"');
  });

  it('says an organization name is taken instead of printing the SQLite error', async () => {
    expect((await outdial('orgs', 'create', 'Taken')).code).toBe(0);
    const again = await outdial('orgs', 'create', 'Taken');
    expect(again).toMatchObject({
      code: 1,
      stderr: 'outdial orgs create: An organization named "Taken" already exists\n',
    });
  });

  it('refuses a voice agent without a phone number, and says so in its help', async () => {
    await outdial('orgs', 'create', 'Phoneless');
    const voice = await outdial('agents', 'create', '--org', 'Phoneless', '--name', 'Mute');
    expect(voice.code).toBe(2);
    expect(voice.stderr).toContain('outdial agents create: a voice agent needs at least one --phone <E.164>');
    expect(voice.stderr).toContain(
      'Usage: outdial agents create --org <name|id> --name <name> --phone <E.164>',
    );
    const chat = await outdial(
      'agents',
      'create',
      '--org',
      'Phoneless',
      '--name',
      'Chatty',
      '--type',
      'chat',
    );
    expect(chat.stdout).toMatch(/Created active chat agent "Chatty"/);
    const help = await outdial('agents', 'create', '--help');
    expect(help.stdout).toContain('a voice agent (the default type) needs at least one --phone');
    expect(help.stdout).toMatch(/--phone <value> +.*\(required for a voice agent\)/);
  });

  it('lists organizations, keys (never the key itself) and agents, and revokes keys', async () => {
    await outdial('orgs', 'create', 'Listed');
    const created = await outdial('keys', 'create', '--org', 'Listed');
    const secret = created.stdout.match(/od_\w+/)?.[0] as string;
    const keyId = created.stdout.match(/Key id: (key_\w+)/)?.[1] as string;
    await outdial('agents', 'create', '--org', 'Listed', '--name', 'Caller', '--phone', '+14155550100');

    const orgs = await outdial('orgs', 'list');
    expect(orgs.stdout).toMatch(/^ID +NAME +CREATED\n/);
    expect(orgs.stdout).toMatch(/^org_\w+ +Listed +\d{4}-\d\d-\d\dT/m);

    const keys = await outdial('keys', 'list', '--org', 'Listed');
    expect(keys.stdout).toMatch(/^ID +KEY +CREATED +REVOKED\n/);
    expect(keys.stdout).toMatch(new RegExp(`^${keyId} +${secret.slice(0, 8)}… +\\S+ +-$`, 'm'));
    expect(keys.stdout).not.toContain(secret);

    const agents = await outdial('agents', 'list', '--org', 'Listed');
    expect(agents.stdout).toMatch(/^ID +NAME +TYPE +STATUS +PHONE NUMBERS\n/);
    expect(agents.stdout).toMatch(/^[0-9a-f-]{36} +Caller +voice +active +\+14155550100$/m);

    const revoked = await outdial('keys', 'revoke', keyId);
    expect(revoked).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked API key ${keyId}`) });
    expect((await outdial('keys', 'revoke', keyId)).stdout).toContain('was already revoked at');
    expect((await outdial('keys', 'list', '--org', 'Listed')).stdout).toMatch(
      new RegExp(`^${keyId} +\\S+ +\\S+ +\\d{4}-\\d\\d-\\d\\dT\\S+$`, 'm'),
    );
    expect(await outdial('keys', 'revoke', 'key_nope')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No API key with id "key_nope"'),
    });
  });

  it('has --help on every command and every group', async () => {
    const commands = [
      ['serve'],
      ['migrate'],
      ['orgs', 'create'],
      ['orgs', 'list'],
      ['keys', 'create'],
      ['keys', 'list'],
      ['keys', 'revoke'],
      ['agents', 'create'],
      ['agents', 'list'],
      ['trunks', 'list'],
      ['trunks', 'set'],
      ['trunks', 'unset'],
    ];
    const menus = [[], ['orgs'], ['keys'], ['agents'], ['trunks']];
    const results = await Promise.all([...commands, ...menus].map((words) => outdial(...words, '--help')));
    const expectedUsage = [
      ...commands.map((words) => words.join(' ')),
      ...menus.map((words) => [...words, '<command>'].join(' ')),
    ];
    expectedUsage.forEach((usage, i) => {
      expect(results[i]?.code).toBe(0);
      expect(results[i]?.stdout).toContain(`Usage: outdial ${usage}`);
    });
    const keysMenu = results[commands.length + 2]?.stdout;
    expect(keysMenu).toMatch(/^ {2}keys create +Creates an API key/m);
    expect(keysMenu).toMatch(/^ {2}keys list +Lists an organization's API keys/m);
    expect(keysMenu).toMatch(/^ {2}keys revoke +Revokes an API key/m);
    expect(keysMenu).not.toContain('orgs create');
  });

  it("sets, lists and unsets a SIP trunk's budget, and refuses bad ones", async () => {
    const set = await outdial('trunks', 'set', 'ST_cli', '--cps', '25');
    expect(set).toMatchObject({ code: 0 });
    expect(set.stdout).toContain('Trunk ST_cli: 25 CPS. A running server applies it within 5 s.');
    const listed = await outdial('trunks', 'list');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^TRUNK +CPS +QUEUED +LEADER$/m);
    expect(listed.stdout).toMatch(/^ST_cli +25 +0 +-$/m);
    expect(listed.stdout).toMatch(/^default \(default trunk\) +10 \(DIAL_CPS\) +\d+ +-$/m);
    for (const [args, message] of [
      [['ST_cli', '--cps', '0'], '--cps must be an integer from 1 to 10000, got 0'],
      [['ST_cli', '--cps', '2.5'], '--cps must be an integer from 1 to 10000, got 2.5'],
      [['ST_cli'], '--cps is required'],
      [['--cps', '5'], 'name the trunk'],
      [['x'.repeat(129), '--cps', '5'], 'SIP trunk ID must be 1 to 128 characters'],
    ] as const) {
      const refused = await outdial('trunks', 'set', ...args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(message);
    }
    expect((await outdial('trunks', 'unset', 'ST_cli')).stdout).toContain('Trunk ST_cli: back to DIAL_CPS.');
    expect((await outdial('trunks', 'unset', 'ST_cli')).stdout).toContain('had no budget of its own');
    expect((await outdial('trunks', 'list')).stdout).not.toContain('ST_cli');
  });

  it('names an unknown command before the usage (exit code 2)', async () => {
    const unknown = await outdial('foo', 'bar');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown command: outdial foo bar\n\nUsage: outdial <command>/);
    const unknownInGroup = await outdial('keys', 'rotate', '--org', 'Acme');
    expect(unknownInGroup.code).toBe(2);
    expect(unknownInGroup.stderr).toMatch(
      /^Unknown command: outdial keys rotate\n\nUsage: outdial keys <command>/,
    );
    const bareGroup = await outdial('keys');
    expect(bareGroup).toMatchObject({ code: 2, stderr: expect.stringContaining('keys revoke') });
  });

  it('refuses invalid configuration with a clear error that echoes the value', async () => {
    const result = await run(process.execPath, ['serve'], {
      DIAL_CPS: 'fast',
      LOG_LEVEL: 'verbose',
      OUTDIAL_CORS_ORIGINS: 'app.example.com',
    });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('DIAL_CPS must be an integer from 1 to 10000 (got "fast")');
    expect(result.stderr).toContain(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    );
    expect(result.stderr).toContain('OUTDIAL_CORS_ORIGINS must be * or comma-separated origins');
  });

  it('serve without LiveKit warns how to configure it, and a key revoked by the CLI stops working at once with the key cache off', async () => {
    await outdial('orgs', 'create', 'Revokers');
    const created = await outdial('keys', 'create', '--org', 'Revokers');
    const key = created.stdout.match(/od_\w+/)?.[0] as string;
    const id = created.stdout.match(/Key id: (key_\w+)/)?.[1] as string;

    const server = await serve(
      [],
      ({ stdout, stderr }) => stdout.includes('"url":') && stderr.includes('use the built-in emulator'),
      // Revoked in another process (the CLI): with the default 5 s cache it would keep working
      // that long (http-basics.test.ts proves the window with a clock).
      { LOG_LEVEL: 'info', OUTDIAL_API_KEY_CACHE_SECONDS: '0' },
    );
    expect(server.stderr).toContain(
      'LiveKit is not configured (set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET, or pass ' +
        '--emulate-livekit to use the built-in emulator): POST /api/v1/calls/outbound answers 500 ' +
        'livekit_not_configured',
    );
    const url = server.stdout.match(/"url":"(http:\/\/[^"]+)"/)?.[1];
    const listCalls = () => fetch(`${url}/api/v1/calls`, { headers: { 'x-api-key': key } });
    expect((await listCalls()).status).toBe(200);
    await outdial('keys', 'revoke', id);
    expect((await listCalls()).status).toBe(401);

    server.child.kill('SIGTERM');
    expect(await exitCode(server.child)).toBe(0);
  });

  it('serve --emulate-livekit refuses a non-loopback host unless --allow-public-emulator', async () => {
    const refused = await run(process.execPath, [
      'serve',
      '--port',
      '0',
      '--emulate-livekit',
      '--host',
      '0.0.0.0',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'outdial serve: --emulate-livekit only binds to localhost, 127.0.0.0/8 or ::1 (got host "0.0.0.0")',
    );
    expect(refused.stderr).toContain('Pass --allow-public-emulator');
    const fromEnv = await run(process.execPath, ['serve', '--port', '0', '--emulate-livekit'], {
      HOST: '::',
    });
    expect(fromEnv).toMatchObject({ code: 2, stderr: expect.stringContaining('(got host "::")') });

    const allowed = await serve(
      ['--emulate-livekit', '--host', '0.0.0.0', '--allow-public-emulator'],
      DEMO_READY,
    );
    expect(allowed.stdout).toContain('Outdial is listening on http://127.0.0.1:');
    allowed.child.kill('SIGTERM');
    expect(await exitCode(allowed.child)).toBe(0);
  });

  it('serve --emulate-livekit prints demo data that works, keeps it across restarts, and stops on SIGTERM', async () => {
    const first = await serve(['--emulate-livekit'], DEMO_READY);
    const url = first.stdout.match(/listening on (http:\/\/\S+) /)?.[1];
    const key = first.stdout.match(/API key: +(od_\w+)/)?.[1];
    const agentId = first.stdout.match(/Agent: +([0-9a-f-]{36})/)?.[1];
    expect(first.stdout).toContain('curl -s -X POST');
    expect(first.stdout).toContain(
      `  export OUTDIAL_BASE_URL=${url} OUTDIAL_API_KEY=${key} OUTDIAL_AGENT_ID=${agentId}\n`,
    );
    const demo = JSON.parse(readFileSync(join(dir, 'data', 'demo.json'), 'utf8'));
    expect(demo).toEqual({ organizationId: expect.any(String), apiKey: key, agentId });

    const created = await fetch(`${url}/api/v1/calls/outbound`, {
      method: 'POST',
      headers: { 'x-api-key': key as string, 'content-type': 'application/json' },
      body: JSON.stringify({ agentId, phoneNumber: '+14155552671' }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await exitCode(first.child)).toBe(0);

    const second = await serve(['--emulate-livekit'], DEMO_READY);
    expect(second.stdout).toContain(`API key:      ${key}`);
    second.child.kill('SIGTERM');
    expect(await exitCode(second.child)).toBe(0);
  });
});
