/**
 * An environment variable, where the runtime has one. Browsers and edge workers have no
 * `process`; Deno throws when env access is not permitted. Either way: undefined.
 */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    return env?.[name]?.trim() || undefined;
  } catch {
    return undefined;
  }
}
