/**
 * Runs an example the way the README says, `node --import tsx examples/quickstart.ts`, as a child
 * process from a directory whose path has a space: `isMain` must still see that it is the script.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { RunningServer } from '@outdial/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExampleServer } from './example-server';

const examplesDir = fileURLToPath(new URL('.', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
let server: RunningServer;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  let apiKey: string;
  let agentId: string;
  ({ server, apiKey, agentId } = await startExampleServer('Script Inc'));
  env = { ...process.env, OUTDIAL_BASE_URL: server.url, OUTDIAL_API_KEY: apiKey, OUTDIAL_AGENT_ID: agentId };

  dir = mkdtempSync(join(tmpdir(), 'outdial examples '));
  for (const file of ['quickstart.ts', 'example-env.ts', 'package.json']) {
    copyFileSync(join(examplesDir, file), join(dir, file));
  }
  // The workspace's path aliases resolve @outdial/sdk to its sources, so no build is needed.
  const baseConfig = fileURLToPath(new URL('../tsconfig.base.json', import.meta.url));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: baseConfig }));
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an example run as a script', () => {
  it('runs from a path with a space in it', async () => {
    expect(dir).toContain(' ');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, 'quickstart.ts'], {
      cwd: dir,
      env,
    });
    expect(stdout).toMatch(/^queued {3}call_/m);
    expect(stdout).toMatch(/^final {4}completed/m);
  }, 60_000);
});
