import { measureSdkSize, SDK_SIZE_TARGET_BYTES, SIZE_USAGES } from '../../../packages/sdk/test/bundle-size';
import type { BenchRow } from '../support/bench-result';
import { round } from '../support/stats';

/**
 * The SDK's bundle size by the one recipe the packaging test also asserts
 * (packages/sdk/test/bundle-size.ts): the two can no longer disagree. Measures the built package,
 * which `pnpm bench` builds first.
 */
export async function sdkSize(): Promise<BenchRow[]> {
  const { sdk, openapiFetch } = await measureSdkSize();
  const kb = (bytes: number) => round(bytes / 1000, 2);
  return [
    {
      scenario: 'SDK size (esbuild min + gzip)',
      metric: SIZE_USAGES.sdk.label,
      value: `${kb(sdk)} kB (${sdk} B)`,
      target: `≤ ${kb(SDK_SIZE_TARGET_BYTES)} kB`,
      met: sdk <= SDK_SIZE_TARGET_BYTES,
    },
    {
      scenario: 'SDK size (esbuild min + gzip)',
      metric: SIZE_USAGES.openapiFetch.label,
      value: `${kb(openapiFetch)} kB (${openapiFetch} B)`,
      note: `@outdial/sdk adds ${kb(sdk - openapiFetch)} kB to openapi-fetch`,
    },
  ];
}
