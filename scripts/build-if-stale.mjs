// Builds the workspace (`pnpm build`) only when some package's dist/ is missing or older than what
// it is built from: its src/ (tests aside), package.json, tsup.config.ts, tsconfig.json and the
// root openapi.yaml. `git pull` gives the files it changes a fresh mtime, so they count as newer.
// Used by `pnpm start`, `pnpm demo` and the CLI tests; `node scripts/build-if-stale.mjs` runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGE_INPUTS = ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json'];
const isTest = (name) => /\.test\.[cm]?tsx?$/.test(name);

/** Every file under `path` (or `path` itself), with its mtime in ms. */
function* files(path) {
  if (!existsSync(path)) return;
  const stat = statSync(path);
  if (!stat.isDirectory()) {
    yield { path, mtimeMs: stat.mtimeMs };
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || isTest(entry.name)) continue;
    yield* files(join(path, entry.name));
  }
}

/**
 * Why the workspace at `root` needs a build, or undefined when every dist/ is fresh. dist/ is
 * judged by its oldest file: tsup empties it and writes every file on each build.
 */
export function staleReason(root = ROOT) {
  const shared = [...files(join(root, 'openapi.yaml'))];
  for (const name of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const built = [...files(join(dir, 'dist'))];
    if (built.length === 0) return `${relative(root, dir)}/dist is missing`;
    const builtAt = Math.min(...built.map((file) => file.mtimeMs));
    const inputs = [...shared, ...PACKAGE_INPUTS.flatMap((input) => [...files(join(dir, input))])];
    const newer = inputs.find((file) => file.mtimeMs > builtAt);
    if (newer) return `${relative(root, newer.path)} changed since ${relative(root, dir)}/dist was built`;
  }
  return undefined;
}

/**
 * Runs `pnpm build` when {@link staleReason} finds a reason (or `force`), its output going to
 * stderr. @returns whether it built. @throws when the build fails.
 */
export function buildIfStale({ root = ROOT, force = false } = {}) {
  const reason = force ? 'a rebuild was asked for' : staleReason(root);
  if (!reason) return false;
  console.error(`Building the workspace: ${reason}…`);
  const result = spawnSync('pnpm', ['build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`pnpm build failed (${result.error?.message ?? `exit code ${result.status}`})`);
  }
  return true;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) buildIfStale();
