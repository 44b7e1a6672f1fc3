/**
 * A default server (SQLite, in-memory rate limit, no metrics) loads none of the packages only other
 * set-ups use: pg, the Redis client, the shared rate-limit stores, prom-client. Their code would
 * otherwise sit in every server's memory (the Redis client alone is ~500 modules). Each start runs
 * in a process of its own, so what one loads cannot hide what another does.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const child = fileURLToPath(new URL('./support/loaded-packages-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'outdial-lazy-'));

async function packagesLoaded(options: { metrics: boolean }): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', child, JSON.stringify({ dbPath: join(dir, `${options.metrics}.db`), ...options })],
    { cwd: fileURLToPath(new URL('..', import.meta.url)) },
  );
  return JSON.parse(stdout) as string[];
}

describe('dependencies loaded only when used', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts a default server without pg, the Redis client, the shared rate-limit stores or prom-client', async () => {
    const loaded = await packagesLoaded({ metrics: false });
    // It did load CommonJS packages (better-sqlite3 at least): the list is not empty by mistake.
    expect(loaded).toContain('better-sqlite3');
    for (const name of [
      'pg',
      '@redis/client',
      'rate-limit-redis',
      '@acpr/rate-limit-postgresql',
      'prom-client',
    ])
      expect(loaded).not.toContain(name);
  });

  it('loads prom-client once metrics are on', async () => {
    expect(await packagesLoaded({ metrics: true })).toContain('prom-client');
  });
});
