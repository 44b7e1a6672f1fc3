/**
 * @module
 * Where a worker thread's module is. Built (dist/), it is the bundle tsup writes beside the
 * server's own (tsup.config.ts lists each worker as an entry). Run from the TypeScript sources
 * (tests, tsx), it is the .ts file beside its caller, loaded through tsx as the rest is, with the
 * tsconfig's paths resolving the workspace packages to their sources, as for the caller.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * @param name the worker's module name without extension (its tsup entry)
 * @param callerUrl the caller's `import.meta.url`: the source module sits beside it
 */
export function workerEntry(name: string, callerUrl: string): { url: URL; options: WorkerOptions } {
  const built = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(fileURLToPath(built))) return { url: built, options: {} };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return {
    url: new URL(`./${name}.ts`, callerUrl),
    options: {
      execArgv: ['--import', tsx],
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
      },
    },
  };
}
