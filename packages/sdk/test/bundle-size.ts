/**
 * @module
 * The one recipe for the SDK's bundle-size target, used by both places that report it: the
 * packaging test (`built-package.test.ts`, which fails above the target) and the benchmark
 * (`test/bench/scenarios/sdk-size.ts`, which prints it). They used to carry a copy each, and the
 * copies drifted apart (one entry had a `baseUrl`, one limit was 8 × 1024 B), so the same build
 * passed one and missed the other.
 *
 * The recipe is the user-facing one, as the README's table states it: an app's entry that calls
 * `calls.create` and `calls.waitForTerminalStatus`, bundled against the built package (what npm
 * installs: package.json `exports`, dist/), with `esbuild --bundle --minify`, then gzip -9.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** 8 kB in decimal bytes, as the target is stated and reported (kB, not KiB). */
export const SDK_SIZE_TARGET_BYTES = 8_000;

/** The entries measured: what an app writes. */
export const SIZE_USAGES = {
  sdk: {
    label: '@outdial/sdk: calls.create + waitForTerminalStatus',
    source: `import { Outdial } from '@outdial/sdk';
const outdial = new Outdial({ apiKey: 'key', baseUrl: 'https://api.example.test' });
const call = await outdial.calls.create({ agentId: 'a', phoneNumber: '+14155552671' });
console.log(await outdial.calls.waitForTerminalStatus(call.id));
`,
  },
  openapiFetch: {
    label: 'openapi-fetch alone: one POST',
    source: `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://api.example.test' });
console.log(await client.POST('/api/v1/calls/outbound', { body: { agentId: 'a', phoneNumber: '+14155552671' } }));
`,
  },
} as const;

const pkgDir = join(import.meta.dirname, '..');

/** `source` bundled by the recipe, from an app folder `resolveDir`, in min+gzip bytes. */
export async function minGzipBytes(source: string, resolveDir: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir, sourcefile: 'entry.mjs' },
    bundle: true,
    minify: true,
    format: 'esm',
    // What an app's bundler uses for a web app, the smallest build a user can get. The SDK has no
    // platform-specific code, so 'neutral' (and 'node') give the same bytes today; 'browser' is
    // the one that would pick up a `browser` condition if a dependency ever added one.
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).byteLength;
}

/**
 * Both usages' bytes, from a throwaway app whose node_modules hold this package (its dist/, so
 * build it first) and the openapi-fetch it depends on. The app sits in the OS temp folder, outside
 * the repository: no tsconfig `paths` there to send `@outdial/sdk` to the sources instead.
 */
export async function measureSdkSize(): Promise<{ sdk: number; openapiFetch: number }> {
  const app = mkdtempSync(join(tmpdir(), 'outdial-sdk-size-'));
  try {
    mkdirSync(join(app, 'node_modules/@outdial'), { recursive: true });
    symlinkSync(pkgDir, join(app, 'node_modules/@outdial/sdk'), 'dir');
    symlinkSync(
      realpathSync(join(pkgDir, 'node_modules/openapi-fetch')),
      join(app, 'node_modules/openapi-fetch'),
      'dir',
    );
    const [sdk, openapiFetch] = await Promise.all([
      minGzipBytes(SIZE_USAGES.sdk.source, app),
      minGzipBytes(SIZE_USAGES.openapiFetch.source, app),
    ]);
    return { sdk, openapiFetch };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
