/**
 * @module
 * Test helper: poll a condition until it holds (no timed assertions; vitest's own timeout bounds it).
 */

/** Resolves once `condition()` is true, checking every `intervalMs`. */
export async function waitUntil(condition: () => boolean, intervalMs = 5): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
