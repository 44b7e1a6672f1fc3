/**
 * @module
 * The Node.js version the CLI needs. better-sqlite3's native binding is built for Node 22.12+;
 * on older Node it crashes the process without a message when the database opens, so the CLI
 * checks first (see `src/cli.ts`). This module imports nothing, so it can run on any Node.
 */

/** Keep in step with `engines.node` in package.json. */
export const MINIMUM_NODE_VERSION = '22.12';

/** The message to exit with when `version` (like `process.versions.node`) is too old, else undefined. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor = 0, minMinor = 0] = MINIMUM_NODE_VERSION.split('.').map(Number);
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return undefined;
  return `outdial needs Node.js ${MINIMUM_NODE_VERSION} or newer (this is Node.js ${version})`;
}
