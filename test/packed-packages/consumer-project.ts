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
/** Node's view: prints `{ "import <specifier>" | "require <specifier>": exportedNames[] }`. */
const RUNTIME_FILE = 'runtime-exports.mjs';

/** Customers' strictest usual setup: strict, declaration files checked, Node's own resolution. */
const NODENEXT_CONFIG = {
  compilerOptions: {
    strict: true,
    skipLibCheck: false,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    types: ['node'],
    noEmit: true,
  },
  files: [ESM_ENTRY_FILE, CJS_ENTRY_FILE],
};
/**
 * The same code as a bundler (Vite, esbuild, webpack) resolves it. The declaration files are
 * checked under nodenext (the packages have no bundler-only conditions, so it picks the same
 * files, and checking them all again would double the test's longest step): this proves that
 * every entry point resolves, and the consumer's code typechecks.
 */
const BUNDLER_CONFIG = {
  extends: './tsconfig.json',
  compilerOptions: { module: 'preserve', moduleResolution: 'bundler', skipLibCheck: true },
};

export interface ConsumerProject {
  readonly dir: string;
  /** `tsconfig.json`: strict, declaration files checked, `module` and `moduleResolution` nodenext. */
  readonly nodenextConfig: string;
  /** The same with `module: preserve`, `moduleResolution: bundler` (and `skipLibCheck`). */
  readonly bundlerConfig: string;
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
  const json = (value: unknown) => JSON.stringify(value);
  return {
    // `import * as` puts each whole declaration file in front of the checker.
    [ESM_ENTRY_FILE]: `${entries.map((e, i) => `import * as entry${i} from ${json(e.specifier)};`).join('\n')}
export const entries = [${entries.map((_, i) => `entry${i}`).join(', ')}];
`,
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
    'tsconfig.json': NODENEXT_CONFIG,
    'tsconfig.bundler.json': BUNDLER_CONFIG,
  };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), `${JSON.stringify(content, null, 2)}\n`);
  }
  for (const [name, content] of Object.entries(entryFiles(entries))) writeFileSync(join(dir, name), content);
  await runIn(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
  return {
    dir,
    nodenextConfig: join(dir, 'tsconfig.json'),
    bundlerConfig: join(dir, 'tsconfig.bundler.json'),
    run: (command, args) => runIn(dir, command, args),
    runtimeExports: async () => JSON.parse(await runIn(dir, process.execPath, [RUNTIME_FILE])),
  };
}
