import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { BenchRow } from '../support/bench-result';
import { round } from '../support/stats';

const USAGES = {
  '@outdial/sdk: calls.create + waitForTerminalStatus': `
    import { Outdial } from '@outdial/sdk';
    const outdial = new Outdial({ apiKey: 'key', baseUrl: 'https://api.example.test' });
    const call = await outdial.calls.create({ agentId: 'a', phoneNumber: '+14155552671' });
    console.log(await outdial.calls.waitForTerminalStatus(call.id));
  `,
  'openapi-fetch alone: one POST': `
    import createClient from 'openapi-fetch';
    const client = createClient({ baseUrl: 'https://api.example.test' });
    console.log(await client.POST('/api/v1/calls/outbound', { body: { agentId: 'a', phoneNumber: '+14155552671' } }));
  `,
};

/** The same recipe as the peer table: esbuild --bundle --minify, then gzip -9. */
async function minGzipBytes(source: string): Promise<number> {
  // Inside test/, so the imports resolve as in an app that installed both packages.
  const dir = mkdtempSync(fileURLToPath(new URL('../.size-', import.meta.url)));
  try {
    const entry = join(dir, 'entry.mjs');
    writeFileSync(entry, source);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
    });
    return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).byteLength;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function sdkSize(): Promise<BenchRow[]> {
  const [ours, alone] = await Promise.all(Object.values(USAGES).map(minGzipBytes));
  const kb = (bytes: number) => round(bytes / 1000, 2);
  return [
    {
      scenario: 'SDK size (esbuild min + gzip)',
      metric: Object.keys(USAGES)[0] as string,
      value: `${kb(ours as number)} kB`,
      target: '≤ 8 kB',
      met: (ours as number) <= 8000,
    },
    {
      scenario: 'SDK size (esbuild min + gzip)',
      metric: Object.keys(USAGES)[1] as string,
      value: `${kb(alone as number)} kB`,
      note: `@outdial/sdk adds ${kb((ours as number) - (alone as number))} kB to openapi-fetch`,
    },
  ];
}
