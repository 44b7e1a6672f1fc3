import { readdirSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

// The mock ships the contract to browsers (msw's setupWorker): no module may reach for Node.
it('imports no Node module and uses no Node global', () => {
  const sources = readdirSync(new URL('.', import.meta.url), { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  );
  expect(sources.length).toBeGreaterThan(10);
  for (const file of sources) {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    expect(source, file).not.toMatch(/from ['"](node:|fs|path|crypto|buffer)/);
    expect(source, file).not.toMatch(/\b(Buffer|process|require)\b[.(]/);
  }
});
