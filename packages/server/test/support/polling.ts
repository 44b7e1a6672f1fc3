/**
 * @module
 * Waiting for the system under test to get somewhere, with no timed assertions: the test's own
 * timeout bounds every wait (vi.waitFor's is set far beyond it).
 */
import { TERMINAL_STATUSES } from '@outdial/contract';
import { vi } from 'vitest';
import type { StoreDatabase } from '../../src/store/testing-hooks';

const UNTIL_THE_TEST_TIMES_OUT = { timeout: 10 * 60_000, interval: 10 };

/** Resolves once `condition` holds. */
export async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  await vi.waitFor(async () => {
    if (!(await condition())) throw new Error('condition not met yet');
  }, UNTIL_THE_TEST_TIMES_OUT);
}

/** Resolves once no call is left in a non-terminal status. */
export async function waitForAllTerminal(db: StoreDatabase): Promise<void> {
  await waitUntil(async () => {
    const open = await db
      .selectFrom('calls')
      .select('id')
      .where('status', 'not in', [...TERMINAL_STATUSES])
      .limit(1)
      .execute();
    return open.length === 0;
  });
}
