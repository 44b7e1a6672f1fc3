/**
 * Every ```ts block in this package's README runs, as a user would paste it: a snippet that no
 * longer matches the exports fails here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const dir = mkdtempSync(join(tmpdir(), 'outdial-contract-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README snippets', () => {
  it('has one', () => {
    expect(snippets).toHaveLength(1);
  });

  it('runs the first and prints the error envelope and an outcome', async () => {
    const file = join(dir, 'snippet-0.ts');
    writeFileSync(file, snippets[0] as string);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
      const printed = log.mock.calls;
      expect(printed[0]?.[0]).toBe(400);
      expect(JSON.parse(printed[0]?.[1] as string)).toMatchObject({
        error: {
          code: 400,
          type: 'call_not_cancellable',
          message: 'Cannot cancel call with status: completed',
        },
      });
      expect(printed[1]?.[0]).toMatchObject({ kind: 'no_answer' });
    } finally {
      log.mockRestore();
    }
  });
});
