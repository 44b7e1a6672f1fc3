/**
 * What every example needs: an Outdial server, an API key and a voice agent. `pnpm start` prints
 * all three on first start; export them before running an example:
 *
 *   export OUTDIAL_BASE_URL=http://127.0.0.1:3000 OUTDIAL_API_KEY=od_… OUTDIAL_AGENT_ID=…
 *   node --import tsx examples/quickstart.ts
 */
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

/** True when the module is the script node was asked to run (not imported by a test). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && new URL(moduleUrl).pathname === process.argv[1];
}
