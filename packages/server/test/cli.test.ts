/**
 * The `outdial` CLI as a real child process: provisioning commands, `--help` everywhere, and
 * `serve --emulate-livekit` (the embedded default) with its demo data and graceful SIGTERM.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const cli = join(packageDir, 'src/cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'outdial-cli-'));
const dbPath = join(dir, 'data', 'outdial.db');
const env = { ...process.env, OUTDIAL_DB_PATH: dbPath, LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function outdial(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      {
        cwd: packageDir,
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Starts `outdial serve`, resolving with the demo banner once it is printed. */
function serve(...args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', ...args], {
    cwd: packageDir,
    env,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Then watch it go')) resolve({ child, banner: out });
    });
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) =>
      reject(new Error(`outdial serve exited with ${code} before it was ready:\n${out}`)),
    );
  });
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', resolve));

// Each command is a fresh Node process compiling TypeScript: seconds, not milliseconds, on a busy box.
describe('outdial CLI', { timeout: 60_000 }, () => {
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

  it('has --help on every command', async () => {
    const commands = [
      [],
      ['serve'],
      ['migrate'],
      ['orgs', 'create'],
      ['keys', 'create'],
      ['agents', 'create'],
    ];
    const results = await Promise.all(commands.map((command) => outdial(...command, '--help')));
    commands.forEach((command, i) => {
      expect(results[i]?.code).toBe(0);
      expect(results[i]?.stdout).toContain(
        `Usage: outdial ${command.length ? command.join(' ') : '<command>'}`,
      );
    });
  });

  it('refuses invalid configuration with a clear error', async () => {
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, 'serve'], {
      cwd: packageDir,
      env: { ...env, DIAL_CPS: 'fast' },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(result).toMatchObject({
      code: 78,
      stderr: expect.stringContaining('DIAL_CPS must be an integer'),
    });
  });

  it('serve --emulate-livekit prints demo data that works, keeps it across restarts, and stops on SIGTERM', async () => {
    const first = await serve('--emulate-livekit');
    const url = first.banner.match(/listening on (http:\/\/\S+) /)?.[1];
    const key = first.banner.match(/API key: +(od_\w+)/)?.[1];
    const agentId = first.banner.match(/Agent: +([0-9a-f-]{36})/)?.[1];
    expect(first.banner).toContain('curl -s -X POST');
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

    const second = await serve('--emulate-livekit');
    expect(second.banner).toContain(`API key:      ${key}`);
    second.child.kill('SIGTERM');
    expect(await exitCode(second.child)).toBe(0);
  });
});
