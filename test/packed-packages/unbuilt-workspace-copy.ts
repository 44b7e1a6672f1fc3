/**
 * @module
 * A copy of the workspace as a fresh clone has it: the root files and every publishable package,
 * without `dist/`. Packing the copy proves that `prepack` builds each package, and leaves the
 * working tree's `dist/` alone while other suites read it.
 *
 * Nothing is installed again. pnpm's `node_modules` hold relative symlinks, copied as they are:
 * workspace links then land on the copied packages, and links into the virtual store go through
 * the copy's `node_modules/.pnpm`, a link to the real one.
 */
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A package that `pnpm pack` publishes. */
export interface PublishablePackage {
  readonly name: string;
  readonly version: string;
  /** Its folder in the copy. */
  readonly dir: string;
}

/**
 * Copies `root` into `dest` without build output and returns its publishable packages
 * (`packages/*` not marked `private`).
 */
export function copyUnbuiltWorkspace(root: string, dest: string): PublishablePackage[] {
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(root)) {
    if (lstatSync(join(root, name)).isFile()) cpSync(join(root, name), join(dest, name));
  }
  copyDirectory(root, dest, 'node_modules');
  symlinkSync(join(root, 'node_modules', '.pnpm'), join(dest, 'node_modules', '.pnpm'));

  const packages: PublishablePackage[] = [];
  for (const folder of readdirSync(join(root, 'packages'))) {
    const source = join(root, 'packages', folder);
    const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    const dir = join(dest, 'packages', folder);
    // Private ones too: a publishable package may build from them (the server ships the console).
    copyDirectory(root, dest, join('packages', folder));
    if (manifest.private === true) continue;
    packages.push({ name: manifest.name, version: manifest.version, dir });
  }
  return packages;
}

function copyDirectory(root: string, dest: string, subpath: string): void {
  cpSync(join(root, subpath), join(dest, subpath), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => isInFreshClone(relative(root, path).split(sep)),
  });
}

// Leaves out build output, and node_modules' dot entries (the virtual store, pnpm's state files,
// caches) except `.bin`, whose shims the scripts run.
function isInFreshClone(segments: readonly string[]): boolean {
  const at = segments.indexOf('node_modules');
  if (at === -1) return !segments.some((segment) => segment === 'dist' || segment === 'coverage');
  const entry = segments[at + 1];
  return !entry?.startsWith('.') || entry === '.bin';
}
