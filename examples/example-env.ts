/**
 * What every example needs: an Outdial server, an API key and a voice agent. `pnpm start` prints
 * all three on first start; export them before running an example:
 *
 *   export OUTDIAL_BASE_URL=http://127.0.0.1:3000 OUTDIAL_API_KEY=od_… OUTDIAL_AGENT_ID=…
 *   node --import tsx examples/quickstart.ts
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ExampleEnv {
  baseUrl: string;
  apiKey: string;
  agentId: string;
  /** Where the example prints (the tests capture it). */
  log?: (line: string) => void;
}

export function exampleEnvFromProcess(): ExampleEnv {
  const { OUTDIAL_BASE_URL, OUTDIAL_API_KEY, OUTDIAL_AGENT_ID } = process.env;
  if (!OUTDIAL_API_KEY || !OUTDIAL_AGENT_ID) {
    throw new Error(
      'Set OUTDIAL_API_KEY and OUTDIAL_AGENT_ID (and OUTDIAL_BASE_URL); `pnpm start` prints them.',
    );
  }
  return {
    baseUrl: OUTDIAL_BASE_URL ?? 'http://127.0.0.1:3000',
    apiKey: OUTDIAL_API_KEY,
    agentId: OUTDIAL_AGENT_ID,
  };
}

/**
 * True when the module is the script node was asked to run (not imported by a test). Compared as
 * real paths: a URL's pathname is percent-encoded (a space is `%20`), and either side may have
 * come through a symlink.
 */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
