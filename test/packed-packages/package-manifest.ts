/**
 * @module
 * What a published `package.json` promises: its entry points, the files it names, and the
 * dependency specifiers a registry install must understand.
 */

/** The fields of a `package.json` these checks read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly optionalDependencies?: Readonly<Record<string, string>>;
}

/** One import specifier a consumer may use, such as `@outdial/contract/testing`. */
export interface EntryPoint {
  readonly specifier: string;
  /** It has a `require` condition, so CommonJS code loads it with `require()`. */
  readonly requirable: boolean;
  /**
   * TypeScript's `moduleResolution: node10` finds its types: node10 ignores `exports`, so only a
   * package root with a top-level `types` resolves there.
   */
  readonly node10: boolean;
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

function hasCondition(value: unknown, condition: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, nested]) => key === condition || hasCondition(nested, condition));
}

/** The entry points of `exports` (without `./package.json`), or the package itself without one. */
export function entryPoints(manifest: PackageManifest): EntryPoint[] {
  const { exports } = manifest;
  const subpaths =
    typeof exports === 'object' &&
    exports !== null &&
    Object.keys(exports).every((key) => key.startsWith('.'))
      ? Object.entries(exports)
      : [['.', exports] as const];
  return subpaths
    .filter(([subpath]) => subpath !== './package.json')
    .map(([subpath, target]) => ({
      specifier: subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`,
      requirable: exports === undefined || hasCondition(target, 'require'),
      node10: subpath === '.' && manifest.types !== undefined,
    }));
}

/** Every file `main`, `module`, `types`, `bin` and `exports` point to, relative to the package root. */
export function filesNamedByManifest(manifest: PackageManifest): string[] {
  const named = [manifest.main, manifest.module, manifest.types, ...stringsIn(manifest.bin)];
  const exported = stringsIn(manifest.exports);
  return [...new Set([...named, ...exported])]
    .filter((path): path is string => path !== undefined)
    .map((path) => path.replace(/^\.\//, ''))
    .sort();
}

/** Specifiers only pnpm understands (`workspace:`, `catalog:`), as `name@specifier`. */
export function pnpmOnlySpecifiers(manifest: PackageManifest): string[] {
  return DEPENDENCY_FIELDS.flatMap((field) => Object.entries(manifest[field] ?? {}))
    .filter(([, specifier]) => /^(workspace|catalog):/.test(specifier))
    .map(([name, specifier]) => `${name}@${specifier}`);
}

/** The packages the published files may import: its dependencies, peers and optional dependencies. */
export function runtimeDependencies(manifest: PackageManifest): Set<string> {
  return new Set(
    [manifest.dependencies, manifest.peerDependencies, manifest.optionalDependencies].flatMap((field) =>
      Object.keys(field ?? {}),
    ),
  );
}
