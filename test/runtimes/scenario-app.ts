/**
 * @module
 * A customer's app outside the workspace: a folder whose `node_modules` links to the BUILT
 * packages (`packages/sdk`, `packages/mock` and the `packages/contract` both import, whose
 * `exports` point at `dist/`), with the scenario files in it. Outside the workspace, so no
 * runtime or bundler can pick up the workspace's tsconfig `paths` to the sources (Bun and esbuild
 * both honour them).
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const REPO_ROOT = join(import.meta.dirname, '..', '..');
const SCENARIO_DIR = join(import.meta.dirname, 'scenario');
/** The packages the app depends on, and where they are. */
const LINKED = {
  // The SDK's and the mock's dependency, as a customer's installer would put it beside them.
  '@outdial/contract': join(REPO_ROOT, 'packages', 'contract'),
  '@outdial/sdk': join(REPO_ROOT, 'packages', 'sdk'),
  '@outdial/mock': join(REPO_ROOT, 'packages', 'mock'),
  msw: realpathSync(join(import.meta.dirname, '..', 'node_modules', 'msw')),
};

export interface ScenarioApp {
  readonly dir: string;
  /** `<dir>/<file>`, a scenario file (`entry.mjs`, `entry.cjs`, …). */
  file(name: string): string;
  /**
   * Bundles a scenario file with esbuild, SDK inside, as an app's bundler would for a browser or
   * an edge worker (`conditions` picks the build, e.g. `workerd`). Throws unless the bundle took
   * the SDK from `dist/`.
   */
  bundle(name: string, conditions: readonly string[]): Promise<string>;
  remove(): void;
}

/** Builds `dist/` of the packages whose build is missing (the root `pnpm test` builds first). */
function ensureBuilt(): void {
  // The contract first: the SDK's and the mock's declarations build against its own.
  for (const dir of [LINKED['@outdial/contract'], LINKED['@outdial/sdk'], LINKED['@outdial/mock']]) {
    if (!existsSync(join(dir, 'dist', 'index.js')))
      execFileSync('pnpm', ['-C', dir, 'build'], { stdio: 'pipe' });
  }
}

export function createScenarioApp(): ScenarioApp {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'outdial-runtimes-'));
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  for (const [name, target] of Object.entries(LINKED)) {
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', name), 'dir');
  }
  cpSync(SCENARIO_DIR, dir, { recursive: true });
  return {
    dir,
    file: (name) => join(dir, name),
    async bundle(name, conditions) {
      const result = await build({
        entryPoints: [join(dir, name)],
        absWorkingDir: dir,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        conditions: [...conditions],
        // No tsconfig: its `paths` would swap the built packages for their sources.
        tsconfigRaw: {},
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      const fromSources = inputs.filter((input) => /packages\/(sdk|mock|contract)\/src\//.test(input));
      if (fromSources.length > 0 || !inputs.some((input) => input.endsWith('packages/sdk/dist/index.js'))) {
        throw new Error(`${name}: the bundle did not take the SDK from dist/:\n${inputs.join('\n')}`);
      }
      return result.outputFiles[0]?.text ?? '';
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
