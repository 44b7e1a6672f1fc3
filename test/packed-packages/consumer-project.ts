/**
 * @module
 * A customer's project outside the workspace: the packed tarballs installed with npm from the
 * registry (no workspace links, no pnpm), and files that import every public entry point for
 * `tsc` and for Node.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EntryPoint } from './package-manifest';

const run = promisify(execFile);

/** The ESM file importing every entry point, and the CommonJS one requiring the requirable ones. */
export const ESM_ENTRY_FILE = 'entry-points.ts';
export const CJS_ENTRY_FILE = 'entry-points-require.cts';
/** Imports the entry points that `moduleResolution: node10` can resolve. */
const NODE10_ENTRY_FILE = 'entry-points-node10.ts';
/** Node's view: prints `{ "import <specifier>" | "require <specifier>": exportedNames[] }`. */
const RUNTIME_FILE = 'runtime-exports.mjs';

/** The `moduleResolution` settings a customer may use; each gets its own tsconfig. */
export const MODULE_RESOLUTIONS = ['node16', 'nodenext', 'bundler', 'node10'] as const;
export type ModuleResolution = (typeof MODULE_RESOLUTIONS)[number];

/** Customers' strictest usual setup: strict, and the declaration files checked too. */
const STRICT = { strict: true, skipLibCheck: false, target: 'es2022', types: ['node'], noEmit: true };
const BOTH_ENTRY_FILES = [ESM_ENTRY_FILE, CJS_ENTRY_FILE];
/** Each resolution with the `module` setting that goes with it, and the files it checks. */
const CONSUMER_CONFIGS: Record<ModuleResolution, { file: string; module: string; files: string[] }> = {
  nodenext: { file: 'tsconfig.json', module: 'nodenext', files: BOTH_ENTRY_FILES },
  node16: { file: 'tsconfig.node16.json', module: 'node16', files: BOTH_ENTRY_FILES },
  // As a bundler (Vite, esbuild, webpack) resolves it.
  bundler: { file: 'tsconfig.bundler.json', module: 'preserve', files: BOTH_ENTRY_FILES },
  // TypeScript's old `node`: no `exports`, and no `.cts` files (they need node16 or later).
  node10: { file: 'tsconfig.node10.json', module: 'commonjs', files: [NODE10_ENTRY_FILE] },
};

export interface ConsumerProject {
  readonly dir: string;
  /** The tsconfig of each resolution; `tsconfig.json` is nodenext's. */
  readonly configs: Readonly<Record<ModuleResolution, string>>;
  /** The specifiers the node10 config imports (the entry points node10 resolves). */
  readonly node10Specifiers: readonly string[];
  /**
   * `tsc -p` of one resolution's config, by the consumer's own TypeScript in a child process (so
   * several run on the machine's cores at once): its errors, or '' when it typechecks.
   */
  typecheck(resolution: ModuleResolution): Promise<string>;
  /** Runs a command in the project; rejects with its output when it fails. */
  run(command: string, args: readonly string[]): Promise<string>;
  /** The names each entry point exports at run time, keyed `import <specifier>` / `require <specifier>`. */
  runtimeExports(): Promise<Record<string, string[]>>;
}

async function runIn(dir: string, command: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(command, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${stdout}\n${stderr}`);
  }
}

function entryFiles(entries: readonly EntryPoint[]): Record<string, string> {
  const requirable = entries.filter((entry) => entry.requirable);
  const node10 = entries.filter((entry) => entry.node10);
  const json = (value: unknown) => JSON.stringify(value);
  // `import * as` puts each whole declaration file in front of the checker.
  const importEach = (imported: readonly EntryPoint[]) =>
    `${imported.map((e, i) => `import * as entry${i} from ${json(e.specifier)};`).join('\n')}
export const entries = [${imported.map((_, i) => `entry${i}`).join(', ')}];
`;
  return {
    [ESM_ENTRY_FILE]: importEach(entries),
    [NODE10_ENTRY_FILE]: importEach(node10),
    [CJS_ENTRY_FILE]: `${requirable.map((e, i) => `import entry${i} = require(${json(e.specifier)});`).join('\n')}
export const entries = [${requirable.map((_, i) => `entry${i}`).join(', ')}];
`,
    [RUNTIME_FILE]: `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const exported = {};
for (const specifier of ${json(entries.map((e) => e.specifier))}) {
  exported[\`import \${specifier}\`] = Object.keys(await import(specifier));
}
for (const specifier of ${json(requirable.map((e) => e.specifier))}) {
  exported[\`require \${specifier}\`] = Object.keys(require(specifier));
}
console.log(JSON.stringify(exported));
// An entry point that starts timers or servers on import must not keep this check alive.
process.exit(0);
`,
  };
}

/**
 * Creates the project in `dir` and installs `dependencies` (name → npm specifier, e.g. a
 * `file:` tarball) in one `npm install`.
 */
export async function installConsumerProject(
  dir: string,
  dependencies: Readonly<Record<string, string>>,
  entries: readonly EntryPoint[],
): Promise<ConsumerProject> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, unknown> = {
    'package.json': { name: 'outdial-consumer', private: true, type: 'module', dependencies },
  };
  for (const [resolution, config] of Object.entries(CONSUMER_CONFIGS)) {
    files[config.file] = {
      compilerOptions: { ...STRICT, module: config.module, moduleResolution: resolution },
      files: config.files,
    };
  }
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`);
  }
  for (const [name, content] of Object.entries(entryFiles(entries))) writeFileSync(join(dir, name), content);
  await runIn(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  const configs = Object.fromEntries(
    MODULE_RESOLUTIONS.map((resolution) => [resolution, join(dir, CONSUMER_CONFIGS[resolution].file)]),
  ) as Record<ModuleResolution, string>;
  const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
  return {
    dir,
    configs,
    node10Specifiers: entries.filter((entry) => entry.node10).map((entry) => entry.specifier),
    typecheck: (resolution) =>
      runIn(dir, process.execPath, [tsc, '-p', configs[resolution]]).then(
        () => '',
        (error: Error) => error.message,
      ),
    run: (command, args) => runIn(dir, command, args),
    runtimeExports: async () => JSON.parse(await runIn(dir, process.execPath, [RUNTIME_FILE])),
  };
}
