/**
 * scripts/build-if-stale.mjs, which `pnpm start`, `pnpm demo` and the CLI tests run before using
 * dist/: it rebuilds when any package's dist/ is missing or older than its sources, and only then.
 * Run over a throwaway workspace whose files' mtimes the tests set.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let staleReason: (root: string) => string | undefined;
let root: string;

beforeAll(async () => {
  const script = fileURLToPath(new URL('../../../scripts/build-if-stale.mjs', import.meta.url));
  ({ staleReason } = await import(pathToFileURL(script).href));
});

/** Writes `path` under the workspace with its mtime `minutesAgo` minutes in the past. */
function file(path: string, minutesAgo: number) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const at = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(full, at, at);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'outdial-build-if-stale-'));
  file('openapi.yaml', 60);
  for (const name of ['sdk', 'server']) {
    file(`packages/${name}/package.json`, 60);
    file(`packages/${name}/tsup.config.ts`, 60);
    file(`packages/${name}/src/index.ts`, 50);
    file(`packages/${name}/dist/index.js`, 10);
    file(`packages/${name}/dist/index.d.ts`, 9);
  }
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleReason', () => {
  it('finds nothing to do when every dist/ is newer than its inputs', () => {
    expect(staleReason(root)).toBeUndefined();
  });

  it('rebuilds when a dist/ is missing', () => {
    rmSync(join(root, 'packages/server/dist'), { recursive: true });
    expect(staleReason(root)).toBe('packages/server/dist is missing');
  });

  it('rebuilds when a source, package.json, tsup.config.ts or openapi.yaml changed (as after git pull)', () => {
    for (const input of [
      'packages/server/src/cli/run-cli.ts',
      'packages/sdk/package.json',
      'packages/server/tsup.config.ts',
      'openapi.yaml',
    ]) {
      file(input, 0);
      expect(staleReason(root), input).toContain(`${input} changed since packages/`);
      file(input, 60);
    }
  });

  it('judges dist/ by its oldest file, and ignores tests beside the sources', () => {
    file('packages/sdk/src/index.ts', 9.5); // between the two dist files
    expect(staleReason(root)).toContain('packages/sdk/src/index.ts changed');
    file('packages/sdk/src/index.ts', 50);
    file('packages/sdk/src/index.test.ts', 0);
    expect(staleReason(root)).toBeUndefined();
  });
});
