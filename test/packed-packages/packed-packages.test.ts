/**
 * The published packages as a customer gets them. pnpm packs a copy of the workspace that has no
 * `dist/` (as a fresh clone), so every built file in a tarball comes from its `prepack`. npm
 * installs the tarballs into a project outside the workspace; `tsc` checks an import of every
 * entry point, strict with the declaration files checked too, under each `moduleResolution` a
 * customer may use (node16, nodenext, bundler, and node10 for the packages that offer it); Node
 * imports them, and every name a declaration file declares as a value must exist at run time.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CJS_ENTRY_FILE,
  type ConsumerProject,
  ESM_ENTRY_FILE,
  installConsumerProject,
  MODULE_RESOLUTIONS,
  type ModuleResolution,
} from './consumer-project';
import { declaredValueExports, programFromConfig } from './declared-value-exports';
import {
  type EntryPoint,
  entryPoints,
  filesNamedByManifest,
  type PackageManifest,
  pnpmOnlySpecifiers,
  runtimeDependencies,
} from './package-manifest';
import { packageImports } from './published-imports';
import { copyUnbuiltWorkspace, type PublishablePackage } from './unbuilt-workspace-copy';

const run = promisify(execFile);
const REPO_ROOT = join(import.meta.dirname, '..', '..');

interface PackedPackage extends PublishablePackage {
  readonly tarball: string;
  /** Paths in the tarball, relative to its `package/` folder. */
  readonly files: readonly string[];
  /** The `package.json` inside the tarball, as pnpm rewrote it. */
  readonly manifest: PackageManifest;
  readonly entryPoints: readonly EntryPoint[];
}

let work: string;
let packed: PackedPackage[];
let consumer: ConsumerProject;
/** The consumer's entry points as `tsc -p tsconfig.json` (nodenext) sees them. */
let program: ts.Program;
/** Each resolution's `tsc -p` errors ('' when it typechecks), started in beforeAll. */
const typechecks = new Map<ModuleResolution, Promise<string>>();

function tarballName({ name, version }: PublishablePackage): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

function describeTarball(pkg: PublishablePackage, tarballs: string): PackedPackage {
  const tarball = join(tarballs, tarballName(pkg));
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.startsWith('package/') && !line.endsWith('/'))
    .map((line) => line.slice('package/'.length));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  return { ...pkg, tarball, files, manifest, entryPoints: entryPoints(manifest) };
}

// The consumer uses the TypeScript and Node types the workspace builds and checks with.
function installedVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'outdial-packed-'));
  const workspace = join(work, 'workspace');
  const tarballs = join(work, 'tarballs');
  const publishable = copyUnbuiltWorkspace(REPO_ROOT, workspace);
  // One recursive pack: pnpm runs the prepacks in dependency order (the contract first: the
  // mock's, the emulator's and the server's declarations build against its own).
  await run(
    'pnpm',
    // One at a time: the server's prepack also builds the console and the SDK it bundles, which
    // must not race the SDK's own prepack over its dist/.
    [
      '-r',
      '--workspace-concurrency=1',
      ...publishable.flatMap((p) => ['--filter', p.name]),
      'pack',
      '--pack-destination',
      tarballs,
    ],
    {
      cwd: workspace,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error) => {
    throw new Error(`pnpm pack failed:\n${error.stdout}\n${error.stderr}`);
  });
  packed = publishable.map((pkg) => describeTarball(pkg, tarballs));
  consumer = await installConsumerProject(
    join(work, 'consumer'),
    {
      ...Object.fromEntries(packed.map((pkg) => [pkg.name, `file:${pkg.tarball}`])),
      typescript: installedVersion('typescript'),
      '@types/node': installedVersion('@types/node'),
    },
    packed.flatMap((pkg) => pkg.entryPoints),
  );
  // The resolutions' tsc runs start now, in child processes, one per core at a time (more would
  // only crowd the suites running beside this one); each typecheck test awaits its own.
  const lanes = Array.from({ length: availableParallelism() }, () => Promise.resolve(''));
  MODULE_RESOLUTIONS.forEach((resolution, index) => {
    const lane = index % lanes.length;
    const errors = (lanes[lane] as Promise<string>).then(() => consumer.typecheck(resolution));
    lanes[lane] = errors;
    typechecks.set(resolution, errors);
  });
  program = programFromConfig(consumer.configs.nodenext);
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('pnpm pack of a fresh clone', () => {
  it('packs every publishable package', () => {
    expect(packed.map((pkg) => pkg.name).sort()).toEqual([
      '@outdial/contract',
      '@outdial/livekit-emulator',
      '@outdial/mock',
      '@outdial/sdk',
      '@outdial/server',
    ]);
  });

  it('puts the built dist/ in each tarball, with every file package.json points to', () => {
    for (const pkg of packed) {
      expect(
        pkg.files.some((file) => file.startsWith('dist/')),
        pkg.name,
      ).toBe(true);
      const named = filesNamedByManifest(pkg.manifest);
      expect(
        named.filter((file) => !pkg.files.includes(file)),
        `${pkg.name}: named in package.json, missing from the tarball`,
      ).toEqual([]);
    }
  });

  it("ships the console's build inside the server, which serves it at /console", () => {
    const server = packed.find((pkg) => pkg.name === '@outdial/server');
    expect(server?.files).toContain('dist/console/index.html');
    expect(server?.files.some((file) => /^dist\/console\/assets\/.+\.js$/.test(file))).toBe(true);
  });

  it('rewrites workspace: and catalog: specifiers to versions', () => {
    for (const pkg of packed) expect(pnpmOnlySpecifiers(pkg.manifest), pkg.name).toEqual([]);
  });
});

describe('the installed packages', () => {
  it('import only their own dependencies, in code and in declarations', () => {
    for (const pkg of packed) {
      const allowed = runtimeDependencies(pkg.manifest).add(pkg.name);
      const installed = join(consumer.dir, 'node_modules', pkg.name);
      const undeclared = packageImports(installed, pkg.files).filter((i) => !allowed.has(i.packageName));
      expect(undeclared, `${pkg.name} imports packages it does not depend on`).toEqual([]);
    }
  });

  it.each(MODULE_RESOLUTIONS)(
    'typecheck when imported under moduleResolution %s: strict, declaration files checked (skipLibCheck off)',
    async (resolution) => {
      expect(await typechecks.get(resolution)).toBe('');
    },
    180_000,
  );

  // The contract declares top-level `types` too: the SDK's declaration build resolves it through
  // that field to inline the contract's types.
  it('resolve under node10 where they declare top-level types: the contract and the SDK', () => {
    expect([...consumer.node10Specifiers].sort()).toEqual(['@outdial/contract', '@outdial/sdk']);
  });

  it('have at run time every value their declaration files declare (import, and require where offered)', async () => {
    const declared = {
      import: declaredValueExports(program, join(consumer.dir, ESM_ENTRY_FILE)),
      require: declaredValueExports(program, join(consumer.dir, CJS_ENTRY_FILE)),
    };
    const runtime = await consumer.runtimeExports();
    const missing: Record<string, string[]> = {};
    for (const [mode, bySpecifier] of Object.entries(declared)) {
      for (const [specifier, names] of bySpecifier) {
        const present = new Set(runtime[`${mode} ${specifier}`]);
        expect(names.length, `${mode} ${specifier} declares no values`).toBeGreaterThan(0);
        const absent = names.filter((name) => !present.has(name));
        if (absent.length > 0) missing[`${mode} ${specifier}`] = absent;
      }
    }
    expect(missing, 'declared as values, missing at run time').toEqual({});
  }, 120_000);
});
